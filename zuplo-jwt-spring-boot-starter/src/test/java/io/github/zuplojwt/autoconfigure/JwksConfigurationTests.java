package io.github.zuplojwt.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.jwks.KeyFetchBulkhead;
import io.github.zuplojwt.support.GatedJwksServer;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code zuplo.jwks.*} properties: warm-up fetches in the background and never holds up
 * or breaks startup; the configured number of requests may wait for a key fetch; nonsensical
 * values stop startup naming the key.
 */
class JwksConfigurationTests {

	@TestGateway
	static Gateway gateway;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class));

	/** Each test starts from a gateway that publishes nothing and has seen no request. */
	@BeforeEach
	void reset() {
		gateway.reset();
	}

	@Test
	void warmUpFetchesTheKeySetWithoutARequest() {
		gateway.publish(TestKey.ed25519("k1"));
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.jwks.warm-up=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZuploJwtDecoder.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> gateway.fetchCount() == 1);
			});
	}

	@Test
	void withoutWarmUpNothingIsFetchedAtStartup() throws Exception {
		gateway.publish(TestKey.ed25519("k1"));
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer()).run((context) -> {
			assertThat(context).hasSingleBean(ZuploJwtDecoder.class);
			Thread.sleep(500);
			assertThat(gateway.fetchCount()).isZero();
		});
	}

	@Test
	void warmUpAgainstAFailingEndpointStillStartsTheApplication() {
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(serverError()));
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.jwks.warm-up=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(5)).until(() -> gateway.fetchCount() == 1);
			});
	}

	@Test
	void cacheTtlNotLongerThanTheTimeoutsFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.cache-ttl=3s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.cache-ttl"));
	}

	@Test
	void jwksUriThatIsNotHttpFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks-uri=file:///etc/keys.json")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks-uri"));
	}

	@Test
	void outageToleranceBeyondADayFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.outage-tolerance=2d")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.outage-tolerance"));
	}

	@Test
	void tinyMaxSizeFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.max-size=10B")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.max-size"));
	}

	@Test
	void maxWaitingRequestsLimitsTheRequestsThatWaitForAKeyFetch() throws Exception {
		try (GatedJwksServer held = GatedJwksServer.start()) {
			TestKey key = TestKey.ed25519("k1");
			held.publish(key);
			held.closeGate();
			String token = key.token().issuer(held.issuer()).sign();
			this.contextRunner
				.withPropertyValues("zuplo.issuer=" + held.issuer(), "zuplo.jwks.max-waiting-requests=1",
						"zuplo.jwks.read-timeout=20s", "zuplo.jwks.cache-ttl=1m")
				.run((context) -> {
					JwtDecoder decoder = context.getBean(JwtDecoder.class);
					CompletableFuture<Jwt> waiting = CompletableFuture.supplyAsync(() -> decoder.decode(token));
					assertThat(held.awaitRequest()).isTrue();

					assertThatExceptionOfType(SigningKeysUnavailableException.class)
						.isThrownBy(() -> decoder.decode(token))
						.havingRootCause()
						.withMessageContaining("too many requests are waiting for signing keys");
					held.open();
					assertThat(waiting.get(10, TimeUnit.SECONDS).getSubject()).isEqualTo("consumer-alice");
				});
		}
	}

	@Test
	void maxWaitingRequestsDefaultsToTheDecodersDefault() {
		assertThat(new ZuploJwtProperties().getJwks().getMaxWaitingRequests())
			.isEqualTo(KeyFetchBulkhead.DEFAULT_MAX_WAITING_REQUESTS);
	}

	@Test
	void maxWaitingRequestsBelowOneFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.jwks.max-waiting-requests=0")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.jwks.max-waiting-requests"));
	}

	@Test
	void maxTokenLifetimeOutOfRangeFailsAtStartup() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.max-token-lifetime=90d")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "zuplo.max-token-lifetime"));
	}

}
