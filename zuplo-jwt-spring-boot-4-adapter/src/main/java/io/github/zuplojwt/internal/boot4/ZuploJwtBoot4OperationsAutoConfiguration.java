package io.github.zuplojwt.internal.boot4;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtOperationsAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The starter's operations on Spring Boot 4: the {@code zuplo} health component, and the
 * ordering of the core's {@link ZuploJwtOperationsAutoConfiguration} after Spring Boot 4's
 * metrics and observation auto-configurations (this runs after those and before it).
 */
@AutoConfiguration(after = ZuploJwtAutoConfiguration.class, before = ZuploJwtOperationsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnClass(SecurityAutoConfiguration.class)
@ConditionalOnBean(ZuploJwtProperties.class)
@Import(Boot4HealthConfiguration.class)
public class ZuploJwtBoot4OperationsAutoConfiguration {

}
