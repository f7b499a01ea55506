package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.autoconfigure.SpringBootVersionCheck.UnsupportedSpringBootVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The startup check that refuses to run on a Spring Boot version the starter is not built for,
 * with the version it sees injected.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootVersionCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "3.5.0", "3.5.7", "3.5.10-SNAPSHOT", "4.0.0", "4.0.7", "4.1.2", "4.1.0-SNAPSHOT",
			"4.2.0-M1", "4.10.0" })
	void springBoot35AndEvery4xStart(String version) {
		runningOn(version).run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.4.11", "3.0.0", "3.50.0", "2.7.18", "5.0.0", "40.1.0", "4", "4.x",
			"garbage" })
	void anyOtherVersionStopsStartupNamingTheSupportedVersionsAndTheSwitch(String version) {
		runningOn(version).run((context) -> assertThat(context).getFailure()
			.isInstanceOf(UnsupportedSpringBootVersionException.class)
			.hasMessageContaining("this application runs on Spring Boot " + version + ".")
			.hasMessageContaining("needs Spring Boot 3.5.x, or 4.0 or a later 4.x release")
			.hasMessageContaining("set zuplo.compatibility-verifier.enabled=false"));
	}

	@Test
	void anUnknownVersionIsNotJudged() {
		runningOn(null).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void switchingTheCheckOffStartsAnUnsupportedVersion() {
		runningOn("3.4.11").withPropertyValues("zuplo.compatibility-verifier.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void switchingTheStarterOffSkipsTheCheckToo() {
		runningOn("3.4.11").withPropertyValues("zuplo.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theFailureIsReportedAsADescriptionAndAnActionByTheRegisteredFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyConfig.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setInitializers(List.of(new SpringBootVersionCheck(() -> "3.4.11")));
		assertThatException().isThrownBy(application::run).isInstanceOf(UnsupportedSpringBootVersionException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.containsPattern("Description:\\s+zuplo-jwt-spring-boot-starter needs Spring Boot 3.5.x, or 4.0 or a later"
					+ " 4.x release, but this application runs on Spring Boot 3.4.11.")
			.containsPattern("Action:\\s+Run the application on Spring Boot 3.5.x, or 4.0 or a later 4.x release. "
					+ "To start it anyway, untested, set zuplo.compatibility-verifier.enabled=false.");
	}

	@Test
	void everyApplicationWithTheStarterRunsTheCheck() {
		SpringFactoriesLoader factories = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader());
		assertThat(factories.load(ApplicationContextInitializer.class))
			.hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
	}

	private static ApplicationContextRunner runningOn(String version) {
		return new ApplicationContextRunner().withInitializer(new SpringBootVersionCheck(() -> version));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfig {

	}

}
