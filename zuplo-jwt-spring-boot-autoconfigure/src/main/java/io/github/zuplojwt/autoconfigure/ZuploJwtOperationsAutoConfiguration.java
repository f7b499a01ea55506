package io.github.zuplojwt.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;

/**
 * What operators see of the starter, each part only where its library is present: meters of
 * the key and token caches (Micrometer) and observed token verifications (an
 * {@code ObservationRegistry}). It runs after Spring Boot's metrics and observation
 * auto-configurations, through the adapter of the running Spring Boot generation, which also
 * contributes the {@code zuplo} health component and the matchers of Actuator's endpoints.
 */
@AutoConfiguration(after = ZuploJwtAutoConfiguration.class)
@ConditionalOnBean(ZuploJwtProperties.class)
@Import({ ZuploJwtMetricsConfiguration.class, ZuploJwtObservationConfiguration.class })
public class ZuploJwtOperationsAutoConfiguration {

}
