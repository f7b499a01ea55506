package io.github.zuplojwt.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Actuator's endpoints in the starter's reactive filter chain, with the same rules as the
 * servlet chain ({@link ZuploJwtServletManagementSecurityConfiguration}), matched by WebFlux's
 * own {@link EndpointRequest}: the health endpoint, its groups and their additional paths are
 * open unless {@code zuplo.actuator.public-health=false}; every other endpoint needs a valid
 * token unless {@code zuplo.public-paths} opens it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class, EndpointRequest.class,
		WebEndpointAutoConfiguration.class })
class ZuploJwtReactiveManagementSecurityConfiguration {

	private static final String HEALTH = "health";

	@Bean
	ReactiveManagementEndpointRules zuploReactiveManagementEndpointRules(ZuploJwtProperties properties) {
		boolean publicHealth = properties.getActuator().isPublicHealth();
		return (exchanges) -> {
			if (publicHealth) {
				exchanges
					.matchers(EndpointRequest.to(HEALTH),
							EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HEALTH))
					.permitAll();
			}
			exchanges.matchers(EndpointRequest.toAnyEndpoint()).authenticated();
		};
	}

}
