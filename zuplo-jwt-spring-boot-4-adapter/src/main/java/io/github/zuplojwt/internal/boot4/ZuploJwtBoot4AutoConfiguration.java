package io.github.zuplojwt.internal.boot4;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import io.github.zuplojwt.autoconfigure.ZuploJwtReactiveAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The starter on Spring Boot 4: what differs from Spring Boot 3.5. It runs after the core's
 * auto-configurations and before Spring Boot 4's security, resource-server and management
 * security ones, so that the core runs before those too (the auto-configuration sorter orders
 * transitively) and they back off. Applies only where Spring Boot 4's security
 * auto-configuration is on the class path.
 */
@AutoConfiguration(after = { ZuploJwtAutoConfiguration.class, ZuploJwtReactiveAutoConfiguration.class },
		before = { ServletWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class },
		// Named, not referenced: the resource-server auto-configurations moved between Boot 4.0 and 4.1,
		// management security exists only with Actuator, and reactive security only with WebFlux.
		beforeName = {
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(SecurityAutoConfiguration.class)
@ConditionalOnBean(ZuploJwtProperties.class)
@Import({ Boot4ManagementEndpointsConfiguration.class, Boot4ProtectedResourceMetadataConfiguration.class,
		Boot4PrincipalConfiguration.class })
public class ZuploJwtBoot4AutoConfiguration {

}
