package io.github.zuplojwt.jwks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller through per period, without locking: how unknown key ids are kept from
 * turning into a flood of key set fetches.
 */
final class RefreshCooldown {

	private final long periodMillis;

	private final AtomicLong nextAllowedAt = new AtomicLong(Long.MIN_VALUE);

	RefreshCooldown(long periodMillis) {
		this.periodMillis = periodMillis;
	}

	/**
	 * Whether the caller may refresh now; if so, the next caller waits a whole period.
	 */
	boolean tryAcquire(long nowMillis) {
		long next = this.nextAllowedAt.get();
		return nowMillis >= next && this.nextAllowedAt.compareAndSet(next, nowMillis + this.periodMillis);
	}

}
