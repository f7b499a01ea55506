package io.github.zuplojwt.web.reactive;

import java.time.Duration;
import java.time.Instant;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reactive adapter over the real verification core and a real key set endpoint: a token
 * whose keys must be fetched first is finished on the blocking scheduler, carrying on from
 * where the calling thread stopped, so its token-cache lookup counts as one miss, as on the
 * servlet stack; a token whose keys are cached is judged on the calling thread.
 */
class ZuploReactiveJwtDecoderTests {

	@TestGateway
	static Gateway gateway;

	private final Scheduler blocking = Schedulers.newSingle("key-fetch");

	private VerifyingJwtDecoder core;

	private ZuploReactiveJwtDecoder decoder;

	@BeforeEach
	void start() {
		gateway.reset();
		gateway.publish(gateway.key());
		this.core = TestDecoders.trusting(gateway);
		this.decoder = new ZuploReactiveJwtDecoder(this.core, this.blocking);
	}

	@AfterEach
	void stop() throws Exception {
		this.core.destroy();
		this.blocking.dispose();
	}

	@Test
	void aTokenWhoseKeysMustBeFetchedCountsOneCacheMissLikeOnTheServletStack() {
		String token = token().sign();

		Jwt jwt = this.decoder.decode(token).block();

		assertThat(jwt.getSubject()).isEqualTo("consumer-alice");
		assertThat(gateway.fetchCount()).isOne();
		assertThat(statistics().misses()).isOne();
		assertThat(statistics().hits()).isZero();

		this.decoder.decode(token).block();
		this.core.decode(token);

		assertThat(statistics().misses()).isOne();
		assertThat(statistics().hits()).isEqualTo(2);
	}

	@Test
	void aTokenRejectedAfterTheKeyFetchCountsOneCacheMissAndKeepsItsReason() {
		String expired = token().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(expired).block())
			.withMessageContaining("expired");

		assertThat(gateway.fetchCount()).isOne();
		assertThat(statistics().misses()).isOne();
	}

	@Test
	void theKeyFetchRunsOnTheBlockingSchedulerAndACachedKeyIsUsedOnTheCallingThread() {
		Thread caller = Thread.currentThread();

		String fetchedOn = this.decoder.decode(token().sign()).map((jwt) -> Thread.currentThread().getName()).block();
		Thread judgedOn = this.decoder.decode(token().subject("consumer-bob").sign())
			.map((jwt) -> Thread.currentThread())
			.block();

		assertThat(fetchedOn).startsWith("key-fetch");
		assertThat(judgedOn).isSameAs(caller);
		assertThat(statistics().misses()).isEqualTo(2);
	}

	private TokenCacheStatistics statistics() {
		return this.core.tokenCacheStatistics();
	}

	private static TokenBuilder token() {
		return gateway.token();
	}

}
