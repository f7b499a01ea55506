package io.github.zuplojwt.internal.jwks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * How many requests may wait for key set fetches at once, across all the issuers of one
 * decoder: a bulkhead, so that a hanging key server never holds more than this many request
 * threads (servlet workers, or the threads where a reactive application blocks). A request
 * beyond the limit is refused at once instead of waiting; requests answered from cached keys
 * never count. The first refusal while requests wait is logged at WARN, once until no
 * request waits any more.
 */
public final class KeyFetchBulkhead {

	/** The limit of the auto-configuration when none is configured. */
	public static final int DEFAULT_MAX_WAITING_REQUESTS = 20;

	private static final Log logger = LogFactory.getLog(KeyFetchBulkhead.class);

	private final int maxWaitingRequests;

	private final Semaphore waiting;

	private final AtomicBoolean refusing = new AtomicBoolean();

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
		if (this.waiting.tryAcquire()) {
			return true;
		}
		if (this.refusing.compareAndSet(false, true)) {
			logger.warn(this.maxWaitingRequests + " requests are already waiting for a key set fetch"
					+ " (zuplo.jwks.max-waiting-requests); further requests that need keys are answered 503 at"
					+ " once until the fetch ends");
		}
		return false;
	}

	void leave() {
		this.waiting.release();
		if (this.waiting.availablePermits() == this.maxWaitingRequests) {
			this.refusing.set(false);
		}
	}

	/** How many requests may wait at once. */
	public int maxWaitingRequests() {
		return this.maxWaitingRequests;
	}

}
