package io.github.zuplojwt.internal.boot3;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import io.github.zuplojwt.autoconfigure.ZuploJwtReactiveAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The starter on Spring Boot 3.5: what differs from Spring Boot 4. It runs after the core's
 * auto-configurations and before Spring Boot 3's security, resource-server and management
 * security ones, so that the core runs before those too (the auto-configuration sorter orders
 * transitively) and they back off. Applies only where Spring Boot 3's security
 * auto-configuration is on the class path.
 */
@AutoConfiguration(after = { ZuploJwtAutoConfiguration.class, ZuploJwtReactiveAutoConfiguration.class },
		before = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class },
		// Named, not referenced: management security exists only with Actuator, reactive security only with WebFlux.
		beforeName = {
				"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(SecurityAutoConfiguration.class)
@ConditionalOnBean(ZuploJwtProperties.class)
@Import(Boot3ManagementEndpointsConfiguration.class)
public class ZuploJwtBoot3AutoConfiguration {

}
