package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
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

	private static final AutoConfigurations STARTER = AutoConfigurations.of(ZuploJwtAutoConfiguration.class,
			ZuploJwtReactiveAutoConfiguration.class);

	private static final AutoConfigurations SERVLET_SECURITY = AutoConfigurations.of(
			OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class,
			SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class);

	private static final AutoConfigurations REACTIVE_SECURITY = AutoConfigurations.of(
			ReactiveOAuth2ResourceServerAutoConfiguration.class,
			ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class);

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
		this.servlet.withConfiguration(AutoConfigurations.of(ServletWebSecurityAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("zuploSecurityFilterChain");
				assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class)
					.doesNotHaveBean(ReactiveJwtDecoder.class);
			});
	}

	@Test
	void reactiveApplicationGetsTheReactiveChainOnly() {
		this.reactive.withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class))
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
		this.reactive.withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class))
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
		this.servlet.withConfiguration(AutoConfigurations.of(ServletWebSecurityAutoConfiguration.class))
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
