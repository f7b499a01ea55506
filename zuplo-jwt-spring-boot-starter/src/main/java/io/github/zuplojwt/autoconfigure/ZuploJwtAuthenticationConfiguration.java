package io.github.zuplojwt.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.util.StringUtils;

/**
 * How a verified token becomes the authenticated principal: its name from
 * {@code zuplo.principal-claim}, its authorities from {@code zuplo.authorities-claim}.
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtAuthenticationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter zuploJwtAuthenticationConverter(ZuploJwtProperties properties) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		if (!StringUtils.hasText(properties.getPrincipalClaim())) {
			throw new org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException(
					"zuplo.principal-claim", properties.getPrincipalClaim(), "It must name a claim, such as sub.");
		}
		converter.setPrincipalClaimName(properties.getPrincipalClaim());
		if (StringUtils.hasText(properties.getAuthoritiesClaim())) {
			JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
			authorities.setAuthoritiesClaimName(properties.getAuthoritiesClaim());
			authorities.setAuthorityPrefix((properties.getAuthorityPrefix() != null) ? properties.getAuthorityPrefix() : "");
			converter.setJwtGrantedAuthoritiesConverter(authorities);
		}
		else {
			converter.setJwtGrantedAuthoritiesConverter((jwt) -> List.of());
		}
		return converter;
	}

}
