package io.github.zuplojwt.internal.jwks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one key set fetch for an unknown {@code kid} through per cooldown period, without
 * locking, so that a flood of made-up key ids cannot become a flood of fetches.
 */
final class RefetchLimiter {

	private final long cooldownMillis;

	private final AtomicLong nextAllowedAt = new AtomicLong(Long.MIN_VALUE);

	RefetchLimiter(long cooldownMillis) {
		this.cooldownMillis = cooldownMillis;
	}

	/** Whether a fetch would be allowed now, without claiming it. */
	boolean wouldAllow(long nowMillis) {
		return nowMillis >= this.nextAllowedAt.get();
	}

	/**
	 * Whether the caller may fetch now; if so, the next caller waits a whole period.
	 */
	boolean tryAcquire(long nowMillis) {
		long next = this.nextAllowedAt.get();
		return nowMillis >= next && this.nextAllowedAt.compareAndSet(next, nowMillis + this.cooldownMillis);
	}

}
