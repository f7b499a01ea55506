package io.github.zuplojwt.internal.boot3;

import io.github.zuplojwt.internal.boot.ManagementEndpoints;
import io.github.zuplojwt.internal.boot.ReactiveManagementEndpoints;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Actuator's endpoints as Spring Boot 3's {@code EndpointRequest} matches them, on each web
 * stack. The core's filter chains apply the rules: health open unless
 * {@code zuplo.actuator.public-health=false}, every other endpoint with a valid token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(WebEndpointAutoConfiguration.class)
class Boot3ManagementEndpointsConfiguration {

	private static final String HEALTH = "health";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(EndpointRequest.class)
	static class Servlet {

		@Bean
		ManagementEndpoints zuploManagementEndpoints() {
			return new ManagementEndpoints(
					new OrRequestMatcher(EndpointRequest.to(HEALTH),
							EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HEALTH)),
					EndpointRequest.toAnyEndpoint());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest.class)
	static class Reactive {

		@Bean
		ReactiveManagementEndpoints zuploReactiveManagementEndpoints() {
			return new ReactiveManagementEndpoints(
					new OrServerWebExchangeMatcher(org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest.to(HEALTH),
							org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HEALTH)),
					org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest.toAnyEndpoint());
		}

	}

}
