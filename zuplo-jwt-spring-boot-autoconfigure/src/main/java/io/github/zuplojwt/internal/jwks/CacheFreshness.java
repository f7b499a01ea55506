package io.github.zuplojwt.internal.jwks;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Sits right under the cache and notes until when the set the cache last stored is valid
 * (the time the cache asked for it, plus its TTL), so that a caller who must not block can
 * tell whether the cache would answer without fetching.
 */
final class CacheFreshness extends JWKSetSourceWrapper<SecurityContext> {

	private final long ttlMillis;

	private volatile long freshUntil = Long.MIN_VALUE;

	CacheFreshness(JWKSetSource<SecurityContext> source, long ttlMillis) {
		super(source);
		this.ttlMillis = ttlMillis;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		JWKSet set = getSource().getJWKSet(refreshEvaluator, currentTime, context);
		this.freshUntil = Math.max(this.freshUntil, currentTime + this.ttlMillis);
		return set;
	}

	/** Whether the cache holds a set it will serve at {@code now} without fetching. */
	boolean isFresh(long now) {
		return now < this.freshUntil;
	}

}
