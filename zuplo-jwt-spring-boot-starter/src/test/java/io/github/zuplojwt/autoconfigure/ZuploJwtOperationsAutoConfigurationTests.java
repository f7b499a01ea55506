package io.github.zuplojwt.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import io.github.zuplojwt.actuate.ZuploJwtMetrics;
import io.github.zuplojwt.internal.boot.ManagementEndpoints;
import io.github.zuplojwt.internal.boot.ReactiveManagementEndpoints;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which operations beans the starter contributes, each only where its library (or, for
 * observations, an {@link ObservationRegistry}) is present, how they back off, and the
 * ordering that keeps Spring Boot's management security from taking over, on either stack.
 */
class ZuploJwtOperationsAutoConfigurationTests {

	private static final String ISSUER = "zuplo.issuer=https://gw.example/__zuplo/issuer";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO_OPERATIONS))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.SERVLET_SECURITY))
		.withPropertyValues(ISSUER);

	@Test
	void healthIndicatorAndMetersComeWithTheirLibraries() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SpringBootGeneration.HEALTH_INDICATOR).hasBean("zuploHealthIndicator");
			assertThat(context).hasSingleBean(ZuploJwtMetrics.class);
			assertThat(context).hasSingleBean(ManagementEndpoints.class);
		});
	}

	@Test
	void aReactiveApplicationGetsTheActuatorRulesForItsOwnChain() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
			.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO_OPERATIONS))
			.withConfiguration(AutoConfigurations.of(SpringBootGeneration.REACTIVE_WEB_SECURITY))
			.withPropertyValues(ISSUER)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveManagementEndpoints.class)
					.doesNotHaveBean(ManagementEndpoints.class)
					.hasSingleBean(SpringBootGeneration.HEALTH_INDICATOR)
					.hasSingleBean(ZuploJwtMetrics.class);
			});
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ReactiveManagementEndpoints.class));
	}

	@Test
	void verificationsAreObservedOnlyWithAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TokenVerificationObservation.class));
		this.contextRunner.withConfiguration(AutoConfigurations.of(SpringBootGeneration.OBSERVATION))
			.run((context) -> assertThat(context).hasSingleBean(TokenVerificationObservation.class));
	}

	@Test
	void healthIndicatorCanBeSwitchedOffTheSpringBootWay() {
		this.contextRunner.withPropertyValues("management.health.zuplo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpringBootGeneration.HEALTH_INDICATOR));
	}

	@Test
	void withoutActuatorOrMicrometerTheirBeansAreAbsentAndTheChainStillStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringBootGeneration.HEALTH_INDICATOR, MeterBinder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
				assertThat(context).doesNotHaveBean(SpringBootGeneration.HEALTH_INDICATOR)
					.doesNotHaveBean(ZuploJwtMetrics.class);
			});
	}

	@Test
	void aUserDecoderHasNoZuploHealthOrKeyMeters() {
		this.contextRunner.withUserConfiguration(ZuploJwtAutoConfigurationTests.CustomDecoderConfig.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SpringBootGeneration.HEALTH_INDICATOR)
					.doesNotHaveBean(ZuploJwtMetrics.class);
			});
	}

	@Test
	void userObservationIsTheOneUsed() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SpringBootGeneration.OBSERVATION))
			.withUserConfiguration(CustomObservationConfig.class)
			.run((context) -> assertThat(context.getBean(TokenVerificationObservation.class))
				.isSameAs(context.getBean("customObservation")));
	}

	@Test
	void disabledStarterContributesNoOperationsBeans() {
		this.contextRunner.withPropertyValues("zuplo.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SpringBootGeneration.HEALTH_INDICATOR);
			assertThat(context).doesNotHaveBean(ZuploJwtMetrics.class);
			assertThat(context).doesNotHaveBean(ManagementEndpoints.class);
		});
	}

	@Test
	void eachStacksChainIsOrderedBeforeSpringBootsManagementSecurityThroughTheAdapter() throws IOException {
		Properties metadata = new Properties();
		for (URL resource : Collections.list(
				getClass().getClassLoader().getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
			try (InputStream in = resource.openStream()) {
				metadata.load(in);
			}
		}
		String adapter = SpringBootGeneration.ADAPTER.getName();

		assertThat(List.of(metadata.getProperty(adapter + ".AutoConfigureAfter").split(",")))
			.contains(ZuploJwtAutoConfiguration.class.getName(), ZuploJwtReactiveAutoConfiguration.class.getName());
		assertThat(List.of(metadata.getProperty(adapter + ".AutoConfigureBefore").split(",")))
			.contains(SpringBootGeneration.MANAGEMENT_WEB_SECURITY.getName(),
					SpringBootGeneration.REACTIVE_MANAGEMENT_WEB_SECURITY.getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomObservationConfig {

		@Bean
		TokenVerificationObservation customObservation(ObservationRegistry registry) {
			return new TokenVerificationObservation(registry, List.of());
		}

	}

}
