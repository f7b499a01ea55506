package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.actuate.ZuploJwtMetrics;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters of the key cache and the verified-token cache, bound to the application's meter
 * registries when Micrometer is on the classpath.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ZuploJwtDecoder.class)
class ZuploJwtMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZuploJwtMetrics zuploJwtMetrics(ZuploJwtDecoder decoder) {
		return new ZuploJwtMetrics(decoder);
	}

}
