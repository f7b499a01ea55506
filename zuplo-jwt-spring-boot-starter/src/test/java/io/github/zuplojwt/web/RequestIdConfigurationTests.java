package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.boot.ReactorNettyServer;
import io.github.zuplojwt.web.reactive.ZuploRequestIdWebFilter;
import io.github.zuplojwt.web.servlet.ZuploRequestIdFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code zuplo.request-id.*} properties on both stacks: header names that cannot work
 * stop the application at startup naming the key, the switch turns correlation off, and an
 * application's own filter replaces the starter's.
 */
class RequestIdConfigurationTests {

	private static final String ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void aHeaderNameThatIsNotAnHttpTokenFailsAtStartup(String stack) {
		Throwable failure = catchThrowable(() -> start(stack, "--zuplo.request-id.header-names=zp-rid,x request id"));

		assertThat(assertInvalidProperty(failure, "zuplo.request-id.header-names").getReason())
			.contains("not a valid HTTP header name");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void noHeaderNameFailsAtStartupAndNamesTheSwitch(String stack) {
		Throwable failure = catchThrowable(() -> start(stack, "--zuplo.request-id.header-names="));

		assertThat(assertInvalidProperty(failure, "zuplo.request-id.header-names").getReason())
			.contains("zp-rid", "zuplo.request-id.enabled=false");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void switchedOffTheIdIsIgnored(String stack) {
		try (ConfigurableApplicationContext context = start(stack, "--zuplo.request-id.enabled=false")) {
			HttpResponse<String> response = http(context).get("/protected", "zp-rid", ID);

			assertThat(assertProblem(response, 401, "bearer token is required")).doesNotContainKey("trace");
			assertThat(context.getBeansOfType(ZuploRequestIdFilter.class)).isEmpty();
			assertThat(context.getBeansOfType(ZuploRequestIdWebFilter.class)).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void configuredHeaderNamesAreRead(String stack) {
		try (ConfigurableApplicationContext context = start(stack, "--zuplo.request-id.header-names=X-Request-Id")) {
			HttpResponse<String> configured = http(context).get("/protected", "X-Request-Id", ID);
			HttpResponse<String> zuplos = http(context).get("/protected", "zp-rid", ID);

			assertThat(configured.body()).endsWith(",\"trace\":{\"requestId\":\"" + ID + "\"}}");
			assertThat(assertProblem(zuplos, 401, "bearer token is required")).doesNotContainKey("trace");
		}
	}

	@Test
	void anApplicationsServletFilterReplacesTheStarters() {
		try (ConfigurableApplicationContext context = start(ServletFilterConfig.class, "servlet")) {
			assertThat(context.getBean(ZuploRequestIdFilter.class)).isSameAs(context.getBean("customFilter"));
			assertThat(http(context).get("/protected", "X-Correlation-Id", ID).body()).contains(ID);
		}
	}

	@Test
	void anApplicationsWebFilterReplacesTheStarters() {
		try (ConfigurableApplicationContext context = start(WebFilterConfig.class, "reactive")) {
			assertThat(context.getBean(ZuploRequestIdWebFilter.class)).isSameAs(context.getBean("customWebFilter"));
			assertThat(http(context).get("/protected", "X-Correlation-Id", ID).body()).contains(ID);
		}
	}

	private static ConfigurableApplicationContext start(String stack, String... properties) {
		return start(null, stack, properties);
	}

	private static ConfigurableApplicationContext start(Class<?> userConfig, String stack, String... properties) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class, ReactorNettyServer.class);
		if (userConfig != null) {
			builder.sources(userConfig);
		}
		String[] args = new String[properties.length + 3];
		args[0] = "--spring.main.web-application-type=" + stack;
		args[1] = "--server.port=0";
		args[2] = "--zuplo.issuer=https://gw.example/__zuplo/issuer";
		System.arraycopy(properties, 0, args, 3, properties.length);
		return builder.run(args);
	}

	private static HttpCalls http(ConfigurableApplicationContext context) {
		return new HttpCalls(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ServletFilterConfig {

		@Bean
		ZuploRequestIdFilter customFilter() {
			return new ZuploRequestIdFilter(new RequestIdSettings(List.of("X-Correlation-Id")));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebFilterConfig {

		@Bean
		ZuploRequestIdWebFilter customWebFilter() {
			return new ZuploRequestIdWebFilter(new RequestIdSettings(List.of("X-Correlation-Id")));
		}

	}

}
