package io.github.zuplojwt.internal.jwks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.GatedJwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * While a key fetch hangs, at most {@code max-waiting-requests} requests wait for it; the
 * others are refused at once with "keys unavailable" (503 on the web), and requests whose
 * keys are cached are answered as usual. The key server here holds every fetch until the
 * test opens its gate, so nothing depends on timing.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyFetchBulkheadTests {

	private static final int MAX_WAITING = 3;

	private final TestKey key = TestKey.ed25519("k1");

	private final List<GatedJwksServer> gateways = new ArrayList<>();

	private final ExecutorService requests = Executors.newCachedThreadPool();

	private VerifyingJwtDecoder decoder;

	@AfterEach
	void close() throws Exception {
		this.requests.shutdownNow();
		if (this.decoder != null) {
			this.decoder.destroy();
		}
		this.gateways.forEach(GatedJwksServer::close);
	}

	private GatedJwksServer gateway() {
		GatedJwksServer gateway = GatedJwksServer.start();
		gateway.publish(this.key);
		this.gateways.add(gateway);
		return gateway;
	}

	/** A decoder trusting the given gateways, whose held fetches outlast every test. */
	private VerifyingJwtDecoder decoder(GatedJwksServer... gateways) {
		List<TrustedIssuer> issuers = new ArrayList<>();
		for (GatedJwksServer gateway : gateways) {
			JwksSettings jwks = new JwksSettings(URI.create(gateway.issuer() + "/.well-known/jwks.json"),
					Duration.ofMinutes(10), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(30),
					Duration.ofMinutes(1), 64 * 1024);
			issuers.add(new TrustedIssuer(gateway.issuer(), jwks, Set.of(), Map.of()));
		}
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA), Duration.ofSeconds(60), 8192,
				Clock.systemUTC());
		this.decoder = VerifyingJwtDecoder
			.builder(issuers, policy, new VerificationKeys(new BouncyCastleEd25519Backend()))
			.maxWaitingRequests(MAX_WAITING)
			.build();
		return this.decoder;
	}

	private List<Future<Jwt>> decodeConcurrently(int count, String token) {
		List<Future<Jwt>> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(this.requests.submit(() -> this.decoder.decode(token)));
		}
		return results;
	}

	private static long done(List<Future<Jwt>> results) {
		return results.stream().filter(Future::isDone).count();
	}

	private static void assertRefusedByTheBulkhead(Future<Jwt> result) {
		Throwable failure = catchThrowable(result::get);
		assertThat(failure).hasCauseInstanceOf(SigningKeysUnavailableException.class)
			.rootCause()
			.hasMessageContaining("too many requests are waiting for signing keys");
	}

	@Test
	void requestsBeyondTheLimitAreRefusedAtOnceWhileTheOthersWaitForTheFetch(CapturedOutput output)
			throws Exception {
		GatedJwksServer gateway = gateway();
		VerifyingJwtDecoder decoder = decoder(gateway);
		gateway.closeGate();
		String token = this.key.token().issuer(gateway.issuer()).sign();

		List<Future<Jwt>> results = decodeConcurrently(10, token);

		await().atMost(Duration.ofSeconds(10)).until(() -> done(results) == 10 - MAX_WAITING);
		assertThat(gateway.awaitRequest()).isTrue();
		List<Future<Jwt>> refused = results.stream().filter(Future::isDone).toList();
		refused.forEach(KeyFetchBulkheadTests::assertRefusedByTheBulkhead);
		assertThat(output.getAll().split("requests are already waiting for a key set fetch", -1))
			.as("one warning for all the refusals").hasSize(2);
		gateway.open();
		for (Future<Jwt> result : results) {
			if (!refused.contains(result)) {
				assertThat(result.get(10, TimeUnit.SECONDS).getSubject()).isEqualTo("consumer-alice");
			}
		}
		assertThat(gateway.requestCount()).isEqualTo(1);
		assertThat(decoder.decode(token)).as("once the keys are cached").isNotNull();
	}

	@Test
	void oneLimitServesAllTheIssuersOfADecoder() throws Exception {
		GatedJwksServer first = gateway();
		GatedJwksServer second = gateway();
		decoder(first, second);
		first.closeGate();
		second.closeGate();

		List<Future<Jwt>> waiting = decodeConcurrently(MAX_WAITING, this.key.token().issuer(first.issuer()).sign());
		assertThat(first.awaitRequest()).isTrue();
		List<Future<Jwt>> other = decodeConcurrently(1, this.key.token().issuer(second.issuer()).sign());

		await().atMost(Duration.ofSeconds(10)).until(() -> done(other) == 1);
		assertRefusedByTheBulkhead(other.get(0));
		assertThat(done(waiting)).isZero();
		first.open();
		for (Future<Jwt> result : waiting) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isNotNull();
		}
	}

	@Test
	void requestsWhoseKeysAreCachedAreAnsweredWhileAFetchForAnUnknownKeyHangs() throws Exception {
		GatedJwksServer gateway = gateway();
		VerifyingJwtDecoder decoder = decoder(gateway);
		String cached = this.key.token().issuer(gateway.issuer()).sign();
		decoder.decode(cached);
		gateway.closeGate();
		TestKey unpublished = TestKey.ed25519("k2");

		Future<Jwt> unknownKid = this.requests
			.submit(() -> decoder.decode(unpublished.token().withKid().issuer(gateway.issuer()).sign()));
		assertThat(gateway.awaitRequest()).as("the unknown kid started a fetch").isTrue();

		for (int i = 0; i < 2 * MAX_WAITING; i++) {
			String another = this.key.token().issuer(gateway.issuer()).claim("n", i).sign();
			assertThat(decoder.decode(another).getSubject()).isEqualTo("consumer-alice");
		}
		assertThat(unknownKid).as("the request for the unknown kid still waits").isNotDone();
		gateway.open();
		assertThat(catchThrowable(() -> unknownKid.get(10, TimeUnit.SECONDS)))
			.hasMessageContaining("no trusted signing key");
	}

}
