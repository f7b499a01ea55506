package io.github.zuplojwt.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator's endpoints in the starter's servlet filter chain, the way Spring Boot's own
 * management security treats them: the health endpoint, its groups (liveness, readiness)
 * and their additional paths are open unless {@code zuplo.actuator.public-health=false};
 * every other endpoint needs a valid token unless {@code zuplo.public-paths} opens it. The
 * reactive chain gets the same rules from {@link ZuploJwtReactiveManagementSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, EndpointRequest.class, WebEndpointAutoConfiguration.class })
class ZuploJwtServletManagementSecurityConfiguration {

	private static final String HEALTH = "health";

	@Bean
	ManagementEndpointRules zuploManagementEndpointRules(ZuploJwtProperties properties) {
		boolean publicHealth = properties.getActuator().isPublicHealth();
		return (requests) -> {
			if (publicHealth) {
				requests
					.requestMatchers(EndpointRequest.to(HEALTH),
							EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HEALTH))
					.permitAll();
			}
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).authenticated();
		};
	}

}
