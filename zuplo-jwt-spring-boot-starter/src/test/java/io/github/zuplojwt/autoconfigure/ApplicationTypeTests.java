package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which applications the starter protects, told apart by their type as Spring Boot detects
 * it: a servlet application gets the servlet chain and a reactive one the reactive chain,
 * with Spring MVC and WebFlux both on the class path. A web application it cannot protect
 * does not start, with a message that says why, instead of serving every request unchecked
 * or denying every one without a word. An application that is not a web application gets
 * the decoder only, since it serves no requests.
 */
class ApplicationTypeTests {

	private static final String ISSUER = "zuplo.issuer=https://gw.example/__zuplo/issuer";

	private static final AutoConfigurations STARTER = AutoConfigurations.of(SpringBootGeneration.ZUPLO);

	private static final AutoConfigurations SERVLET_SECURITY = AutoConfigurations
		.of(SpringBootGeneration.SERVLET_SECURITY_WITHOUT_WEB_SECURITY);

	private static final AutoConfigurations REACTIVE_SECURITY = AutoConfigurations
		.of(SpringBootGeneration.REACTIVE_SECURITY_WITHOUT_WEB_SECURITY);

	private static final AutoConfigurations SERVLET_WEB_SECURITY = AutoConfigurations
		.of(SpringBootGeneration.SERVLET_WEB_SECURITY);

	private static final AutoConfigurations REACTIVE_WEB_SECURITY = AutoConfigurations
		.of(SpringBootGeneration.REACTIVE_WEB_SECURITY);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(STARTER)
		.withConfiguration(SERVLET_SECURITY)
		.withPropertyValues(ISSUER);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(STARTER)
		.withConfiguration(REACTIVE_SECURITY)
		.withPropertyValues(ISSUER);

	@Test
	void servletApplicationGetsTheServletChainOnly() {
		this.servlet.withConfiguration(SERVLET_WEB_SECURITY)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("zuploSecurityFilterChain");
				assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class)
					.doesNotHaveBean(ReactiveJwtDecoder.class);
			});
	}

	@Test
	void reactiveApplicationGetsTheReactiveChainOnly() {
		this.reactive.withConfiguration(REACTIVE_WEB_SECURITY)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("zuploSecurityWebFilterChain");
				assertThat(context).doesNotHaveBean(SecurityFilterChain.class)
					.doesNotHaveBean(BearerTokenResolver.class);
			});
	}

	@Test
	void applicationThatIsNotAWebApplicationGetsTheDecoderOnly() {
		new ApplicationContextRunner().withConfiguration(STARTER).withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class).hasSingleBean(ZuploJwtDecoder.class);
			assertThat(context).doesNotHaveBean(SecurityFilterChain.class)
				.doesNotHaveBean(SecurityWebFilterChain.class);
		});
	}

	@Test
	void reactiveApplicationWithoutSpringSecuritysWebFluxConfigurationDoesNotStart() {
		this.reactive.withConfiguration(REACTIVE_WEB_SECURITY)
			.withClassLoader(new FilteredClassLoader("org.springframework.security.config."))
			.run((context) -> assertThat(failureReason(context.getStartupFailure()))
				.contains("This reactive web application cannot be protected", "not on the class path",
						"zuplo.enabled=false"));
	}

	@Test
	void reactiveApplicationWhoseWebFluxSecurityIsNotEnabledDoesNotStart() {
		this.reactive.run((context) -> assertThat(failureReason(context.getStartupFailure()))
			.contains("This reactive web application cannot be protected", "@EnableWebFluxSecurity"));
	}

	@Test
	void servletApplicationWithoutSpringSecuritysServletConfigurationDoesNotStart() {
		this.servlet.withConfiguration(SERVLET_WEB_SECURITY)
			.withClassLoader(new FilteredClassLoader("org.springframework.security.config."))
			.run((context) -> assertThat(failureReason(context.getStartupFailure()))
				.contains("This servlet web application cannot be protected", "not on the class path"));
	}

	@Test
	void servletApplicationWhoseWebSecurityIsNotEnabledDoesNotStart() {
		this.servlet.run((context) -> assertThat(failureReason(context.getStartupFailure()))
			.contains("This servlet web application cannot be protected", "@EnableWebSecurity"));
	}

	private static String failureReason(Throwable failure) {
		return assertInvalidProperty(failure, "zuplo.enabled").getReason();
	}

}
