package io.github.zuplojwt.autoconfigure;

import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.zuplojwt.support.boot.SpringBootGeneration;
import io.github.zuplojwt.support.boot.SpringBootGeneration.SliceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter of each Spring Boot generation lists the starter's auto-configurations for that
 * generation's web test slices, under that generation's annotation names, in a way that
 * cannot break a slice on another version of it: the starter's own classes always exist, and
 * every Spring Boot class is marked {@code optional:}, so a Spring Boot that lacks it skips it
 * instead of failing the test ("Unable to read meta-data for class").
 */
class TestSliceRegistrationTests {

	private static final String STARTER = "io.github.zuplojwt.";

	static List<SliceRegistration> slices() {
		return SpringBootGeneration.SLICE_REGISTRATIONS;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("slices")
	void everySliceGetsTheStarterAndOnlyOptionalSpringBootClasses(SliceRegistration slice) throws Exception {
		List<String> lines = lines(slice);
		assertThat(lines).contains(STARTER + "autoconfigure.ZuploJwtAutoConfiguration",
				SpringBootGeneration.ADAPTER.getName());
		for (String line : lines) {
			if (line.startsWith(STARTER)) {
				assertThat(ClassUtils.isPresent(line, null)).as(line).isTrue();
			}
			else {
				assertThat(line).startsWith("optional:org.springframework.boot.");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("slices")
	void reactiveSlicesGetTheReactiveAutoConfigurationToo(SliceRegistration slice) throws Exception {
		if (slice.reactive()) {
			assertThat(lines(slice)).contains(STARTER + "autoconfigure.ZuploJwtReactiveAutoConfiguration");
		}
		else {
			assertThat(lines(slice)).doesNotContain(STARTER + "autoconfigure.ZuploJwtReactiveAutoConfiguration");
		}
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
	 * The file of this Spring Boot generation's adapter, which registers the starter for the
	 * slices (other jars, Spring Boot's, list classes under the same name), from its classes
	 * directory or its jar.
	 */
	private static List<String> lines(SliceRegistration slice) throws Exception {
		String self = SpringBootGeneration.ADAPTER.getName().replace('.', '/') + ".class";
		String adapterRoot = SpringBootGeneration.ADAPTER.getClassLoader().getResource(self).toString();
		adapterRoot = adapterRoot.substring(0, adapterRoot.length() - self.length());
		URI resource = URI.create(adapterRoot + slice.resource());
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
