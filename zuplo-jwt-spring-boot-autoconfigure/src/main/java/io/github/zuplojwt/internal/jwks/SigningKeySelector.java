package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.time.Clock;

import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the key of one issuer that verifies a token: among the keys of its cached key set
 * that fit the token header, chosen by {@code kid} when the token has one, and otherwise all
 * those that fit its algorithm (the Upstream Zuplo JWT policy signs without a {@code kid}).
 * At most {@value #MAX_CANDIDATES} keys are ever tried per key set. When the key may be one
 * the cached set does not hold yet (an unknown {@code kid}, or a token without one that no
 * cached key verifies), the set is fetched again, at most once per refresh cooldown; a
 * failed lookup never evicts good keys.
 */
public final class SigningKeySelector implements AutoCloseable {

	/**
	 * Most keys tried for one token in one key set. A Zuplo project publishes one key, two
	 * while it rotates; a set with more keys that fit a token tries none of them, so that no
	 * token costs more than this many signature checks per key set.
	 */
	public static final int MAX_CANDIDATES = 4;

	private static final Log logger = LogFactory.getLog(SigningKeySelector.class);

	private final KeySetCache cache;

	private final RefetchLimiter refetchLimiter;

	private final Clock clock;

	SigningKeySelector(KeySetCache cache, RefetchLimiter refetchLimiter, Clock clock) {
		this.cache = cache;
		this.refetchLimiter = refetchLimiter;
		this.clock = clock;
	}

	/**
	 * Creates a selector over the key set of {@code issuer} described by {@code settings}.
	 * Nothing is fetched until the first token arrives or {@link #warmUp()} is called.
	 * @param bulkhead how many requests may wait for key set fetches at once, shared by the
	 * selectors of all the issuers of one decoder
	 */
	public static SigningKeySelector create(String issuer, JwksSettings settings, VerificationKeys verificationKeys,
			ObservationRegistry observations, Clock clock, KeyFetchBulkhead bulkhead) {
		return new SigningKeySelector(
				KeySetCache.create(issuer, settings, verificationKeys, observations, clock, bulkhead),
				new RefetchLimiter(settings.refreshCooldown().toMillis()), clock);
	}

	/**
	 * Looks for the published key that verifies a token with this header.
	 * @param header the token header
	 * @param check the token's signature check with one candidate key
	 * @param mayFetch whether the caller may wait on the network; if not and the answer
	 * needs a fetch, {@link KeyFetchRequiredException} is thrown instead
	 * @return the key that verified the token, or why there is none
	 * @throws KeySetUnavailableException if no key set can be had to judge the token
	 * @throws KeyFetchRequiredException if {@code mayFetch} is false and keys must be fetched
	 */
	public KeySearch find(JWSHeader header, KeySearch.SignatureCheck check, boolean mayFetch)
			throws KeySetUnavailableException, KeyFetchRequiredException {
		long now = this.clock.millis();
		VerificationKeySet cached = keySet(now, mayFetch);
		KeySearch search = cached.search(header, check, MAX_CANDIDATES);
		if (!mayBeInANewerKeySet(search, header) || !this.refetchLimiter.wouldAllow(now)) {
			return search;
		}
		if (!mayFetch) {
			throw new KeyFetchRequiredException();
		}
		if (this.refetchLimiter.tryAcquire(now)) {
			try {
				// The cached keys that fit were tried already; an unchanged key keeps its conversion.
				return this.cache.refresh(cached, now)
					.search(header, (key) -> !cached.contains(key) && check.verifies(key), MAX_CANDIDATES);
			}
			catch (KeySetUnavailableException ex) {
				logger.warn("Key set refresh for a token whose key is not in the cached key set failed: "
						+ ex.getMessage());
			}
		}
		return search;
	}

	/** The key set to search: the cached one, or, if the caller may wait, one fetched. */
	private VerificationKeySet keySet(long now, boolean mayFetch)
			throws KeySetUnavailableException, KeyFetchRequiredException {
		VerificationKeySet cached = this.cache.cachedAt(now);
		if (cached != null) {
			return cached;
		}
		if (!mayFetch) {
			throw new KeyFetchRequiredException();
		}
		return this.cache.get(now);
	}

	/**
	 * Whether the token's key may have been published after the cached set was fetched: no
	 * cached key fits it, or it names no {@code kid} and no cached key verifies it. A token
	 * whose {@code kid} is cached but whose signature does not verify is a forgery, not a
	 * new key.
	 */
	private static boolean mayBeInANewerKeySet(KeySearch search, JWSHeader header) {
		return switch (search.outcome()) {
			case NO_MATCHING_KEY -> true;
			case NOT_VERIFIED -> header.getKeyID() == null;
			case VERIFIED, TOO_MANY_KEYS -> false;
		};
	}

	/**
	 * Whether {@code key} is still published in the cached key set, answered without ever
	 * fetching or waiting: {@code false} when the cache would have to fetch to tell.
	 */
	public boolean isPublished(VerificationKey key) {
		VerificationKeySet cached = this.cache.cachedAt(this.clock.millis());
		return cached != null && cached.contains(key);
	}

	/**
	 * Fetches the key set in the background if nothing is cached yet; returns at once.
	 */
	public void warmUp() {
		this.cache.warmUp();
	}

	/** The key set's state, read without fetching. */
	public KeySetState state() {
		return this.cache.state();
	}

	@Override
	public void close() throws IOException {
		this.cache.close();
	}

}
