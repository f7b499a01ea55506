package io.github.zuplojwt.internal.boot3;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtOperationsAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The starter's operations on Spring Boot 3.5: the {@code zuplo} health component, and the
 * ordering of the core's {@link ZuploJwtOperationsAutoConfiguration} after Spring Boot 3's
 * metrics and observation auto-configurations (this runs after those and before it).
 */
@AutoConfiguration(after = ZuploJwtAutoConfiguration.class, before = ZuploJwtOperationsAutoConfiguration.class,
		afterName = { "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration" })
@ConditionalOnClass(SecurityAutoConfiguration.class)
@ConditionalOnBean(ZuploJwtProperties.class)
@Import(Boot3HealthConfiguration.class)
public class ZuploJwtBoot3OperationsAutoConfiguration {

}
