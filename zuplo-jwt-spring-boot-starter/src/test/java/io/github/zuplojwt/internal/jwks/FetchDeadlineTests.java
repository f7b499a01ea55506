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
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.zuplojwt.internal.jwks.KeySetFixture.jwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A key set endpoint that sends its headers and then trickles its body, each gap shorter
 * than the read timeout, cannot hold anyone past connect timeout + read timeout: not the
 * request that fetches, not the requests waiting for that fetch, and not requests the cache
 * can answer.
 */
class FetchDeadlineTests {

	/** connect 500 ms + read 1000 ms. */
	private static final long BOUND_MILLIS = 1500;

	/** Headroom for a loaded 2-core machine; far below what a trickling server would take. */
	private static final long MARGIN_MILLIS = 1500;

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	private final TestKey key = TestKey.ed25519("k1");

	private ZuploJwtDecoder decoder;

	@BeforeEach
	void decoder() {
		gateway.reset();
		JwksSettings fast = KeySetFixture.fast(gateway);
		// A long cooldown keeps the failed fetch from being retried by callers that start late.
		JwksSettings settings = new JwksSettings(fast.uri(), fast.cacheTtl(), Duration.ofSeconds(30),
				Duration.ofMillis(500), Duration.ofMillis(1000), fast.outageTolerance(), fast.maxSizeBytes());
		this.decoder = KeySetFixture.decoder(gateway, settings);
	}

	@AfterEach
	void close() throws Exception {
		this.decoder.destroy();
	}

	/** The whole key set, one chunk every 400 ms: 20 s in all, though no gap reaches the read timeout. */
	private void trickle() {
		gateway.stubFor(jwks().willReturn(okJson(JwksServer.jwksJson(this.key)).withChunkedDribbleDelay(50, 20_000)));
	}

	private String token(String kid) {
		return this.key.token().issuer(gateway.issuer()).kid(kid).sign();
	}

	@Test
	void tricklingEndpointCannotHoldTheFetchingRequestOrThoseWaitingForItPastTheBound() throws Exception {
		trickle();
		String token = token("k1");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			Callable<Long> call = () -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(SigningKeysUnavailableException.class)
					.isThrownBy(() -> this.decoder.decode(token));
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			};
			List<Future<Long>> waits = pool.invokeAll(Collections.nCopies(8, call));
			for (Future<Long> wait : waits) {
				assertThat(wait.get()).isLessThan(BOUND_MILLIS + MARGIN_MILLIS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(gateway.fetchCount()).isEqualTo(1);
	}

	@Test
	void tricklingRefreshForAnUnknownKidEndsWithinTheBoundWhileCachedKeysKeepServing() throws Exception {
		gateway.publish(this.key);
		this.decoder.decode(token("k1"));
		trickle();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Long> unknownKid = pool.submit(() -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(InvalidTokenException.class)
					.isThrownBy(() -> this.decoder.decode(token("k2")))
					.withMessageContaining("no trusted signing key");
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			});
			Thread.sleep(200);

			long start = System.nanoTime();
			assertThat(this.decoder.decode(token("k1")).getSubject()).isEqualTo("consumer-alice");
			assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(MARGIN_MILLIS);
			assertThat(unknownKid.get()).isLessThan(BOUND_MILLIS + MARGIN_MILLIS);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
