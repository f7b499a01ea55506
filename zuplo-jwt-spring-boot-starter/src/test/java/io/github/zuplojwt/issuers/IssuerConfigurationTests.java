package io.github.zuplojwt.issuers;

import java.time.Duration;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code zuplo.issuers} and {@code zuplo.discovery} as configured: bad lists stop startup
 * naming the entry, and discovery is read lazily and trusted only for its own issuer.
 */
class IssuerConfigurationTests {

	private static final String DISCOVERY_PATH = Gateway.ISSUER_PATH + "/.well-known/openid-configuration";

	@TestGateway
	static Gateway gateway;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class));

	private final TestKey key = TestKey.ed25519("k1");

	/** Each test starts from a gateway that publishes nothing and has seen no request. */
	@BeforeEach
	void reset() {
		gateway.reset();
	}

	@Test
	void issuersAloneAreEnough() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=https://a.example/__zuplo/issuer",
					"zuplo.issuers[1].issuer=https://b.example/__zuplo/issuer")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ZuploJwtDecoder.class));
	}

	@Test
	void entryWithoutAnIssuerFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://a.example/__zuplo/issuer",
					"zuplo.issuers[0].audiences=api")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.issuers[0].issuer"));
	}

	@Test
	void entryWithABadIssuerFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=https://a.example/__zuplo/issuer",
					"zuplo.issuers[1].issuer=b.example/issuer")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.issuers[1].issuer"));
	}

	@Test
	void sameIssuerTwiceFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://a.example/__zuplo/issuer",
					"zuplo.issuers[0].issuer=https://a.example/__zuplo/issuer/")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.issuers[0].issuer"));
	}

	@Test
	void topLevelJwksUriWithoutTopLevelIssuerFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=https://a.example/__zuplo/issuer",
					"zuplo.jwks-uri=https://a.example/keys")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks-uri"));
	}

	@Test
	void entryJwksUriMustBeHttp() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=https://a.example/__zuplo/issuer",
					"zuplo.issuers[0].jwks-uri=file:///keys.json")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.issuers[0].jwks-uri"));
	}

	@Test
	void discoveryIsReadOnTheFirstTokenAndItsJwksUriIsUsed() {
		gateway.stubFor(get(urlPathEqualTo(DISCOVERY_PATH)).willReturn(okJson(
				"{\"issuer\":\"" + gateway.issuer() + "\",\"jwks_uri\":\"" + gateway.baseUrl() + "/keys/v2\"}")));
		gateway.stubFor(get(urlPathEqualTo("/keys/v2")).willReturn(okJson(Gateway.jwksJson(this.key))));
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.discovery=true")
			.run((context) -> {
				assertThat(discoveryRequests()).isZero();
				ZuploJwtDecoder decoder = context.getBean(ZuploJwtDecoder.class);

				assertThat(decoder.decode(this.key.token().issuer(gateway.issuer()).sign())).isNotNull();
				assertThat(discoveryRequests()).isEqualTo(1);
				assertThat(gateway.countRequestsMatching(getRequestedFor(urlPathEqualTo("/keys/v2")).build())
					.getCount()).isEqualTo(1);
				assertThat(gateway.fetchCount()).isZero();
			});
	}

	@Test
	void discoveryDocumentNamingAnotherIssuerIsNotTrusted() {
		gateway.stubFor(get(urlPathEqualTo(DISCOVERY_PATH)).willReturn(okJson(
				"{\"issuer\":\"https://evil.example/__zuplo/issuer\",\"jwks_uri\":\"" + gateway.baseUrl()
						+ "/keys/v2\"}")));
		gateway.stubFor(get(urlPathEqualTo("/keys/v2")).willReturn(okJson(Gateway.jwksJson(this.key))));
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.discovery=true")
			.run((context) -> {
				ZuploJwtDecoder decoder = context.getBean(ZuploJwtDecoder.class);

				assertThatExceptionOfType(SigningKeysUnavailableException.class)
					.isThrownBy(() -> decoder.decode(this.key.token().issuer(gateway.issuer()).sign()))
					.satisfies((ex) -> assertThat(ex.getRetryAfter()).isPositive().isLessThan(Duration.ofMinutes(1)));
				assertThat(gateway.countRequestsMatching(getRequestedFor(urlPathEqualTo("/keys/v2")).build())
					.getCount()).isZero();
			});
	}

	@Test
	void explicitJwksUriWinsOverDiscovery() {
		gateway.publish(this.key);
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.discovery=true",
					"zuplo.jwks-uri=" + gateway.jwksUri())
			.run((context) -> {
				ZuploJwtDecoder decoder = context.getBean(ZuploJwtDecoder.class);

				assertThat(decoder.decode(this.key.token().issuer(gateway.issuer()).sign())).isNotNull();
				assertThat(discoveryRequests()).isZero();
			});
	}

	private static int discoveryRequests() {
		return gateway.countRequestsMatching(getRequestedFor(urlPathEqualTo(DISCOVERY_PATH)).build()).getCount();
	}

}
