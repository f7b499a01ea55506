package io.github.zuplojwt.internal.boot;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Where Actuator's endpoints are on the reactive stack, as the running Spring Boot
 * generation's own {@code EndpointRequest} matches them: the reactive counterpart of
 * {@link ManagementEndpoints}.
 *
 * @param health the health endpoint, its groups and their additional paths
 * @param anyEndpoint every Actuator endpoint
 */
public record ReactiveManagementEndpoints(ServerWebExchangeMatcher health, ServerWebExchangeMatcher anyEndpoint) {

}
