package io.github.zuplojwt.internal.jwks;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps the last good key set serving while fetches fail, for a bounded time after it was
 * fetched: a failed fetch (an error, a bad answer, a set with no usable key) never replaces
 * good keys. Nimbus's {@code OutageTolerantJWKSetSource} does the same but serves a copy of
 * the set, which would lose the keys converted when it was fetched; this serves the set
 * itself.
 */
final class OutageTolerance extends JWKSetSourceWrapper<SecurityContext> {

	private static final Log logger = LogFactory.getLog(OutageTolerance.class);

	private final String location;

	private final long toleranceMillis;

	private volatile JWKSet lastGood;

	private volatile long lastGoodAt;

	/**
	 * @param toleranceMillis how long after it was fetched the last good set may serve
	 */
	OutageTolerance(JWKSetSource<SecurityContext> source, String location, long toleranceMillis) {
		super(source);
		this.location = location;
		this.toleranceMillis = toleranceMillis;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		try {
			JWKSet set = getSource().getJWKSet(refreshEvaluator, currentTime, context);
			this.lastGoodAt = currentTime;
			this.lastGood = set;
			return set;
		}
		catch (JWKSetUnavailableException ex) {
			JWKSet fallback = this.lastGood;
			long remaining = this.lastGoodAt + this.toleranceMillis - currentTime;
			if (fallback == null || remaining <= 0) {
				throw ex;
			}
			logger.warn("Key set at " + this.location + " could not be fetched (" + ex.getMessage()
					+ "); using the last good keys for up to " + remaining / 1000 + " s more");
			return fallback;
		}
	}

}
