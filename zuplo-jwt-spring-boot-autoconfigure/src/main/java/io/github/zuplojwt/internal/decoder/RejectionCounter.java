package io.github.zuplojwt.internal.decoder;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many tokens were refused for one reason: since the decoder was built, and in the last
 * minute ({@link RejectionMonitor#INTERVAL}), counted in one slot per second, so that its
 * state has the same small size however many tokens are refused. Counting takes a few atomic
 * operations and no lock.
 */
final class RejectionCounter {

	/** The length of the recent window in seconds: {@link RejectionMonitor#INTERVAL}. */
	static final int WINDOW_SECONDS = (int) RejectionMonitor.INTERVAL.toSeconds();

	private static final long LOW_32_BITS = 0xFFFF_FFFFL;

	private final LongAdder total = new LongAdder();

	/**
	 * One slot per second of the window, each holding a second (the low 32 bits of its epoch
	 * second, in the high half) and the tokens refused in it (the low half), so that a slot
	 * moves on to a new second and counts in one atomic step.
	 */
	private final AtomicLongArray seconds = new AtomicLongArray(WINDOW_SECONDS);

	private volatile long lastMillis;

	/** Counts a refusal at {@code nowMillis}. */
	void add(long nowMillis) {
		this.lastMillis = nowMillis;
		this.total.increment();
		long second = Math.floorDiv(nowMillis, 1000L);
		int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
		long stamp = second & LOW_32_BITS;
		long current;
		long next;
		do {
			current = this.seconds.get(slot);
			if ((current >>> 32) != stamp) {
				next = (stamp << 32) | 1;
			}
			else {
				next = ((current & LOW_32_BITS) < LOW_32_BITS) ? current + 1 : current;
			}
		}
		while (!this.seconds.compareAndSet(slot, current, next));
	}

	/** Refusals since the decoder was built. */
	long total() {
		return this.total.sum();
	}

	/**
	 * Refusals in the minute up to {@code nowMillis}: in its second and the 59 before, by the
	 * seconds of the clock that counted them.
	 */
	long recent(long nowMillis) {
		long now = Math.floorDiv(nowMillis, 1000L) & LOW_32_BITS;
		long count = 0;
		for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
			long value = this.seconds.get(slot);
			long age = (now - (value >>> 32)) & LOW_32_BITS;
			if (age < WINDOW_SECONDS) {
				count += value & LOW_32_BITS;
			}
		}
		return count;
	}

	/** When the last refusal was counted, or {@code null} if none was. */
	Instant last() {
		return (total() > 0) ? Instant.ofEpochMilli(this.lastMillis) : null;
	}

}
