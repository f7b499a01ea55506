package io.github.zuplojwt.internal.boot4;

import io.github.zuplojwt.internal.boot.JwtAuthenticationConverterAdjustment;
import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On Spring Security 7.1 and later, whose {@code JwtAuthenticationConverter} makes a principal
 * of its own ({@code JwtAuthenticatedPrincipal}, which comes with 7.1) instead of passing the
 * decoded token on, tells it to make the {@link ZuploPrincipal}, as the decoded token already
 * is on Spring Security 6.5 and 7.0.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
		name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter$JwtAuthenticatedPrincipal")
class Boot4PrincipalConfiguration {

	@Bean
	JwtAuthenticationConverterAdjustment zuploPrincipalConverter() {
		return (converter, principalClaim) -> converter.setJwtPrincipalConverter(
				(jwt) -> (jwt instanceof ZuploPrincipal principal) ? principal : new ZuploPrincipal(jwt, principalClaim));
	}

}
