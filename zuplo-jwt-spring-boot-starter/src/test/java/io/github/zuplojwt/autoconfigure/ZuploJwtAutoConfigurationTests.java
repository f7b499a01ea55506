package io.github.zuplojwt.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.zuplojwt.crypto.Ed25519Backend;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import io.github.zuplojwt.web.servlet.ZuploAuthenticationEntryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration contributes, when it backs off, and how it refuses bad
 * configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZuploJwtAutoConfigurationTests {

	private static final String ISSUER = "zuplo.issuer=https://gw.example/__zuplo/issuer";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.SERVLET_SECURITY));

	@Test
	void issuerAloneGivesADecoderAndAFilterChainAndNoGeneratedPassword() {
		this.contextRunner.withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(ZuploJwtDecoder.class);
			assertThat(context).hasSingleBean(SecurityFilterChain.class).hasBean("zuploSecurityFilterChain");
			assertThat(context).hasSingleBean(ZuploAuthenticationEntryPoint.class);
			assertThat(context).hasSingleBean(JwtAuthenticationConverter.class);
			assertThat(context).hasSingleBean(Ed25519Backend.class);
			assertThat(context).doesNotHaveBean(UserDetailsService.class);
		});
	}

	@Test
	void userJwtDecoderReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(CustomDecoderConfig.class).withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(JwtDecoder.class)).isSameAs(context.getBean("customDecoder"));
			assertThat(context).hasBean("zuploSecurityFilterChain");
		});
	}

	@Test
	void userJwtDecoderNeedsNoIssuer() {
		this.contextRunner.withUserConfiguration(CustomDecoderConfig.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
	}

	@Test
	void userSecurityFilterChainReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(CustomFilterChainConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> {
				assertThat(context).hasSingleBean(SecurityFilterChain.class);
				assertThat(context.getBean(SecurityFilterChain.class)).isSameAs(context.getBean("customChain"));
				assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(ZuploJwtDecoder.class);
			});
	}

	@Test
	void usersEntryPointReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(CustomEntryPointConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ZuploAuthenticationEntryPoint.class);
				assertThat(context.getBean(AuthenticationEntryPoint.class)).isSameAs(context.getBean("customEntryPoint"));
			});
	}

	@Test
	void usersAccessDeniedHandlerReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(CustomAccessDeniedConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context.getBean(AccessDeniedHandler.class))
				.isSameAs(context.getBean("customDenied")));
	}

	@Test
	void userEd25519BackendIsTheOneUsed() {
		this.contextRunner.withUserConfiguration(CustomBackendConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context.getBean(Ed25519Backend.class))
				.isSameAs(context.getBean("customBackend")));
	}

	@Test
	void disabledStarterContributesNothing() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ZuploJwtDecoder.class);
			assertThat(context).doesNotHaveBean("zuploSecurityFilterChain");
			assertThat(context).doesNotHaveBean(ZuploJwtProperties.class);
		});
	}

	@Test
	void withoutSpringSecurityJwtSupportTheStarterBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JwtDecoder.class))
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context).doesNotHaveBean(ZuploJwtProperties.class));
	}

	@Test
	void missingIssuerFailsAtStartupNamingTheProperty() {
		this.contextRunner.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.issuer",
				"Set zuplo.issuer"));
	}

	@Test
	void issuerThatIsNotAnHttpUrlFailsAtStartup() {
		this.contextRunner.withPropertyValues("zuplo.issuer=gw.example/__zuplo/issuer")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.issuer", "absolute http"));
		this.contextRunner.withPropertyValues("zuplo.issuer=ftp://gw.example/__zuplo/issuer")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.issuer", "absolute http"));
	}

	@Test
	void symmetricAlgorithmFailsAtStartup() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.algorithms=EdDSA,HS256")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.algorithms", "HMAC"));
	}

	@Test
	void algorithmNoneFailsAtStartup() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.algorithms=none")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.algorithms", "Unsigned"));
	}

	@Test
	void unknownAlgorithmFailsAtStartup() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.algorithms=RS999")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.algorithms",
					"Unknown algorithm"));
	}

	@Test
	void badPathPatternFailsAtStartup() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.public-paths=/docs/{*rest}/more")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.public-paths", "path pattern"));
	}

	@Test
	void negativeClockSkewFailsAtStartup() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.clock-skew=-5s")
			.run((context) -> assertStartupFailure(context.getStartupFailure(), "zuplo.clock-skew", "between"));
	}

	@Test
	void startupMakesNoNetworkCall() {
		// Nothing listens on port 9 of the loopback interface: any fetch would fail.
		this.contextRunner.withPropertyValues("zuplo.issuer=http://127.0.0.1:9/__zuplo/issuer")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ZuploJwtDecoder.class));
	}

	@Test
	void emptyAudiencesLogAWarningAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("No audience is configured for issuer https://gw.example/__zuplo/issuer");
		});
	}

	@Test
	void configuredAudiencesLogNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.audiences=https://api.example.com").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("No audience is configured");
		});
	}

	@Test
	void configurationMetadataDescribesTheContractKeys() throws IOException {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"zuplo.issuer\"", "\"zuplo.jwks-uri\"", "\"zuplo.audiences\"",
					"\"zuplo.algorithms\"", "\"zuplo.clock-skew\"", "\"zuplo.required-claims\"",
					"\"zuplo.protected-paths\"", "\"zuplo.public-paths\"", "\"zuplo.principal-claim\"",
					"\"zuplo.authorities-claim\"", "\"zuplo.enabled\"", "\"zuplo.jwks.cache-ttl\"");
		}
	}

	@Test
	void issuersEntryWithoutAudiencesIsNamedInTheWarning(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api",
					"zuplo.issuers[0].issuer=https://id.example/issuer", "zuplo.issuers[0].audiences=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("No audience is configured for issuer https://id.example/issuer")
					.doesNotContain("No audience is configured for issuer https://gw.example/__zuplo/issuer");
			});
	}

	private static void assertStartupFailure(Throwable failure, String property, String reason) {
		assertThat(assertInvalidProperty(failure, property).getReason()).contains(reason);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomDecoderConfig {

		@Bean
		JwtDecoder customDecoder() {
			return (token) -> {
				throw new IllegalStateException("not used");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomFilterChainConfig {

		@Bean
		SecurityFilterChain customChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEntryPointConfig {

		@Bean
		AuthenticationEntryPoint customEntryPoint() {
			return (request, response, exception) -> response.sendError(418);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAccessDeniedConfig {

		@Bean
		AccessDeniedHandler customDenied() {
			return (request, response, exception) -> response.sendError(418);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBackendConfig {

		@Bean
		Ed25519Backend customBackend() {
			return (raw) -> (message, signature) -> false;
		}

	}

}
