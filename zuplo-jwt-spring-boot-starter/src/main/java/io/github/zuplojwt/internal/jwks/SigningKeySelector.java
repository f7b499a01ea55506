package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Chooses the keys of one issuer that may verify a token: those of its cached key set whose
 * {@code kid} and algorithm match the token header. A {@code kid} not in the cached set
 * causes at most one fetch per refresh cooldown, and a failed lookup never evicts good keys.
 */
public final class SigningKeySelector implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SigningKeySelector.class);

	private final KeySetCache cache;

	private final RefetchLimiter refetchLimiter;

	SigningKeySelector(KeySetCache cache, RefetchLimiter refetchLimiter) {
		this.cache = cache;
		this.refetchLimiter = refetchLimiter;
	}

	/**
	 * Creates a selector over the key set of {@code issuer} described by {@code settings}.
	 * Nothing is fetched until the first token arrives or {@link #warmUp()} is called.
	 */
	public static SigningKeySelector create(String issuer, JwksSettings settings, VerificationKeys verificationKeys,
			ObservationRegistry observations) {
		return new SigningKeySelector(KeySetCache.create(issuer, settings, verificationKeys, observations),
				new RefetchLimiter(settings.refreshCooldown().toMillis()));
	}

	/**
	 * The keys that may verify a token with this header; empty if none match.
	 * @param header the token header
	 * @param mayFetch whether the caller may wait on the network; if not and the answer
	 * needs a fetch, {@link KeyFetchRequiredException} is thrown instead
	 * @throws KeySetUnavailableException if no key set can be had to judge the token
	 * @throws KeyFetchRequiredException if {@code mayFetch} is false and keys must be fetched
	 */
	public List<VerificationKey> select(JWSHeader header, boolean mayFetch)
			throws KeySetUnavailableException, KeyFetchRequiredException {
		if (header.getKeyID() == null) {
			return List.of();
		}
		long now = System.currentTimeMillis();
		if (!mayFetch && !this.cache.isFresh(now)) {
			throw new KeyFetchRequiredException();
		}
		VerificationKeySet cached = this.cache.get(now);
		List<VerificationKey> keys = cached.keysFor(header);
		if (!keys.isEmpty() || !this.refetchLimiter.wouldAllow(now)) {
			return keys;
		}
		if (!mayFetch) {
			throw new KeyFetchRequiredException();
		}
		if (this.refetchLimiter.tryAcquire(now)) {
			try {
				keys = this.cache.refresh(cached, now).keysFor(header);
			}
			catch (KeySetUnavailableException ex) {
				logger.warn("Key set refresh for an unknown kid failed: " + ex.getMessage());
			}
		}
		return keys;
	}

	/**
	 * Whether {@code key} is still published in the cached key set, answered without ever
	 * fetching or waiting: {@code false} when the cache would have to fetch to tell.
	 */
	public boolean isPublished(VerificationKey key) {
		long now = System.currentTimeMillis();
		if (!this.cache.isFresh(now)) {
			return false;
		}
		try {
			return this.cache.get(now).contains(key);
		}
		catch (KeySetUnavailableException ex) {
			return false;
		}
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
