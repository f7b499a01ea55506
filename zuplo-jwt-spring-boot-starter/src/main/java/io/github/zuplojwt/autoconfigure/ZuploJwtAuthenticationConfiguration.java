package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.principal.ClaimAuthoritiesConverter;
import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * How a verified token becomes the authenticated principal: a {@link ZuploPrincipal} named
 * by {@code zuplo.principal-claim}, with authorities from {@code zuplo.authorities-claim}.
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtAuthenticationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter zuploJwtAuthenticationConverter(ZuploJwtProperties properties) {
		String principalClaim = properties.getPrincipalClaim();
		if (!StringUtils.hasText(principalClaim)) {
			throw new InvalidConfigurationPropertyValueException("zuplo.principal-claim", principalClaim,
					"It must name a claim, such as sub.");
		}
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtPrincipalConverter((jwt) -> new ZuploPrincipal(jwt, principalClaim));
		if (StringUtils.hasText(properties.getAuthoritiesClaim())) {
			converter.setJwtGrantedAuthoritiesConverter(new ClaimAuthoritiesConverter(
					properties.getAuthoritiesClaim().trim(), properties.getAuthorityPrefix()));
		}
		else {
			converter.setJwtGrantedAuthoritiesConverter((jwt) -> List.of());
		}
		return converter;
	}

}
