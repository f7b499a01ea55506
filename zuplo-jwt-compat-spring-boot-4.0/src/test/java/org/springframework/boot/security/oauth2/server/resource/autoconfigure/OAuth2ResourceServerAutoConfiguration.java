package org.springframework.boot.security.oauth2.server.resource.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Spring Boot 4.1's resource-server auto-configuration, as it is on Spring Boot 4.0: there it is
 * one class in the {@code servlet} sub-package, which this applies with the same ordering. With
 * it, the starter's tests that name the 4.1 class compile and run here against Boot 4.0's real
 * auto-configuration.
 */
@AutoConfiguration(before = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@Import(org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration.class)
public class OAuth2ResourceServerAutoConfiguration {

}
