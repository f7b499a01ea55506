package io.github.zuplojwt.internal.boot;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where Actuator's endpoints are on the servlet stack, as the running Spring Boot generation's
 * own {@code EndpointRequest} matches them. Each generation's adapter supplies one; the rules
 * about who may call them stay in the core's filter chain.
 *
 * @param health the health endpoint, its groups and their additional paths
 * @param anyEndpoint every Actuator endpoint
 */
public record ManagementEndpoints(RequestMatcher health, RequestMatcher anyEndpoint) {

}
