package io.github.zuplojwt.autoconfigure;

import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter lists its auto-configurations for Spring Boot's web test slices in a way that
 * cannot break a slice on another Spring Boot version: the starter's own classes always
 * exist, and every Spring Boot class is marked {@code optional:}, so a Spring Boot that
 * lacks it skips it instead of failing the test ("Unable to read meta-data for class").
 */
class TestSliceRegistrationTests {

	private static final String STARTER = "io.github.zuplojwt.";

	@ParameterizedTest
	@ValueSource(strings = { "org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest",
			"org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc",
			"org.springframework.boot.webflux.test.autoconfigure.WebFluxTest",
			"org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient" })
	void everySliceGetsTheStarterAndOnlyOptionalSpringBootClasses(String annotation) throws Exception {
		List<String> lines = lines(annotation);
		assertThat(lines).contains(STARTER + "autoconfigure.ZuploJwtAutoConfiguration");
		for (String line : lines) {
			if (line.startsWith(STARTER)) {
				assertThat(ClassUtils.isPresent(line, null)).as(line).isTrue();
			}
			else {
				assertThat(line).startsWith("optional:org.springframework.boot.");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "org.springframework.boot.webflux.test.autoconfigure.WebFluxTest",
			"org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient" })
	void reactiveSlicesGetTheReactiveAutoConfigurationToo(String annotation) throws Exception {
		assertThat(lines(annotation)).contains(STARTER + "autoconfigure.ZuploJwtReactiveAutoConfiguration");
	}

	@Test
	void aMissingClassMarkedOptionalIsSkipped() {
		new ApplicationContextRunner().withUserConfiguration(OptionalMissingClassUser.class)
			.run((context) -> assertThat(context).hasNotFailed().hasBean("present"));
	}

	@Test
	void aMissingClassNotMarkedOptionalFailsTheContext() {
		new ApplicationContextRunner().withUserConfiguration(RequiredMissingClassUser.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("NotInThisSpringBootAutoConfiguration"));
	}

	/**
	 * The starter's own file (other jars, Spring Boot's, list classes under the same name),
	 * from its classes directory or its jar.
	 */
	private static List<String> lines(String annotation) throws Exception {
		String self = ZuploJwtAutoConfiguration.class.getName().replace('.', '/') + ".class";
		String starterRoot = ZuploJwtAutoConfiguration.class.getClassLoader().getResource(self).toString();
		starterRoot = starterRoot.substring(0, starterRoot.length() - self.length());
		URI resource = URI.create(starterRoot + "META-INF/spring/" + annotation + ".imports");
		try (InputStream in = resource.toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	/** Imports what its file lists, as a test slice annotation does. */
	@Retention(RetentionPolicy.RUNTIME)
	@ImportAutoConfiguration
	@interface OptionalMissingClass {

	}

	/** Imports what its file lists, as a test slice annotation does. */
	@Retention(RetentionPolicy.RUNTIME)
	@ImportAutoConfiguration
	@interface RequiredMissingClass {

	}

	/** A configuration under {@link OptionalMissingClass}. */
	@Configuration(proxyBeanMethods = false)
	@OptionalMissingClass
	static class OptionalMissingClassUser {

	}

	/** A configuration under {@link RequiredMissingClass}. */
	@Configuration(proxyBeanMethods = false)
	@RequiredMissingClass
	static class RequiredMissingClassUser {

	}

	/** The class both files list that every Spring Boot has. */
	@AutoConfiguration
	static class PresentConfiguration {

		@Bean
		String present() {
			return "present";
		}

	}

}
