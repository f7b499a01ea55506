package io.github.zuplojwt.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import io.github.zuplojwt.actuate.ZuploJwtHealthIndicator;
import io.github.zuplojwt.actuate.ZuploJwtMetrics;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
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
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class,
				ZuploJwtOperationsAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class))
		.withPropertyValues(ISSUER);

	@Test
	void healthIndicatorAndMetersComeWithTheirLibraries() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ZuploJwtHealthIndicator.class).hasBean("zuploHealthIndicator");
			assertThat(context).hasSingleBean(ZuploJwtMetrics.class);
			assertThat(context).hasSingleBean(ManagementEndpointRules.class);
		});
	}

	@Test
	void aReactiveApplicationGetsTheActuatorRulesForItsOwnChain() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class,
					ZuploJwtReactiveAutoConfiguration.class, ZuploJwtOperationsAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class))
			.withPropertyValues(ISSUER)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveManagementEndpointRules.class)
					.doesNotHaveBean(ManagementEndpointRules.class)
					.hasSingleBean(ZuploJwtHealthIndicator.class)
					.hasSingleBean(ZuploJwtMetrics.class);
			});
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ReactiveManagementEndpointRules.class));
	}

	@Test
	void verificationsAreObservedOnlyWithAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TokenVerificationObservation.class));
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(TokenVerificationObservation.class));
	}

	@Test
	void healthIndicatorCanBeSwitchedOffTheSpringBootWay() {
		this.contextRunner.withPropertyValues("management.health.zuplo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZuploJwtHealthIndicator.class));
	}

	@Test
	void withoutActuatorOrMicrometerTheirBeansAreAbsentAndTheChainStillStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterBinder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
				assertThat(context).doesNotHaveBean(ZuploJwtHealthIndicator.class)
					.doesNotHaveBean(ZuploJwtMetrics.class);
			});
	}

	@Test
	void aUserDecoderHasNoZuploHealthOrKeyMeters() {
		this.contextRunner.withUserConfiguration(ZuploJwtAutoConfigurationTests.CustomDecoderConfig.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ZuploJwtHealthIndicator.class)
					.doesNotHaveBean(ZuploJwtMetrics.class);
			});
	}

	@Test
	void userObservationIsTheOneUsed() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(CustomObservationConfig.class)
			.run((context) -> assertThat(context.getBean(TokenVerificationObservation.class))
				.isSameAs(context.getBean("customObservation")));
	}

	@Test
	void disabledStarterContributesNoOperationsBeans() {
		this.contextRunner.withPropertyValues("zuplo.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ZuploJwtHealthIndicator.class);
			assertThat(context).doesNotHaveBean(ZuploJwtMetrics.class);
			assertThat(context).doesNotHaveBean(ManagementEndpointRules.class);
		});
	}

	@Test
	void eachStacksChainIsOrderedBeforeSpringBootsManagementSecurityByName() throws IOException {
		Properties metadata = new Properties();
		for (URL resource : Collections.list(
				getClass().getClassLoader().getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
			try (InputStream in = resource.openStream()) {
				metadata.load(in);
			}
		}
		String servlet = metadata.getProperty(ZuploJwtAutoConfiguration.class.getName() + ".AutoConfigureBefore");
		String reactive = metadata
			.getProperty(ZuploJwtReactiveAutoConfiguration.class.getName() + ".AutoConfigureBefore");

		assertThat(List.of(servlet.split(","))).contains(ManagementWebSecurityAutoConfiguration.class.getName());
		assertThat(List.of(reactive.split(",")))
			.contains(ReactiveManagementWebSecurityAutoConfiguration.class.getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomObservationConfig {

		@Bean
		TokenVerificationObservation customObservation(ObservationRegistry registry) {
			return new TokenVerificationObservation(registry, List.of());
		}

	}

}
