package io.github.zuplojwt.internal.jwks;

import java.util.concurrent.Semaphore;

/**
 * How many requests may wait for key set fetches at once, across all the issuers of one
 * decoder: a bulkhead, so that a hanging key server never holds more than this many request
 * threads (servlet workers, or the threads where a reactive application blocks). A request
 * beyond the limit is refused at once instead of waiting; requests answered from cached keys
 * never count.
 */
public final class KeyFetchBulkhead {

	/** The limit of the auto-configuration when none is configured. */
	public static final int DEFAULT_MAX_WAITING_REQUESTS = 20;

	private final int maxWaitingRequests;

	private final Semaphore waiting;

	/**
	 * @param maxWaitingRequests most requests waiting for key set fetches at once, at least 1
	 */
	public KeyFetchBulkhead(int maxWaitingRequests) {
		if (maxWaitingRequests < 1) {
			throw new IllegalArgumentException("at least one request must be allowed to wait for keys");
		}
		this.maxWaitingRequests = maxWaitingRequests;
		this.waiting = new Semaphore(maxWaitingRequests);
	}

	/** Whether the caller may wait; if so, it must {@link #leave()} when it stops waiting. */
	boolean tryEnter() {
		return this.waiting.tryAcquire();
	}

	void leave() {
		this.waiting.release();
	}

	/** How many requests may wait at once. */
	public int maxWaitingRequests() {
		return this.maxWaitingRequests;
	}

}
