package org.springframework.boot.security.oauth2.server.resource.autoconfigure.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Spring Boot 4.1's resource-server filter-chain auto-configuration, as it is on Spring Boot 4.0:
 * there the filter chain comes with the resource-server auto-configuration itself (see
 * {@code OAuth2ResourceServerAutoConfiguration} in the parent package), so this adds nothing.
 */
@AutoConfiguration
public class OAuth2ResourceServerWebSecurityAutoConfiguration {

}
