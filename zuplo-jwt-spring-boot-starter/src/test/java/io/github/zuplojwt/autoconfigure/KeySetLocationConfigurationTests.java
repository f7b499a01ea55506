package io.github.zuplojwt.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where keys may come from, decided at startup without a network call: https, or plain http
 * only to loopback addresses or with an explicit opt-in that warns; a proxy given as
 * {@code http://host:port}; an SSL bundle that exists. Every refusal names its property.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeySetLocationConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void plainHttpKeySetUriToAnotherHostIsRefused() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer",
					"zuplo.jwks-uri=http://gw.example/__zuplo/issuer/.well-known/jwks.json")
			.run((context) -> assertThat(assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks-uri"))
				.hasMessageContaining("https")
				.hasMessageContaining("zuplo.jwks.allow-http"));
	}

	@Test
	void plainHttpIssuerWhoseKeysWouldBeFetchedOverHttpIsRefused() {
		this.contextRunner.withPropertyValues("zuplo.issuer=http://gw.example/__zuplo/issuer")
			.run((context) -> assertThat(assertInvalidProperty(context.getStartupFailure(), "zuplo.issuer"))
				.hasMessageContaining("Keys would be fetched from http://gw.example/__zuplo/issuer/.well-known/jwks.json"));
	}

	@Test
	void plainHttpDiscoveryIsRefusedForTheEntryThatNeedsIt() {
		this.contextRunner
			.withPropertyValues("zuplo.discovery=true", "zuplo.issuers[0].issuer=https://gw.example/__zuplo/issuer",
					"zuplo.issuers[1].issuer=http://preview.example/__zuplo/issuer")
			.run((context) -> assertThat(assertInvalidProperty(context.getStartupFailure(), "zuplo.issuers[1].issuer"))
				.hasMessageContaining("openid-configuration"));
	}

	@Test
	void plainHttpIssuerIsFineWhenItsKeysComeOverHttps() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=http://gw.example/__zuplo/issuer",
					"zuplo.jwks-uri=https://gw.example/__zuplo/issuer/.well-known/jwks.json")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8081", "http://127.0.0.1:8081", "http://127.8.9.10",
			"http://[::1]:8081" })
	void plainHttpToLoopbackIsAccepted(String base, CapturedOutput output) {
		this.contextRunner.withPropertyValues("zuplo.issuer=" + base + "/__zuplo/issuer")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("allow-http");
	}

	@Test
	void hostNamesThatMerelyLookLocalAreNotLoopback() {
		this.contextRunner.withPropertyValues("zuplo.issuer=http://localhost.evil.example/__zuplo/issuer")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.issuer"));
	}

	@Test
	void explicitOptInAcceptsPlainHttpAndWarnsAtStartup(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=http://gw.internal/__zuplo/issuer", "zuplo.jwks.allow-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("zuplo.jwks.allow-http is on")
			.contains("http://gw.internal/__zuplo/issuer/.well-known/jwks.json");
	}

	@Test
	void httpsNeedsNoOptInAndLogsNoWarning(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.allow-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("allow-http is on");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://proxy.internal:3128", "http://proxy.internal", "socks5://proxy.internal:1080",
			"http://proxy.internal:3128/path" })
	void proxyThatIsNotHttpHostAndPortIsRefused(String proxy) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.proxy=" + proxy)
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.proxy"));
	}

	@Test
	void proxyCredentialsAreRefusedWithoutBeingEchoed() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer",
					"zuplo.jwks.proxy=http://user:s3cret@proxy.internal:3128")
			.run((context) -> {
				InvalidConfigurationPropertyValueException failure = assertInvalidProperty(context.getStartupFailure(),
						"zuplo.jwks.proxy");
				assertThat(failure.getMessage()).doesNotContain("s3cret");
				assertThat(String.valueOf(failure.getValue())).doesNotContain("s3cret");
			});
	}

	@Test
	void sslBundleThatDoesNotExistIsRefused() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.ssl-bundle=missing")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.ssl-bundle"));
	}

	@Test
	void discoveryNeedsACacheTtlLongerThanTwoFetches() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.discovery=true",
					"zuplo.jwks.cache-ttl=6s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.cache-ttl"));
	}

}
