package io.github.zuplojwt.internal.jwks;

import java.time.Duration;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * After a fetch fails with no usable keys to fall back on, answers at once with
 * {@link KeySetUnavailableException} for a back-off period instead of letting every
 * request wait on a failing endpoint; the first request after the period tries again, so
 * the service recovers by itself.
 */
final class FailFastJWKSetSource extends JWKSetSourceWrapper<SecurityContext> {

	private final long backoffMillis;

	private volatile long failingUntil = Long.MIN_VALUE;

	FailFastJWKSetSource(JWKSetSource<SecurityContext> source, Duration backoff) {
		super(source);
		this.backoffMillis = backoff.toMillis();
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		long until = this.failingUntil;
		if (currentTime < until) {
			throw new KeySetUnavailableException("the key set endpoint failed recently",
					Duration.ofMillis(until - currentTime));
		}
		try {
			return getSource().getJWKSet(refreshEvaluator, currentTime, context);
		}
		catch (KeySourceException ex) {
			this.failingUntil = currentTime + this.backoffMillis;
			throw new KeySetUnavailableException(ex.getMessage(), Duration.ofMillis(this.backoffMillis));
		}
	}

}
