package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.internal.boot.JwtAuthenticationConverterAdjustment;
import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How a verified token becomes the authentication: a {@link ZuploPrincipal} named by
 * {@code zuplo.principal-claim}, with authorities from {@code zuplo.authorities-claim}.
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtAuthenticationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter zuploJwtAuthenticationConverter(ZuploJwtProperties properties,
			ObjectProvider<JwtAuthenticationConverterAdjustment> adjustments) {
		String principalClaim = ZuploJwtSettings.principalClaim(properties);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		// Before Spring Security 7.1 the principal is the decoded token, which the starter's decoder makes
		// a ZuploPrincipal; 7.1 makes a principal of its own unless told otherwise (an adjustment does).
		converter.setPrincipalClaimName(principalClaim);
		adjustments.orderedStream().forEach((adjustment) -> adjustment.adjust(converter, principalClaim));
		converter.setJwtGrantedAuthoritiesConverter(ZuploJwtSettings.authorities(properties));
		return converter;
	}

	/**
	 * The authentication the starter's filter chains make with {@code converter}: as it
	 * makes it, except that a token without the principal claim, which Spring Security names
	 * {@code null}, is named as its {@link ZuploPrincipal} is.
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
