package io.github.zuplojwt.internal.jwks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.GatedJwksServer;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key set is refreshed in the background once per cache TTL, a tenth of the TTL before it
 * ends (at most 30 s), whether requests arrive or not, and never more often; while a refresh
 * runs, the keys it replaces keep serving, for no longer than a fetch may take. The schedule
 * is read from the delays the cache asks its scheduler for, against a clock the test moves;
 * the last test counts the fetches of an idle decoder over a few TTLs.
 */
class KeySetRefreshScheduleTests {

	private static final Duration TTL = Duration.ofSeconds(3);

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final MovableClock clock = new MovableClock();

	private final RecordingScheduler scheduler = new RecordingScheduler();

	private KeySetCache cache;

	private VerifyingJwtDecoder decoder;

	@AfterEach
	void close() throws Exception {
		if (this.cache != null) {
			this.cache.close();
		}
		if (this.decoder != null) {
			this.decoder.destroy();
		}
		this.scheduler.shutdownNow();
		gateway.reset();
	}

	private KeySetCache cache(String jwksUri) {
		return cache(jwksUri, TTL, Duration.ofSeconds(1));
	}

	private KeySetCache cache(String jwksUri, Duration ttl, Duration readTimeout) {
		JwksSettings settings = new JwksSettings(URI.create(jwksUri), ttl, Duration.ZERO, Duration.ofSeconds(1),
				readTimeout, Duration.ofMinutes(1), 64 * 1024);
		this.cache = KeySetCache.create("issuer", settings, new VerificationKeys(new BouncyCastleEd25519Backend()),
				ObservationRegistry.NOOP, this.clock, new KeyFetchBulkhead(5), this.scheduler);
		return this.cache;
	}

	@Test
	void refreshAheadIsATenthOfTheTtlAndAtMostThirtySeconds() {
		assertThat(KeySetCache.refreshAhead(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(300));
		assertThat(KeySetCache.refreshAhead(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
		assertThat(KeySetCache.refreshAhead(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void eachFetchSchedulesOneRefreshShortlyBeforeItsTtlEnds() throws Exception {
		gateway.publish(gateway.key());
		KeySetCache cache = cache(gateway.jwksUri());

		cache.get(this.clock.millis());

		assertThat(gateway.fetchCount()).isEqualTo(1);
		assertThat(this.scheduler.delays()).containsExactly(2700L);

		this.clock.advance(Duration.ofMillis(2700));
		this.scheduler.runLast();

		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.fetchCount() == 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.scheduler.delays().size() == 2);
		assertThat(this.scheduler.delays()).containsExactly(2700L, 2700L);
		assertThat(gateway.fetchCount()).isEqualTo(2);
	}

	@Test
	void fetchForAKeyNotInTheCachedSetMovesTheNextRefresh() throws Exception {
		gateway.publish(gateway.key());
		KeySetCache cache = cache(gateway.jwksUri());
		VerificationKeySet first = cache.get(this.clock.millis());

		this.clock.advance(Duration.ofMillis(1000));
		cache.refresh(first, this.clock.millis());

		assertThat(gateway.fetchCount()).isEqualTo(2);
		assertThat(this.scheduler.delays()).containsExactly(2700L, 2700L);
		assertThat(this.scheduler.scheduled().get(0).isCancelled()).as("the refresh the first fetch scheduled")
			.isTrue();
	}

	@Test
	void expiredKeySetKeepsServingWhileItsRefreshRunsAndNoLongerThanAFetchMayTake() throws Exception {
		try (GatedJwksServer gated = GatedJwksServer.start()) {
			gated.publish(gateway.key());
			// A read timeout long enough that the held refresh is still running when the gate opens.
			Duration ttl = Duration.ofMinutes(1);
			KeySetCache cache = cache(gated.issuer() + "/.well-known/jwks.json", ttl, Duration.ofSeconds(20));
			VerificationKeySet first = cache.get(this.clock.millis());
			gated.closeGate();

			this.clock.advance(ttl);
			assertThat(cache.cachedAt(this.clock.millis())).as("expired, and no refresh is running").isNull();
			assertThat(cache.get(this.clock.millis())).as("expired, while its refresh runs").isSameAs(first);
			assertThat(gated.awaitRequest()).as("the refresh was started").isTrue();
			assertThat(cache.cachedAt(this.clock.millis())).isSameAs(first);

			// A fetch may take connect + read timeout, 21 s here; past that, the old set no longer serves.
			this.clock.advance(Duration.ofSeconds(21));
			assertThat(cache.cachedAt(this.clock.millis())).isNull();
			gated.open();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> cache.cachedAt(this.clock.millis()) != null && gated.requestCount() == 2);
			assertThat(cache.cachedAt(this.clock.millis())).isNotSameAs(first);
		}
	}

	@Test
	void idleDecoderFetchesAboutOncePerTtl() throws Exception {
		gateway.publish(gateway.key());
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.fast(gateway));
		this.decoder.decode(gateway.token().sign());

		// Two and a bit TTLs of 3 s without a request: fetches at 0, 2.7 s and 5.4 s.
		Thread.sleep(6_500);

		// A slow machine may start a refresh late, never early: at least the first refresh, never a poll.
		assertThat(gateway.fetchCount()).isBetween(2, 4);
	}

	/** A clock the test moves by hand. */
	private static final class MovableClock extends Clock {

		private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());

		void advance(Duration duration) {
			this.millis.addAndGet(duration.toMillis());
		}

		@Override
		public long millis() {
			return this.millis.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

	/**
	 * Runs what the cache executes at once, and records what it schedules, with the delay it
	 * asked for, without ever running it: the test runs a scheduled refresh by hand.
	 */
	private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

		private final List<Long> delays = new CopyOnWriteArrayList<>();

		private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

		private final List<Runnable> commands = new CopyOnWriteArrayList<>();

		RecordingScheduler() {
			super(1);
		}

		@Override
		public void execute(Runnable command) {
			super.schedule(command, 0, TimeUnit.NANOSECONDS);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			this.delays.add(unit.toMillis(delay));
			this.commands.add(command);
			ScheduledFuture<?> future = super.schedule(() -> {
			}, 1, TimeUnit.DAYS);
			this.scheduled.add(future);
			return future;
		}

		List<Long> delays() {
			return this.delays;
		}

		List<ScheduledFuture<?>> scheduled() {
			return this.scheduled;
		}

		void runLast() {
			this.commands.get(this.commands.size() - 1).run();
		}

	}

}
