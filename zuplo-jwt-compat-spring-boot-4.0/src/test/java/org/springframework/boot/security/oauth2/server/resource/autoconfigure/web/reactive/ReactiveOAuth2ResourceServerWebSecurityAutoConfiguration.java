package org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Spring Boot 4.1's reactive resource-server filter-chain auto-configuration, as it is on Spring
 * Boot 4.0: there the filter chain comes with {@code ReactiveOAuth2ResourceServerAutoConfiguration}
 * (in the {@code reactive} sub-package of the parent package), so this adds nothing.
 */
@AutoConfiguration
public class ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration {

}
