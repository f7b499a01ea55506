package io.github.zuplojwt.autoconfigure;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Auto-configuration that makes a Spring Boot application trust requests from the Zuplo
 * API gateway by verifying the JWT Zuplo attaches to each upstream request. It runs before
 * Spring Boot's own resource-server and (servlet) management security auto-configurations,
 * which then back off.
 */
@AutoConfiguration(
		before = { ServletWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class },
		// Named, not referenced: the resource-server auto-configurations moved between Boot 4.0 and 4.1,
		// and management security exists only with Actuator.
		beforeName = {
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnClass({ JwtDecoder.class, SignedJWT.class })
@ConditionalOnBooleanProperty(name = "zuplo.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZuploJwtProperties.class)
@Import({ ZuploJwtDecoderConfiguration.class, ZuploJwtAuthenticationConfiguration.class,
		ZuploJwtServletWebSecurityConfiguration.class })
public class ZuploJwtAutoConfiguration {

}
