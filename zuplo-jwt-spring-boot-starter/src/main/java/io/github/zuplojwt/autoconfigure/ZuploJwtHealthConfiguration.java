package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.actuate.ZuploJwtHealthIndicator;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code zuplo} health contributor: the state of every trusted issuer's keys, read from
 * the cache without fetching. Switched off with {@code management.health.zuplo.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ZuploJwtDecoder.class)
@ConditionalOnEnabledHealthIndicator("zuplo")
class ZuploJwtHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "zuploHealthIndicator")
	ZuploJwtHealthIndicator zuploHealthIndicator(ZuploJwtDecoder decoder) {
		return new ZuploJwtHealthIndicator(decoder);
	}

}
