package io.github.zuplojwt.internal.jwks;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.github.zuplojwt.internal.jwks.KeySetFixture.jwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Whatever goes wrong with the gateway's key set endpoint, a bad answer never replaces good
 * keys, cached keys keep working through the outage, a request never waits longer than the
 * timeouts, and the service recovers by itself when the endpoint does.
 */
class KeySetOutageTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	@TestGateway(trustedAs = "")
	static Gateway elsewhere;

	private final TestKey rotated = TestKey.ed25519("k2");

	private VerifyingJwtDecoder decoder;

	/** Every way a key set response can be bad. */
	enum BadResponse {

		SERVER_ERROR(() -> serverError().withBody("upstream failed")),
		HTML(() -> aResponse().withHeader("Content-Type", "text/html").withBody("<html><body>Login</body></html>")),
		MALFORMED_JSON(() -> okJson("{\"keys\": [ {\"kty\": ")),
		EMPTY_KEY_SET(() -> okJson("{\"keys\": []}")),
		ONLY_UNUSABLE_KEYS(() -> okJson("{\"keys\": [{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"c2VjcmV0\"}]}")),
		OVERSIZE(() -> okJson("{\"keys\": [], \"padding\": \"" + "x".repeat(70 * 1024) + "\"}")),
		CONNECTION_RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
		GARBAGE_BYTES(() -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
		SLOWER_THAN_THE_READ_TIMEOUT(() -> okJson("{\"keys\": []}").withFixedDelay(3000)),
		REDIRECT(() -> aResponse().withStatus(302).withHeader("Location", elsewhere.jwksUri()));

		private final Supplier<ResponseDefinitionBuilder> response;

		BadResponse(Supplier<ResponseDefinitionBuilder> response) {
			this.response = response;
		}

	}

	@BeforeEach
	void reset() {
		gateway.reset();
		elsewhere.reset();
		elsewhere.publish(this.rotated);
	}

	@AfterEach
	void close() throws Exception {
		if (this.decoder != null) {
			this.decoder.destroy();
		}
	}

	private String token(TestKey signer) {
		return signer.token().issuer(gateway.issuer()).sign();
	}

	@ParameterizedTest
	@EnumSource(BadResponse.class)
	void badResponseAfterWarmUpKeepsTheCachedKeysWorkingUntilTheEndpointRecovers(BadResponse bad) {
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.quick(gateway));
		gateway.publish(gateway.key());
		this.decoder.decode(gateway.token().sign());
		int goodFetches = gateway.fetchCount();

		gateway.stubFor(jwks().willReturn(bad.response.get()));
		await().atMost(Duration.ofSeconds(8)).until(() -> gateway.fetchCount() > goodFetches);

		assertThat(this.decoder.decode(gateway.token().sign()).getSubject()).isEqualTo("consumer-alice");
		gateway.publish(gateway.key(), this.rotated);
		await().atMost(Duration.ofSeconds(8))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.decoder.decode(token(this.rotated))).isNotNull());
		assertThat(elsewhere.fetchCount()).isZero();
	}

	@ParameterizedTest
	@EnumSource(BadResponse.class)
	void badResponseOnAColdCacheIsUnavailableThenRecoversWithoutARestart(BadResponse bad) {
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.fast(gateway));
		gateway.stubFor(jwks().willReturn(bad.response.get()));

		assertThatExceptionOfType(SigningKeysUnavailableException.class)
			.isThrownBy(() -> this.decoder.decode(gateway.token().sign()))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isPositive());

		gateway.publish(gateway.key());
		await().atMost(Duration.ofSeconds(8))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.decoder.decode(gateway.token().sign())).isNotNull());
		assertThat(elsewhere.fetchCount()).isZero();
	}

	@Test
	void hangingEndpointIsAnsweredWithinTheTimeoutsAndDoesNotHoldOtherRequestsLonger() throws Exception {
		JwksSettings settings = KeySetFixture.withTimeouts(KeySetFixture.fast(gateway), Duration.ofMillis(500),
				Duration.ofMillis(500));
		this.decoder = KeySetFixture.decoder(gateway, settings);
		gateway.stubFor(jwks().willReturn(okJson("{\"keys\": []}").withFixedDelay(5000)));
		String token = gateway.token().sign();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			Callable<Long> call = () -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(SigningKeysUnavailableException.class)
					.isThrownBy(() -> this.decoder.decode(token));
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			};
			List<Future<Long>> waits = pool.invokeAll(Collections.nCopies(10, call));
			for (Future<Long> wait : waits) {
				// connect + read timeout is 1000 ms; the margin absorbs a loaded CI machine.
				assertThat(wait.get()).isLessThan(2500);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(gateway.fetchCount()).isEqualTo(1);
	}

	@Test
	void afterAFailedColdFetchRequestsFailFastInsteadOfRetryingTheEndpoint() {
		JwksSettings fast = KeySetFixture.fast(gateway);
		JwksSettings settings = new JwksSettings(fast.uri(), fast.cacheTtl(), Duration.ofSeconds(30),
				fast.connectTimeout(), fast.readTimeout(), fast.outageTolerance(), fast.maxSizeBytes());
		this.decoder = KeySetFixture.decoder(gateway, settings);
		gateway.stubFor(jwks().willReturn(serverError()));

		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(SigningKeysUnavailableException.class)
				.isThrownBy(() -> this.decoder.decode(gateway.token().sign()))
				.satisfies((ex) -> assertThat(ex.getRetryAfter()).isBetween(Duration.ofSeconds(1),
						KeySetCache.MAX_FAILURE_BACKOFF));
		}

		assertThat(gateway.fetchCount()).isEqualTo(1);
	}

}
