package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.principal.ClaimAuthoritiesConverter;
import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * How a verified token becomes the authentication: a {@link ZuploPrincipal} named by
 * {@code zuplo.principal-claim}, with authorities from {@code zuplo.authorities-claim}.
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtAuthenticationConfiguration {

	/**
	 * Whether Spring Security can be told which principal to make (7.1 and later). Without
	 * it (7.0), the principal is the decoded token itself, which the starter's decoder
	 * already makes a {@link ZuploPrincipal}.
	 */
	private static final boolean PRINCIPAL_CONVERTER_SUPPORTED = ClassUtils
		.hasMethod(JwtAuthenticationConverter.class, "setJwtPrincipalConverter", Converter.class);

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter zuploJwtAuthenticationConverter(ZuploJwtProperties properties) {
		String principalClaim = ZuploJwtSettings.principalClaim(properties);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		if (PRINCIPAL_CONVERTER_SUPPORTED) {
			converter.setJwtPrincipalConverter((jwt) -> (jwt instanceof ZuploPrincipal principal) ? principal
					: new ZuploPrincipal(jwt, principalClaim));
		}
		else {
			converter.setPrincipalClaimName(principalClaim);
		}
		if (StringUtils.hasText(properties.getAuthoritiesClaim())) {
			converter.setJwtGrantedAuthoritiesConverter(new ClaimAuthoritiesConverter(
					properties.getAuthoritiesClaim().trim(), properties.getAuthorityPrefix()));
		}
		else {
			converter.setJwtGrantedAuthoritiesConverter((jwt) -> List.of());
		}
		return converter;
	}

	/**
	 * The authentication the starter's filter chains make with {@code converter}: as it
	 * makes it, except that a token without the principal claim, which Spring Security
	 * before 7.1 names {@code null}, is named as its {@link ZuploPrincipal} is.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> named(Converter<Jwt, AbstractAuthenticationToken> converter,
			ZuploJwtProperties properties) {
		String principalClaim = ZuploJwtSettings.principalClaim(properties);
		return (jwt) -> {
			AbstractAuthenticationToken authentication = converter.convert(jwt);
			if (authentication instanceof JwtAuthenticationToken token && token.getName() == null) {
				String name = (jwt instanceof ZuploPrincipal principal) ? principal.getName()
						: new ZuploPrincipal(jwt, principalClaim).getName();
				JwtAuthenticationToken named = new JwtAuthenticationToken(jwt, token.getAuthorities(), name);
				named.setDetails(token.getDetails());
				return named;
			}
			return authentication;
		};
	}

}
