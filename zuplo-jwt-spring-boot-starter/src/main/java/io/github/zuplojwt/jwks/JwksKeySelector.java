package io.github.zuplojwt.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.security.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.crypto.VerificationKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Finds the keys that may verify a token: those of the issuer's key set whose {@code kid},
 * type and algorithm match the token header (keys sharing a {@code kid} are all tried, in
 * published order).
 * <p>
 * The key set comes from a chain of Nimbus sources, outermost first: a cache refreshed
 * ahead of expiry in the background (concurrent misses share one fetch), a fail-fast gate
 * after a failed fetch with nothing to fall back on, outage tolerance (the last good set
 * keeps serving while fetches fail), a filter that drops keys unfit for signing, and the
 * bounded, redirect-free HTTP fetch. A {@code kid} not in the cached set causes at most one
 * fetch per refresh cooldown, so a flood of made-up key ids cannot turn into a flood of
 * fetches, and a failed lookup never evicts good keys.
 */
public final class JwksKeySelector implements JWSKeySelector<SecurityContext>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(JwksKeySelector.class);

	/** Longest time requests fail fast after a failed fetch with no keys to fall back on. */
	static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(10);

	private static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(30);

	private final JWKSetSource<SecurityContext> source;

	private final VerificationKeys verificationKeys;

	private final RefreshCooldown cooldown;

	private final Duration failureBackoff;

	private final Executor background;

	private volatile PreparedKeys prepared = new PreparedKeys(null, List.of());

	JwksKeySelector(JWKSetSource<SecurityContext> source, VerificationKeys verificationKeys, RefreshCooldown cooldown,
			Duration failureBackoff, Executor background) {
		this.source = source;
		this.verificationKeys = verificationKeys;
		this.cooldown = cooldown;
		this.failureBackoff = failureBackoff;
		this.background = background;
	}

	/**
	 * Creates a selector over the key set published at {@code settings.uri()}. Nothing is
	 * fetched until the first token arrives or {@link #warmUp()} is called.
	 */
	public static JwksKeySelector remote(JwksSettings settings, VerificationKeys verificationKeys) {
		NoRedirectResourceRetriever retriever = new NoRedirectResourceRetriever(
				(int) settings.connectTimeout().toMillis(), (int) settings.readTimeout().toMillis(),
				settings.maxSizeBytes());
		String location;
		JWKSetSource<SecurityContext> source;
		if (settings.discoveryIssuer() != null) {
			location = settings.discoveryIssuer() + " (jwks_uri from discovery)";
			source = new DiscoveredJWKSetSource(settings.discoveryIssuer(), retriever);
		}
		else {
			location = settings.uri().toString();
			try {
				source = new URLBasedJWKSetSource<>(settings.uri().toURL(), retriever);
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException("not a URL: " + location, ex);
			}
		}
		source = new TrustedKeySetSource(source, location, verificationKeys);
		long ttl = settings.cacheTtl().toMillis();
		source = new OutageTolerantJWKSetSource<>(source, ttl + settings.outageTolerance().toMillis(), (event) -> {
			if (event instanceof OutageTolerantJWKSetSource.OutageEvent<SecurityContext> outage) {
				logger.warn("Key set at " + location + " could not be fetched (" + outage.getException().getMessage()
						+ "); using the last good keys for up to " + outage.getRemainingTime() / 1000 + " s more");
			}
		});
		Duration backoff = min(settings.refreshCooldown(), MAX_FAILURE_BACKOFF);
		source = new FailFastJWKSetSource(source, backoff);
		long fetchTimeout = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
		if (ttl <= fetchTimeout) {
			throw new IllegalArgumentException("the cache TTL must be longer than the connect and read timeouts");
		}
		long refreshAhead = Math.min(MAX_REFRESH_AHEAD.toMillis(), (ttl - fetchTimeout) / 2);
		ScheduledExecutorService refresher = refreshExecutor();
		source = new RefreshAheadCachingJWKSetSource<>(source, ttl, fetchTimeout, refreshAhead, refresher, true,
				null, refresher, true);
		return new JwksKeySelector(source, verificationKeys, new RefreshCooldown(settings.refreshCooldown().toMillis()),
				backoff, refresher);
	}

	private static ScheduledExecutorService refreshExecutor() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("zuplo-jwks-refresh-");
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		long now = System.currentTimeMillis();
		JWKSet cached = keySet(JWKSetCacheRefreshEvaluator.noRefresh(), now);
		List<Key> keys = prepare(cached).matching(header);
		if (keys.isEmpty() && this.cooldown.tryAcquire(now)) {
			try {
				JWKSet refreshed = keySet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now);
				keys = prepare(refreshed).matching(header);
			}
			catch (KeySourceException ex) {
				logger.warn("Key set refresh for an unknown kid failed: " + ex.getMessage());
			}
		}
		return keys;
	}

	/**
	 * Fetches the key set in the background if nothing is cached yet, so that the first
	 * request does not wait for it. Failures are logged, never thrown.
	 */
	public void warmUp() {
		this.background.execute(() -> {
			try {
				keySet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis());
			}
			catch (KeySourceException ex) {
				logger.warn("Key set warm-up failed; keys will be fetched on the first request: " + ex.getMessage());
			}
		});
	}

	private JWKSet keySet(JWKSetCacheRefreshEvaluator refreshEvaluator, long now) throws KeySetUnavailableException {
		try {
			return this.source.getJWKSet(refreshEvaluator, now, null);
		}
		catch (KeySetUnavailableException ex) {
			throw ex;
		}
		catch (KeySourceException ex) {
			throw new KeySetUnavailableException(ex.getMessage(), this.failureBackoff);
		}
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
				// TrustedKeySetSource has dropped and logged it already.
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
