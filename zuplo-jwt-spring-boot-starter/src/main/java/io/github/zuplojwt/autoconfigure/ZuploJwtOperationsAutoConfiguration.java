package io.github.zuplojwt.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;

/**
 * What operators see of the starter, each part only where its library is present: the
 * {@code zuplo} health contributor (Actuator), meters of the key and token caches
 * (Micrometer), observed token verifications (an {@code ObservationRegistry}), and the rules
 * for Actuator's endpoints in the starter's filter chain.
 */
@AutoConfiguration(after = ZuploJwtAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBean(ZuploJwtProperties.class)
@Import({ ZuploJwtHealthConfiguration.class, ZuploJwtMetricsConfiguration.class,
		ZuploJwtObservationConfiguration.class, ZuploJwtServletManagementSecurityConfiguration.class,
		ZuploJwtReactiveManagementSecurityConfiguration.class })
public class ZuploJwtOperationsAutoConfiguration {

}
