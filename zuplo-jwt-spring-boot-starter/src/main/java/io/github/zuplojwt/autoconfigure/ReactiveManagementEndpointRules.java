package io.github.zuplojwt.autoconfigure;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Who may call Actuator's endpoints on the reactive stack, applied by the starter's web
 * filter chain after {@code zuplo.public-paths} and before {@code zuplo.protected-paths}, as
 * {@link ManagementEndpointRules} are on the servlet stack.
 */
@FunctionalInterface
interface ReactiveManagementEndpointRules {

	void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);

}
