package io.github.zuplojwt.internal.jwks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.zuplojwt.internal.jwks.KeySetFixture.jwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Keys change without a restart, whether tokens name their key ({@code kid}) or, as the
 * Upstream Zuplo JWT policy's do, name none; and made-up key ids, forged tokens without a
 * {@code kid} or many simultaneous first requests never turn into many fetches: every count
 * here is of real HTTP requests to the gateway's key set.
 */
class KeyRotationAndFloodTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final TestKey current = TestKey.ed25519("key-2026-01");

	private final TestKey next = TestKey.rsa("key-2026-02");

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void reset() {
		gateway.reset();
	}

	@AfterEach
	void close() throws Exception {
		if (this.decoder != null) {
			this.decoder.destroy();
		}
	}

	private String token(TestKey key) {
		return key.token().issuer(gateway.issuer()).sign();
	}

	@Test
	void newKeyIsAcceptedOnItsFirstRequestAfterTheGatewayPublishesIt() {
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.fast(gateway));
		gateway.publish(this.current);
		assertThat(this.decoder.decode(token(this.current)).getSubject()).isEqualTo("consumer-alice");

		gateway.publish(this.current, this.next);

		assertThat(this.decoder.decode(token(this.next)).getSubject()).isEqualTo("consumer-alice");
		assertThat(gateway.fetchCount()).isEqualTo(2);
	}

	@Test
	void removedKeyStopsWorkingOnceTheKeySetIsRefreshed() {
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.quick(gateway));
		gateway.publish(this.current, this.next);
		this.decoder.decode(token(this.current));

		gateway.publish(this.next);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> this.decoder.decode(token(this.current)))
				.withMessageContaining("no trusted signing key"));
		assertThat(this.decoder.decode(token(this.next))).isNotNull();
	}

	@Test
	void floodOfUnknownKidsWithinOneCooldownFetchesAtMostTwiceAndKeepsTheGoodKeys() {
		this.decoder = KeySetFixture.decoder(gateway, cooldownOfAMinute());
		gateway.publish(this.current);

		for (int i = 0; i < 300; i++) {
			String forged = this.current.token().issuer(gateway.issuer()).kid("kid-" + UUID.randomUUID()).sign();
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(forged))
				.withMessageContaining("no trusted signing key");
		}

		assertThat(gateway.fetchCount()).isLessThanOrEqualTo(2);
		assertThat(this.decoder.decode(token(this.current))).isNotNull();
		assertThat(gateway.fetchCount()).isLessThanOrEqualTo(2);
	}

	@Test
	void newKeyOfTheSameAlgorithmVerifiesTokensWithoutAKidOnTheirFirstRequest() {
		TestKey rotated = TestKey.ed25519("key-2026-03");
		this.decoder = KeySetFixture.decoder(gateway, cooldownOfAMinute());
		gateway.publish(this.current);
		assertThat(this.decoder.decode(token(this.current))).isNotNull();

		gateway.publish(rotated, this.current);

		assertThat(this.decoder.decode(token(rotated))).isNotNull();
		assertThat(this.decoder.decode(token(this.current))).isNotNull();
		assertThat(gateway.fetchCount()).isEqualTo(2);
	}

	@Test
	void withdrawnKeyStopsVerifyingTokensWithoutAKidOnceTheKeySetWithoutItIsFetched() {
		TestKey rotated = TestKey.ed25519("key-2026-03");
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.quick(gateway));
		gateway.publish(rotated, this.current);
		this.decoder.decode(token(this.current));

		gateway.publish(rotated);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> this.decoder.decode(token(this.current)))
				.withMessage("token signature is not valid"));
		assertThat(this.decoder.decode(token(rotated))).isNotNull();
	}

	@Test
	void floodOfForgedTokensWithoutAKidCostsNoMoreFetchesThanAFloodOfMadeUpKids() {
		this.decoder = KeySetFixture.decoder(gateway, cooldownOfAMinute());
		gateway.publish(this.current);

		for (int i = 0; i < 300; i++) {
			String forged = TestKey.ed25519("forger-" + i).token().issuer(gateway.issuer()).sign();
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(forged))
				.withMessage("token signature is not valid");
		}

		assertThat(gateway.fetchCount()).isLessThanOrEqualTo(2);
		assertThat(this.decoder.decode(token(this.current))).isNotNull();
		assertThat(gateway.fetchCount()).isLessThanOrEqualTo(2);
	}

	/** The fast settings with a cooldown no test outlasts: one refetch per test at most. */
	private static JwksSettings cooldownOfAMinute() {
		JwksSettings settings = KeySetFixture.fast(gateway);
		return new JwksSettings(settings.uri(), Duration.ofMinutes(10), Duration.ofMinutes(1),
				settings.connectTimeout(), settings.readTimeout(), settings.outageTolerance(), settings.maxSizeBytes());
	}

	@Test
	void concurrentFirstRequestsShareOneFetch() throws Exception {
		// Every request may wait here; KeyFetchBulkheadTests is about those that may not.
		this.decoder = KeySetFixture.decoder(gateway.issuer(), KeySetFixture.fast(gateway), 50);
		gateway.stubFor(jwks().willReturn(okJson(Gateway.jwksJson(this.current)).withFixedDelay(300)));
		String token = token(this.current);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Future<Jwt>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Callable<Jwt> call = () -> {
					start.await();
					return this.decoder.decode(token);
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			for (Future<Jwt> result : results) {
				assertThat(result.get().getSubject()).isEqualTo("consumer-alice");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(gateway.fetchCount()).isEqualTo(1);
	}

	@Test
	void warmCacheIsRefreshedInTheBackgroundBeforeItExpires() {
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.quick(gateway));
		gateway.publish(this.current);
		this.decoder.decode(token(this.current));
		assertThat(gateway.fetchCount()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(5)).until(() -> gateway.fetchCount() >= 2);

		assertThat(this.decoder.decode(token(this.current))).isNotNull();
	}

}
