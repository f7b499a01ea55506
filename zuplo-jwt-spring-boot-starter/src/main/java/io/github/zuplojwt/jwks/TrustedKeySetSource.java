package io.github.zuplojwt.jwks;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.crypto.VerificationKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps only the keys fit to verify signatures from each fetched key set: keys for
 * encryption, with private material, too short, on unsupported curves, or whose
 * {@code alg} does not fit their type are dropped and logged once each (without key
 * material). A set with no usable key left counts as a failed fetch, so that it never
 * replaces a good cached set.
 */
final class TrustedKeySetSource extends JWKSetSourceWrapper<SecurityContext> {

	private static final Log logger = LogFactory.getLog(TrustedKeySetSource.class);

	/** Bounds the memory of what was logged, whatever an endpoint publishes. */
	private static final int MAX_REMEMBERED = 256;

	private final String location;

	private final VerificationKeys verificationKeys;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

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
			String reason = whyUntrusted(jwk);
			if (reason == null) {
				trusted.add(jwk);
			}
			else {
				logOnce(jwk.getKeyID(), reason);
			}
		}
		if (trusted.isEmpty()) {
			throw new JWKSetUnavailableException("the key set at " + this.location + " has no usable signing key");
		}
		return new JWKSet(trusted);
	}

	private String whyUntrusted(JWK jwk) {
		Key key;
		try {
			key = this.verificationKeys.toKey(jwk);
		}
		catch (VerificationKeys.UntrustedKeyException ex) {
			return ex.getMessage();
		}
		Algorithm declared = jwk.getAlgorithm();
		if (declared != null && !VerificationKeys.fits(key, JWSAlgorithm.parse(declared.getName()))) {
			return "its alg " + declared.getName().replaceAll("[^A-Za-z0-9]", "?") + " does not fit its key";
		}
		return null;
	}

	private void logOnce(String kid, String reason) {
		String safeKid = (kid != null) ? kid.replaceAll("[^A-Za-z0-9._:/~+-]", "?") : "-";
		if (safeKid.length() > 64) {
			safeKid = safeKid.substring(0, 64) + "...";
		}
		if (this.logged.size() < MAX_REMEMBERED && this.logged.add(safeKid + " " + reason)) {
			logger.warn("Ignoring key kid=" + safeKid + " published at " + this.location + ": " + reason);
		}
	}

}
