package io.github.zuplojwt.jwks;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.crypto.VerificationKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps only the keys fit to verify signatures from each fetched key set, and treats a set
 * with none left as a failed fetch so that it never replaces a good cached set.
 */
final class TrustedKeySetSource extends JWKSetSourceWrapper<SecurityContext> {

	private static final Log logger = LogFactory.getLog(TrustedKeySetSource.class);

	private final String location;

	private final VerificationKeys verificationKeys;

	TrustedKeySetSource(JWKSetSource<SecurityContext> source, String location, VerificationKeys verificationKeys) {
		super(source);
		this.location = location;
		this.verificationKeys = verificationKeys;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		JWKSet fetched = getSource().getJWKSet(refreshEvaluator, currentTime, context);
		List<JWK> trusted = new ArrayList<>();
		for (JWK jwk : fetched.getKeys()) {
			try {
				this.verificationKeys.toKey(jwk);
				trusted.add(jwk);
			}
			catch (VerificationKeys.UntrustedKeyException ex) {
				logger.warn("Ignoring key kid=" + jwk.getKeyID() + " from " + this.location + ": " + ex.getMessage());
			}
		}
		if (trusted.isEmpty()) {
			throw new KeySourceException("key set at " + this.location + " has no usable signing key");
		}
		return new JWKSet(trusted);
	}

}
