package io.github.zuplojwt.internal.boot3;

import java.time.Instant;

import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.actuate.KeySetHealth;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code zuplo} health component on Spring Boot 3.5 (Actuator's {@code HealthIndicator}):
 * the {@link KeySetHealth} of every trusted issuer, read from the key cache without fetching,
 * and the tokens refused by reason.
 * Switched off with {@code management.health.zuplo.enabled=false}; replaced by a bean of the
 * application's named {@code zuploHealthIndicator}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ZuploJwtDecoder.class)
@ConditionalOnEnabledHealthIndicator("zuplo")
class Boot3HealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "zuploHealthIndicator")
	HealthIndicator zuploHealthIndicator(ZuploJwtDecoder decoder) {
		return () -> {
			KeySetHealth health = KeySetHealth.of(decoder, Instant.now());
			return Health.status(health.status()).withDetails(health.details()).build();
		};
	}

}
