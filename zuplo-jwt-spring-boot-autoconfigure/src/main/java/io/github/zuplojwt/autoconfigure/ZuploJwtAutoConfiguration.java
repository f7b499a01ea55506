package io.github.zuplojwt.autoconfigure;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Auto-configuration that makes a Spring Boot application trust requests from the Zuplo
 * API gateway by verifying the JWT Zuplo attaches to each upstream request. It runs before
 * Spring Boot's own security, resource-server and (servlet) management security
 * auto-configurations, which then back off: the adapter of the running Spring Boot
 * generation orders itself after this and before those, whose names differ between
 * generations.
 */
@AutoConfiguration
@ConditionalOnClass({ JwtDecoder.class, SignedJWT.class })
@ConditionalOnBooleanProperty(name = "zuplo.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZuploJwtProperties.class)
@Import({ ZuploJwtDecoderConfiguration.class, ZuploJwtAuthenticationConfiguration.class,
		ZuploJwtServletWebSecurityConfiguration.class, ZuploJwtRequestIdConfiguration.class })
public class ZuploJwtAutoConfiguration {

}
