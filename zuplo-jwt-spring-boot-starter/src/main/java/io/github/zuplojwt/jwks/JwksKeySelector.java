package io.github.zuplojwt.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.github.zuplojwt.crypto.VerificationKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the keys that may verify a token: those of the issuer's key set whose {@code kid},
 * type and algorithm match the token header. The key set comes from Nimbus's caching,
 * outage-tolerant sources; a key id that is not in the cached set causes at most one fetch
 * per refresh cooldown.
 */
public final class JwksKeySelector implements JWSKeySelector<SecurityContext>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(JwksKeySelector.class);

	private final JWKSetSource<SecurityContext> source;

	private final VerificationKeys verificationKeys;

	private final RefreshCooldown cooldown;

	private volatile PreparedKeys prepared = new PreparedKeys(null, List.of());

	JwksKeySelector(JWKSetSource<SecurityContext> source, VerificationKeys verificationKeys,
			RefreshCooldown cooldown) {
		this.source = source;
		this.verificationKeys = verificationKeys;
		this.cooldown = cooldown;
	}

	/**
	 * Creates a selector over the key set published at {@code settings.uri()}. Nothing is
	 * fetched until the first token arrives.
	 */
	public static JwksKeySelector remote(JwksSettings settings, VerificationKeys verificationKeys) {
		DefaultResourceRetriever retriever = new DefaultResourceRetriever(
				(int) settings.connectTimeout().toMillis(), (int) settings.readTimeout().toMillis(),
				settings.maxSizeBytes());
		String location = settings.uri().toString();
		JWKSetSource<SecurityContext> source;
		try {
			source = new URLBasedJWKSetSource<>(settings.uri().toURL(), retriever);
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("not a URL: " + location, ex);
		}
		source = new TrustedKeySetSource(source, location, verificationKeys);
		long ttl = settings.cacheTtl().toMillis();
		source = new OutageTolerantJWKSetSource<>(source, ttl + settings.outageTolerance().toMillis(),
				(event) -> {
					if (event instanceof OutageTolerantJWKSetSource.OutageEvent<SecurityContext> outage) {
						logger.warn("Key set at " + location + " could not be fetched ("
								+ outage.getException().getMessage() + "); using cached keys for up to "
								+ outage.getRemainingTime() / 1000 + " s more");
					}
				});
		long fetchTimeout = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
		source = new CachingJWKSetSource<>(source, ttl, fetchTimeout, null);
		return new JwksKeySelector(source, verificationKeys, new RefreshCooldown(settings.refreshCooldown().toMillis()));
	}

	@Override
	public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		long now = System.currentTimeMillis();
		JWKSet cached = this.source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
		List<Key> keys = prepare(cached).matching(header);
		if (keys.isEmpty() && this.cooldown.tryAcquire(now)) {
			try {
				JWKSet refreshed = this.source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now,
						context);
				keys = prepare(refreshed).matching(header);
			}
			catch (KeySourceException ex) {
				logger.warn("Key set refresh for unknown kid=" + header.getKeyID() + " failed: " + ex.getMessage());
			}
		}
		return keys;
	}

	private PreparedKeys prepare(JWKSet set) {
		PreparedKeys current = this.prepared;
		if (current.set() == set) {
			return current;
		}
		List<PreparedKey> keys = new ArrayList<>();
		for (JWK jwk : set.getKeys()) {
			try {
				keys.add(new PreparedKey(jwk, this.verificationKeys.toKey(jwk)));
			}
			catch (VerificationKeys.UntrustedKeyException ex) {
				// TrustedKeySetSource has logged it already.
			}
		}
		PreparedKeys fresh = new PreparedKeys(set, List.copyOf(keys));
		this.prepared = fresh;
		return fresh;
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

	private record PreparedKey(JWK jwk, Key key) {
	}

	private record PreparedKeys(JWKSet set, List<PreparedKey> keys) {

		List<Key> matching(JWSHeader header) {
			JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
			if (matcher == null || header.getKeyID() == null) {
				return List.of();
			}
			List<Key> result = new ArrayList<>(1);
			for (PreparedKey candidate : this.keys) {
				if (matcher.matches(candidate.jwk()) && VerificationKeys.fits(candidate.key(), header.getAlgorithm())) {
					result.add(candidate.key());
				}
			}
			return result;
		}

	}

}
