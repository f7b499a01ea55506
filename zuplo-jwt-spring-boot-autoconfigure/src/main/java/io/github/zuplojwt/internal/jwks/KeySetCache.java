package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Where one issuer's keys are cached. A chain of Nimbus sources, outermost first: a cache
 * refreshed ahead of expiry in the background (concurrent misses share one fetch, and wait
 * no longer than one fetch may take), a fail-fast gate after a failed fetch with nothing to
 * fall back on, outage tolerance (the last good set keeps serving while fetches fail), the
 * fetch recorder, the usable-key filter, and the HTTP fetch with its deadline.
 */
final class KeySetCache implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(KeySetCache.class);

	/** Longest time requests fail fast after a failed fetch with no keys to fall back on. */
	static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(10);

	private static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(30);

	private final JWKSetSource<SecurityContext> source;

	private final CacheFreshness freshness;

	private final FetchRecorder recorder;

	private final Duration failureBackoff;

	private final ScheduledExecutorService background;

	private final Clock clock;

	private KeySetCache(JWKSetSource<SecurityContext> source, CacheFreshness freshness, FetchRecorder recorder,
			Duration failureBackoff, ScheduledExecutorService background, Clock clock) {
		this.source = source;
		this.freshness = freshness;
		this.recorder = recorder;
		this.failureBackoff = failureBackoff;
		this.background = background;
		this.clock = clock;
	}

	/**
	 * Creates the cache for the key set of {@code issuer}. Nothing is fetched until keys are
	 * first asked for, or {@link #warmUp()} is called.
	 */
	static KeySetCache create(String issuer, JwksSettings settings, VerificationKeys verificationKeys,
			ObservationRegistry observations, Clock clock) {
		long ttl = settings.cacheTtl().toMillis();
		long waitLimit = settings.keyWaitLimit().toMillis();
		if (ttl <= waitLimit) {
			throw new IllegalArgumentException("the cache TTL must be longer than a key fetch may take");
		}
		KeySetRetriever retriever = new KeySetRetriever(settings);
		String location;
		JWKSetSource<SecurityContext> source;
		if (settings.discoveryIssuer() != null) {
			location = settings.discoveryIssuer() + DiscoveredJWKSetSource.DISCOVERY_PATH;
			source = new DiscoveredJWKSetSource(settings.discoveryIssuer(), retriever, settings.allowHttp());
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
		source = new UsableKeyFilter(source, location, verificationKeys);
		FetchRecorder recorder = new FetchRecorder(source, issuer, location,
				settings.cacheTtl().plus(settings.outageTolerance()), observations);
		source = new OutageTolerance(recorder, location, ttl + settings.outageTolerance().toMillis());
		Duration backoff = min(settings.refreshCooldown(), MAX_FAILURE_BACKOFF);
		source = new FailFastJWKSetSource(source, backoff);
		CacheFreshness freshness = new CacheFreshness(source, ttl);
		long refreshAhead = Math.min(MAX_REFRESH_AHEAD.toMillis(), (ttl - waitLimit) / 2);
		ScheduledExecutorService refresher = refreshExecutor();
		source = new RefreshAheadCachingJWKSetSource<>(freshness, ttl, waitLimit, refreshAhead, refresher, true, null,
				refresher, true);
		return new KeySetCache(source, freshness, recorder, backoff, refresher, clock);
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

	/** Whether {@link #get(long)} would answer from the cache, without fetching or waiting. */
	boolean isFresh(long now) {
		return this.freshness.isFresh(now);
	}

	/** The current key set: cached, or fetched (by this caller or one it waits for). */
	VerificationKeySet get(long now) throws KeySetUnavailableException {
		return load(JWKSetCacheRefreshEvaluator.noRefresh(), now);
	}

	/** A newer key set than {@code seen}: fetched now, unless another caller just did. */
	VerificationKeySet refresh(VerificationKeySet seen, long now) throws KeySetUnavailableException {
		return load(JWKSetCacheRefreshEvaluator.referenceComparison(seen), now);
	}

	private VerificationKeySet load(JWKSetCacheRefreshEvaluator evaluator, long now)
			throws KeySetUnavailableException {
		JWKSet set;
		try {
			set = this.source.getJWKSet(evaluator, now, null);
		}
		catch (KeySetUnavailableException ex) {
			throw ex;
		}
		catch (KeySourceException ex) {
			throw new KeySetUnavailableException(ex.getMessage(), this.failureBackoff);
		}
		if (!(set instanceof VerificationKeySet keys)) {
			throw new IllegalStateException("the key set cache returned an unconverted key set");
		}
		return keys;
	}

	/**
	 * Fetches the key set in the background if nothing is cached yet, so that the first
	 * request does not wait for it. Failures are logged, never thrown.
	 */
	void warmUp() {
		this.background.execute(() -> {
			try {
				get(this.clock.millis());
			}
			catch (KeySetUnavailableException ex) {
				logger.warn("Key set warm-up failed; keys will be fetched on the first request: " + ex.getMessage());
			}
		});
	}

	KeySetState state() {
		return this.recorder.state();
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}
