package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Where one issuer's keys are cached. A fetched set is fresh for the cache TTL, and is
 * refreshed in the background once per TTL, shortly before it ends (a tenth of the TTL, at
 * most 30 s), whether requests arrive or not; a fetch for a token whose key is not cached
 * moves that schedule. While a refresh runs, the set it replaces keeps serving, for at most as
 * long as a fetch may take after the TTL, so no request waits on a refresh. Fetches run one at
 * a time on a background thread; requests that have no usable set wait for the fetch in
 * progress, at most as many at once as the {@link KeyFetchBulkhead} lets wait, and the others
 * are refused at once.
 * <p>
 * Under the cache, a chain of Nimbus sources, outermost first: a fail-fast gate after a
 * failed fetch with nothing to fall back on, outage tolerance (the last good set keeps
 * serving while fetches fail), the fetch recorder, the usable-key filter, and the HTTP fetch
 * with its deadlines.
 */
final class KeySetCache implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(KeySetCache.class);

	/** Longest time requests fail fast after a failed fetch with no keys to fall back on. */
	static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(10);

	/** Longest time before the TTL ends that the background refresh starts. */
	static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(30);

	/**
	 * How much longer than a fetch may take a waiting request gives it to hand its keys over,
	 * so that a fetch ending on its deadline is not cut short; a fetch never takes longer.
	 */
	private static final long HANDOVER_MILLIS = 1000;

	private final JWKSetSource<SecurityContext> source;

	private final KeySetRetriever retriever;

	private final FetchRecorder recorder;

	private final long ttlMillis;

	private final long refreshAheadMillis;

	private final long fetchLimitMillis;

	private final Duration failureBackoff;

	private final KeyFetchBulkhead bulkhead;

	private final ScheduledExecutorService background;

	private final Clock clock;

	private volatile Cached cached;

	/** The fetch in progress, if any; written under this object's lock. */
	private volatile CompletableFuture<VerificationKeySet> fetching;

	private ScheduledFuture<?> nextRefresh;

	private boolean closed;

	private KeySetCache(JWKSetSource<SecurityContext> source, KeySetRetriever retriever, FetchRecorder recorder,
			JwksSettings settings, Duration failureBackoff, KeyFetchBulkhead bulkhead,
			ScheduledExecutorService background, Clock clock) {
		this.source = source;
		this.retriever = retriever;
		this.recorder = recorder;
		this.ttlMillis = settings.cacheTtl().toMillis();
		this.refreshAheadMillis = refreshAhead(settings.cacheTtl()).toMillis();
		this.fetchLimitMillis = settings.keyWaitLimit().toMillis();
		this.failureBackoff = failureBackoff;
		this.bulkhead = bulkhead;
		this.background = background;
		this.clock = clock;
	}

	/**
	 * Creates the cache for the key set of {@code issuer}. Nothing is fetched until keys are
	 * first asked for, or {@link #warmUp()} is called.
	 */
	static KeySetCache create(String issuer, JwksSettings settings, VerificationKeys verificationKeys,
			ObservationRegistry observations, Clock clock, KeyFetchBulkhead bulkhead) {
		return create(issuer, settings, verificationKeys, observations, clock, bulkhead, backgroundExecutor());
	}

	/** As {@link #create}, with the executor that runs the fetches and schedules the refreshes. */
	static KeySetCache create(String issuer, JwksSettings settings, VerificationKeys verificationKeys,
			ObservationRegistry observations, Clock clock, KeyFetchBulkhead bulkhead,
			ScheduledExecutorService background) {
		if (settings.cacheTtl().compareTo(settings.keyWaitLimit()) <= 0) {
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
		source = new OutageTolerance(recorder, location,
				settings.cacheTtl().plus(settings.outageTolerance()).toMillis());
		Duration backoff = min(settings.refreshCooldown(), MAX_FAILURE_BACKOFF);
		source = new FailFastJWKSetSource(source, backoff);
		return new KeySetCache(source, retriever, recorder, settings, backoff, bulkhead, background, clock);
	}

	/** How long before the TTL ends a key set is refreshed: a tenth of the TTL, at most 30 s. */
	static Duration refreshAhead(Duration ttl) {
		return min(ttl.dividedBy(10), MAX_REFRESH_AHEAD);
	}

	private static ScheduledExecutorService backgroundExecutor() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("zuplo-jwks-refresh-");
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * The set that serves at {@code now} without anyone waiting or any fetch being started:
	 * a fresh one, or the one a fetch in progress is replacing; {@code null} if there is none.
	 */
	VerificationKeySet cachedAt(long now) {
		Cached current = this.cached;
		if (current == null) {
			return null;
		}
		if (isFresh(current, now) || (this.fetching != null && mayBridge(current, now))) {
			return current.keys();
		}
		return null;
	}

	/**
	 * The current key set: cached (refreshed in the background if it is past its TTL), or
	 * fetched, the caller waiting for the fetch if the bulkhead lets it.
	 */
	VerificationKeySet get(long now) throws KeySetUnavailableException {
		Cached current = this.cached;
		if (current != null && isFresh(current, now)) {
			return current.keys();
		}
		CompletableFuture<VerificationKeySet> fetch = startFetch();
		if (current != null && mayBridge(current, now)) {
			return current.keys();
		}
		return await(fetch);
	}

	/** A newer key set than {@code seen}: fetched now, unless another caller just did. */
	VerificationKeySet refresh(VerificationKeySet seen, long now) throws KeySetUnavailableException {
		Cached current = this.cached;
		if (current == null || current.keys() != seen) {
			return get(now);
		}
		return await(startFetch());
	}

	private boolean isFresh(Cached current, long now) {
		return now - current.fetchedAt() < this.ttlMillis;
	}

	/** Whether a set past its TTL may still serve while it is being refreshed. */
	private boolean mayBridge(Cached current, long now) {
		return now - current.fetchedAt() < this.ttlMillis + this.fetchLimitMillis;
	}

	/** The fetch in progress, or a new one. */
	private synchronized CompletableFuture<VerificationKeySet> startFetch() {
		CompletableFuture<VerificationKeySet> fetch = this.fetching;
		if (fetch != null) {
			return fetch;
		}
		CompletableFuture<VerificationKeySet> started = new CompletableFuture<>();
		if (this.closed) {
			started.completeExceptionally(new KeySetUnavailableException("the key set cache is closed",
					this.failureBackoff));
			return started;
		}
		this.fetching = started;
		try {
			this.background.execute(() -> fetch(started));
		}
		catch (RejectedExecutionException ex) {
			this.fetching = null;
			started.completeExceptionally(new KeySetUnavailableException("the key set cache is closed",
					this.failureBackoff));
		}
		return started;
	}

	private void fetch(CompletableFuture<VerificationKeySet> fetch) {
		long now = this.clock.millis();
		try {
			VerificationKeySet keys = load(now);
			synchronized (this) {
				this.cached = new Cached(keys, now);
				this.fetching = null;
				scheduleRefresh(now);
			}
			fetch.complete(keys);
		}
		catch (KeySetUnavailableException | RuntimeException ex) {
			KeySetUnavailableException unavailable = (ex instanceof KeySetUnavailableException known) ? known
					: new KeySetUnavailableException("the key set could not be fetched: " + ex,
							this.failureBackoff);
			synchronized (this) {
				Cached current = this.cached;
				if (current != null && !isFresh(current, this.clock.millis())) {
					this.cached = null;
				}
				this.fetching = null;
			}
			fetch.completeExceptionally(unavailable);
		}
	}

	/** Schedules the next background refresh, once per TTL after the fetch at {@code fetchedAt}. */
	private void scheduleRefresh(long fetchedAt) {
		if (this.closed) {
			return;
		}
		if (this.nextRefresh != null) {
			this.nextRefresh.cancel(false);
		}
		long delay = fetchedAt + this.ttlMillis - this.refreshAheadMillis - this.clock.millis();
		try {
			this.nextRefresh = this.background.schedule(this::refreshInBackground, Math.max(0, delay),
					TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			this.nextRefresh = null;
		}
	}

	private void refreshInBackground() {
		startFetch();
	}

	private VerificationKeySet load(long now) throws KeySetUnavailableException {
		JWKSet set;
		try {
			set = this.source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), now, null);
		}
		catch (KeySetUnavailableException ex) {
			throw ex;
		}
		catch (KeySourceException ex) {
			throw new KeySetUnavailableException(ex.getMessage(), this.failureBackoff);
		}
		if (!(set instanceof VerificationKeySet keys)) {
			throw new IllegalStateException("the key set source returned an unconverted key set");
		}
		return keys;
	}

	/**
	 * Waits for a fetch, if the bulkhead lets the caller wait. The fetch ends by its own
	 * deadline; the wait is bounded anyway.
	 */
	private VerificationKeySet await(CompletableFuture<VerificationKeySet> fetch) throws KeySetUnavailableException {
		boolean waiting = !fetch.isDone();
		if (waiting && !this.bulkhead.tryEnter()) {
			throw new KeySetUnavailableException(
					"too many requests are waiting for signing keys already (zuplo.jwks.max-waiting-requests)",
					Duration.ofMillis(this.fetchLimitMillis));
		}
		try {
			return fetch.get(this.fetchLimitMillis + HANDOVER_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof KeySetUnavailableException unavailable) {
				throw unavailable;
			}
			throw new KeySetUnavailableException("the key set could not be fetched: " + ex.getCause(),
					this.failureBackoff);
		}
		catch (TimeoutException ex) {
			throw new KeySetUnavailableException("the key set fetch did not end in time", this.failureBackoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeySetUnavailableException("interrupted while waiting for signing keys", this.failureBackoff);
		}
		finally {
			if (waiting) {
				this.bulkhead.leave();
			}
		}
	}

	/**
	 * Fetches the key set in the background if nothing is cached yet, so that the first
	 * request does not wait for it. Failures are logged, never thrown.
	 */
	void warmUp() {
		if (this.cached != null) {
			return;
		}
		startFetch().whenComplete((keys, ex) -> {
			if (ex != null) {
				logger.warn("Key set warm-up failed; keys will be fetched on the first request: " + ex.getMessage());
			}
		});
	}

	KeySetState state() {
		return this.recorder.state();
	}

	@Override
	public void close() throws IOException {
		synchronized (this) {
			this.closed = true;
			if (this.nextRefresh != null) {
				this.nextRefresh.cancel(false);
			}
		}
		this.background.shutdownNow();
		this.retriever.close();
		this.source.close();
	}

	/** A fetched key set and when it was fetched. */
	private record Cached(VerificationKeySet keys, long fetchedAt) {
	}

}
