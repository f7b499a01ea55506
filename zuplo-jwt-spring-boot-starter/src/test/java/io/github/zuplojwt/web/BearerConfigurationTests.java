package io.github.zuplojwt.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.zuplojwt.support.boot.SpringBootGeneration;
import io.github.zuplojwt.web.reactive.ZuploServerBearerTokenConverter;
import io.github.zuplojwt.web.servlet.ZuploBearerTokenResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code zuplo.bearer.*} properties: bad values stop the application at startup naming
 * the key, on either stack, the IDE knows them, and an application's own
 * {@link BearerTokenResolver} replaces the starter's.
 */
class BearerConfigurationTests {

	private static final String ISSUER = "zuplo.issuer=https://gw.example/__zuplo/issuer";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.SERVLET_SECURITY))
		.withPropertyValues(ISSUER);

	@Test
	void defaultsAndCustomValuesStart() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(BearerTokenResolver.class)
			.isInstanceOf(ZuploBearerTokenResolver.class));
		this.contextRunner
			.withPropertyValues("zuplo.bearer.header-name=X-Gateway-Token", "zuplo.bearer.token-prefix=",
					"zuplo.bearer.form-parameter=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "X Gateway Token", "X-Token:", "Authorization(1)", "Tökén" })
	void headerNameThatIsNotAnHttpTokenFailsAtStartup(String headerName) {
		assertStartupFailure("zuplo.bearer.header-name", headerName, "not a valid HTTP header name");
	}

	@Test
	void emptyHeaderNameFailsAtStartup() {
		assertStartupFailure("zuplo.bearer.header-name", "", "Authorization");
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "Zuplo Token", "Bearer  JWT" })
	void prefixWithSpacesFailsAtStartup(String prefix) {
		assertStartupFailure("zuplo.bearer.token-prefix", prefix, "without spaces");
	}

	@Test
	void prefixWithCharactersOutsideAnHttpTokenFailsAtStartup() {
		assertStartupFailure("zuplo.bearer.token-prefix", "Bearer:", "one word");
	}

	@Test
	void badValuesStopAReactiveApplicationToo() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
			.withConfiguration(AutoConfigurations.of(SpringBootGeneration.REACTIVE_WEB_SECURITY))
			.withPropertyValues(ISSUER, "zuplo.bearer.token-prefix=Zuplo Token")
			.run((context) -> assertThat(
					assertInvalidProperty(context.getStartupFailure(), "zuplo.bearer.token-prefix").getReason())
				.contains("without spaces"));
	}

	@Test
	void settingsBuiltInCodeAreCheckedToo() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BearerTokenSettings("X Token", "Bearer", false))
			.withMessageContaining("header name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ZuploBearerTokenResolver(new BearerTokenSettings("X-Token", "Zuplo Token", false)))
			.withMessageContaining("without spaces");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ZuploServerBearerTokenConverter(new BearerTokenSettings("X:Token", "Zuplo", false)))
			.withMessageContaining("header name");
	}

	@Test
	void usersBearerTokenResolverReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(CustomResolverConfig.class)
			.run((context) -> assertThat(context).getBean(BearerTokenResolver.class)
				.isSameAs(context.getBean("customResolver")));
	}

	@Test
	void configurationMetadataDescribesTheBearerKeys() throws IOException {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"zuplo.bearer.header-name\"", "\"zuplo.bearer.token-prefix\"",
					"\"zuplo.bearer.form-parameter\"", "\"defaultValue\": \"Authorization\"",
					"\"defaultValue\": \"Bearer\"");
		}
	}

	private void assertStartupFailure(String property, String value, String reason) {
		this.contextRunner.withPropertyValues(property + "=" + value)
			.run((context) -> assertThat(assertInvalidProperty(context.getStartupFailure(), property).getReason())
				.contains(reason));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomResolverConfig {

		@Bean
		BearerTokenResolver customResolver() {
			return (request) -> request.getHeader("X-Custom");
		}

	}

}
