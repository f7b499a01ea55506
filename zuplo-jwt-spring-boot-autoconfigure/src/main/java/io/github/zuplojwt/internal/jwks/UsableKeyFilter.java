package io.github.zuplojwt.internal.jwks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Converts each fetched key set into a {@link VerificationKeySet}, keeping only the keys fit
 * to verify signatures; the others are dropped and logged once each (with their {@code kid},
 * never key material). A key published again, unchanged, keeps the conversion it had, so
 * that tokens it verified stay verified. A set with no usable key left counts as a failed fetch, so that it
 * never replaces a good cached set.
 */
final class UsableKeyFilter extends JWKSetSourceWrapper<SecurityContext> {

	private static final Log logger = LogFactory.getLog(UsableKeyFilter.class);

	/** Bounds the memory of what was logged, whatever an endpoint publishes. */
	private static final int MAX_REMEMBERED = 256;

	private final String location;

	private final VerificationKeys verificationKeys;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/** The keys of the last set, so that a key published again keeps its conversion. */
	private volatile Map<JWK, VerificationKey> previous = Map.of();

	UsableKeyFilter(JWKSetSource<SecurityContext> source, String location, VerificationKeys verificationKeys) {
		super(source);
		this.location = location;
		this.verificationKeys = verificationKeys;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		JWKSet fetched = getSource().getJWKSet(refreshEvaluator, currentTime, context);
		List<JWK> usable = new ArrayList<>();
		List<VerificationKey> keys = new ArrayList<>();
		Map<JWK, VerificationKey> converted = new HashMap<>();
		for (JWK jwk : fetched.getKeys()) {
			try {
				VerificationKey key = this.previous.get(jwk);
				if (key == null) {
					key = this.verificationKeys.toVerificationKey(jwk);
				}
				keys.add(key);
				usable.add(jwk);
				converted.put(jwk, key);
			}
			catch (VerificationKeys.UntrustedKeyException ex) {
				logOnce(jwk.getKeyID(), ex.getMessage());
			}
		}
		if (keys.isEmpty()) {
			throw new JWKSetUnavailableException("the key set at " + this.location + " has no usable signing key");
		}
		this.previous = converted;
		return new VerificationKeySet(usable, keys);
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
