package io.github.zuplojwt.internal.jwks;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.zuplojwt.internal.jwks.KeySetFixture.jwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A key set endpoint that sends its headers and then trickles its body, each gap shorter
 * than the read timeout, cannot hold anyone past the read timeout after connecting (so never
 * past connect timeout + read timeout): not the request that fetches, not the requests
 * waiting for that fetch, and not requests the cache can answer.
 */
class FetchDeadlineTests {

	/** How long the trickling endpoint takes to send the whole key set. */
	private static final long TRICKLE_MILLIS = 20_000;

	/**
	 * Half the trickle: a fetch that ended before it was cut off by its deadline (about the
	 * read timeout here, the connection standing at once), not by the endpoint, with room for
	 * a loaded 2-core machine.
	 */
	private static final long CUT_OFF_MILLIS = TRICKLE_MILLIS / 2;

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final TestKey key = TestKey.ed25519("k1");

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void reset() {
		gateway.reset();
	}

	@AfterEach
	void close() throws Exception {
		this.decoder.destroy();
	}

	/** A decoder whose fetches end {@code read} after connecting (within 500 ms), at the latest. */
	private VerifyingJwtDecoder decoder(Duration read) {
		JwksSettings fast = KeySetFixture.fast(gateway);
		// A long cooldown keeps the failed fetch from being retried by callers that start late.
		JwksSettings settings = new JwksSettings(fast.uri(), Duration.ofMinutes(1), Duration.ofSeconds(30),
				Duration.ofMillis(500), read, fast.outageTolerance(), fast.maxSizeBytes());
		this.decoder = KeySetFixture.decoder(gateway, settings);
		return this.decoder;
	}

	/** The whole key set, one chunk every 400 ms: 20 s in all, though no gap reaches the read timeout. */
	private void trickle() {
		gateway.stubFor(jwks().willReturn(
				okJson(Gateway.jwksJson(this.key)).withChunkedDribbleDelay(50, (int) TRICKLE_MILLIS)));
	}

	private String token(String kid) {
		return this.key.token().issuer(gateway.issuer()).kid(kid).sign();
	}

	@Test
	void tricklingEndpointCannotHoldTheFetchingRequestOrThoseWaitingForItPastTheBound() throws Exception {
		VerifyingJwtDecoder decoder = decoder(Duration.ofMillis(1000));
		trickle();
		String token = token("k1");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			Callable<Long> call = () -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(SigningKeysUnavailableException.class)
					.isThrownBy(() -> decoder.decode(token));
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			};
			List<Future<Long>> waits = pool.invokeAll(Collections.nCopies(8, call));
			for (Future<Long> wait : waits) {
				assertThat(wait.get()).isLessThan(CUT_OFF_MILLIS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(gateway.fetchCount()).isEqualTo(1);
	}

	@Test
	void tricklingRefreshForAnUnknownKidEndsWithinTheBoundWhileCachedKeysKeepServing() throws Exception {
		// A deadline of 5 s after connecting, so that the refresh is surely still running when the cached key answers.
		VerifyingJwtDecoder decoder = decoder(Duration.ofSeconds(5));
		gateway.publish(this.key);
		decoder.decode(token("k1"));
		trickle();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Long> unknownKid = pool.submit(() -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(InvalidTokenException.class)
					.isThrownBy(() -> decoder.decode(token("k2")))
					.withMessageContaining("no trusted signing key");
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			});
			await().until(() -> gateway.fetchCount() == 2);

			assertThat(decoder.decode(token("k1")).getSubject()).isEqualTo("consumer-alice");
			assertThat(unknownKid).as("the refresh, still running when the cached key answered").isNotDone();
			assertThat(unknownKid.get()).isLessThan(CUT_OFF_MILLIS);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
