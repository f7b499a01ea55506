package io.github.zuplojwt.autoconfigure;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Auto-configuration that protects a reactive (WebFlux) application with the same
 * verification core, properties and responses as a servlet one. It runs before Spring
 * Boot's reactive security, management security and resource-server auto-configurations,
 * which then back off, through the adapter of the running Spring Boot generation, as
 * {@link ZuploJwtAutoConfiguration} does.
 */
@AutoConfiguration(after = ZuploJwtAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ JwtDecoder.class, SignedJWT.class })
@ConditionalOnBooleanProperty(name = "zuplo.enabled", matchIfMissing = true)
@Import({ ZuploJwtReactiveDecoderConfiguration.class, ZuploJwtReactiveWebSecurityConfiguration.class })
public class ZuploJwtReactiveAutoConfiguration {

}
