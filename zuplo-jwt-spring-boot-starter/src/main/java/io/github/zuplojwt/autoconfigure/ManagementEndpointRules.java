package io.github.zuplojwt.autoconfigure;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call Actuator's endpoints on the servlet stack, applied by the starter's filter
 * chain after {@code zuplo.public-paths} and before {@code zuplo.protected-paths}, so that
 * an endpoint needs a token even when the protected paths do not cover it.
 */
@FunctionalInterface
interface ManagementEndpointRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
