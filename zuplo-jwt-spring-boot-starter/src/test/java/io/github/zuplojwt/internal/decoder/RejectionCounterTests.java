package io.github.zuplojwt.internal.decoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts of one rejection reason, moved through time by hand: the last minute slides by
 * whole seconds, the total never forgets, and concurrent refusals are all counted.
 */
class RejectionCounterTests {

	private static final long NOW = Instant.parse("2026-12-02T12:00:00Z").toEpochMilli();

	private final RejectionCounter counter = new RejectionCounter();

	@Test
	void nothingCountedYet() {
		assertThat(this.counter.total()).isZero();
		assertThat(this.counter.recent(NOW)).isZero();
		assertThat(this.counter.last()).isNull();
	}

	@Test
	void refusalsCountInTheLastMinuteUntilTheirSecondIsSixtySecondsOld() {
		this.counter.add(NOW);
		this.counter.add(NOW + 999);
		this.counter.add(NOW + 30_000);

		assertThat(this.counter.recent(NOW + 30_000)).isEqualTo(3);
		assertThat(this.counter.recent(NOW + 59_999)).isEqualTo(3);
		assertThat(this.counter.recent(NOW + 60_000)).as("the first second has left the minute").isEqualTo(1);
		assertThat(this.counter.recent(NOW + 89_999)).isEqualTo(1);
		assertThat(this.counter.recent(NOW + 90_000)).isZero();
		assertThat(this.counter.total()).isEqualTo(3);
		assertThat(this.counter.last()).isEqualTo(Instant.ofEpochMilli(NOW + 30_000));
	}

	@Test
	void aSlotThatComesRoundAgainStartsFromZero() {
		for (int i = 0; i < 5; i++) {
			this.counter.add(NOW);
		}
		this.counter.add(NOW + 60_000);

		assertThat(this.counter.recent(NOW + 60_000)).isEqualTo(1);
		assertThat(this.counter.total()).isEqualTo(6);
	}

	@Test
	void hoursOfRefusalsKeepTheSameSmallState() {
		for (long second = 0; second < 7200; second++) {
			this.counter.add(NOW + second * 1000);
			this.counter.add(NOW + second * 1000 + 500);
		}

		assertThat(this.counter.recent(NOW + 7199_000)).isEqualTo(120);
		assertThat(this.counter.total()).isEqualTo(14_400);
	}

	@Test
	void aClockThatWentBackDoesNotCountTheFutureAsRecent() {
		this.counter.add(NOW + 120_000);

		assertThat(this.counter.recent(NOW)).isZero();
		assertThat(this.counter.total()).isEqualTo(1);
	}

	@Test
	void concurrentRefusalsInOneSecondAreEachCounted() throws Exception {
		int threads = 4;
		int perThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						this.counter.add(NOW + (i % 1000));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(this.counter.recent(NOW + 999)).isEqualTo(threads * perThread);
		assertThat(this.counter.total()).isEqualTo(threads * perThread);
	}

}
