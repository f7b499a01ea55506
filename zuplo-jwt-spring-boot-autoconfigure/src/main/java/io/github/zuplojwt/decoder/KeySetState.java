package io.github.zuplojwt.decoder;

import java.time.Instant;

/**
 * What is known about one issuer's key set right now, read from the cache without fetching
 * anything: fit for a health check or a gauge.
 *
 * @param issuer the trusted issuer
 * @param location where its keys are fetched from (a URI, or the issuer's discovery document)
 * @param keys usable keys in the last key set fetched successfully; 0 before the first
 * @param lastSuccess when a key set was last fetched successfully, or {@code null} if never
 * @param lastFailure when a fetch last failed, or {@code null} if none has
 * @param lastFailureReason why the last failed fetch failed, or {@code null}
 * @param usableUntil until when the cached keys may be used while fetches keep failing
 * (last success plus cache TTL plus outage tolerance), or {@code null} if none are cached
 */
public record KeySetState(String issuer, String location, int keys, Instant lastSuccess, Instant lastFailure,
		String lastFailureReason, Instant usableUntil) {

	/** Whether no fetch has been attempted yet (nothing is fetched before the first token). */
	public boolean neverFetched() {
		return this.lastSuccess == null && this.lastFailure == null;
	}

	/**
	 * Whether the most recent fetch failed, so the keys in use (if any) come from an earlier
	 * fetch.
	 */
	public boolean stale() {
		return this.lastFailure != null && (this.lastSuccess == null || this.lastFailure.isAfter(this.lastSuccess));
	}

	/** Whether cached keys can verify tokens at {@code now}. */
	public boolean hasUsableKeys(Instant now) {
		return this.usableUntil != null && now.isBefore(this.usableUntil);
	}

}
