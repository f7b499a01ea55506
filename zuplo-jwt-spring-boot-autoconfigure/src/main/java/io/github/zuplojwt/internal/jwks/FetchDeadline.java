package io.github.zuplojwt.internal.jwks;

import java.time.Duration;

/**
 * When one fetch must be over: connected within the connect timeout of its start, and the
 * whole response received within the read timeout of the moment it connected. So a fetch
 * never ends later than connect + read timeout after its start, and about the read timeout
 * after it when connecting is instant. Times are {@link System#nanoTime()} readings.
 */
final class FetchDeadline {

	private final long startNanos;

	private final long connectNanos;

	private final long readNanos;

	FetchDeadline(long startNanos, Duration connectTimeout, Duration readTimeout) {
		this.startNanos = startNanos;
		this.connectNanos = connectTimeout.toNanos();
		this.readNanos = readTimeout.toNanos();
	}

	/** By when the connection must stand. */
	long connectedBy() {
		return this.startNanos + this.connectNanos;
	}

	/**
	 * By when the whole response must have arrived, for a connection that stood at
	 * {@code connectedAt}; a connection reported after {@link #connectedBy()} counts from
	 * then, so the bound from the start holds whatever the report says.
	 */
	long receivedBy(long connectedAt) {
		long connected = (connectedAt - connectedBy() > 0) ? connectedBy() : connectedAt;
		return connected + this.readNanos;
	}

}
