package io.github.zuplojwt.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	/** The starter's own file: other jars (Spring Boot's) list classes under the same name. */
	private static List<String> lines(String annotation) throws Exception {
		URI starterClasses = ZuploJwtAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI();
		URI resource = starterClasses.resolve("META-INF/spring/" + annotation + ".imports");
		try (InputStream in = resource.toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

}
