package io.github.zuplojwt.actuate;

import java.util.function.ToDoubleFunction;

import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters read from the decoder's state when a registry asks, so they cost nothing per
 * request: the usable keys cached per trusted issuer, and the verified-token cache's hits,
 * misses, entries and estimated memory.
 * <ul>
 * <li>{@value #KEYS} (gauge, tag {@code zuplo.issuer}): keys in the issuer's last key set
 * fetched successfully, 0 before the first.</li>
 * <li>{@value #CACHE_GETS} (function counter, tag {@code result} = {@code hit} or
 * {@code miss}): tokens answered from the verified-token cache, and tokens verified in
 * full.</li>
 * <li>{@value #CACHE_ENTRIES} (gauge): tokens in the cache now.</li>
 * <li>{@value #CACHE_MEMORY} (gauge, bytes): their estimated memory.</li>
 * </ul>
 */
public final class ZuploJwtMetrics implements MeterBinder {

	/** Name of the gauge of usable keys cached per issuer. */
	public static final String KEYS = "zuplo.jwks.keys";

	/** Name of the counter of verified-token cache lookups. */
	public static final String CACHE_GETS = "zuplo.token.cache.gets";

	/** Name of the gauge of tokens in the verified-token cache. */
	public static final String CACHE_ENTRIES = "zuplo.token.cache.entries";

	/** Name of the gauge of the verified-token cache's estimated memory. */
	public static final String CACHE_MEMORY = "zuplo.token.cache.memory";

	private final ZuploJwtDecoder decoder;

	public ZuploJwtMetrics(ZuploJwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (KeySetState keySet : this.decoder.keySets()) {
			String issuer = keySet.issuer();
			Gauge.builder(KEYS, this.decoder, (decoder) -> keys(decoder, issuer))
				.description("Usable signing keys in the issuer's last key set fetched successfully")
				.tag("zuplo.issuer", issuer)
				.register(registry);
		}
		cacheCounter(registry, "hit", TokenCacheStatistics::hits);
		cacheCounter(registry, "miss", TokenCacheStatistics::misses);
		Gauge.builder(CACHE_ENTRIES, this.decoder, (decoder) -> decoder.tokenCacheStatistics().entries())
			.description("Verified tokens cached")
			.register(registry);
		Gauge.builder(CACHE_MEMORY, this.decoder, (decoder) -> decoder.tokenCacheStatistics().estimatedBytes())
			.description("Estimated memory of the verified tokens cached")
			.baseUnit("bytes")
			.register(registry);
	}

	private void cacheCounter(MeterRegistry registry, String result, ToDoubleFunction<TokenCacheStatistics> count) {
		FunctionCounter.builder(CACHE_GETS, this.decoder, (decoder) -> count.applyAsDouble(decoder.tokenCacheStatistics()))
			.description("Verified-token cache lookups: hits were answered from the cache, misses verified in full")
			.tag("result", result)
			.register(registry);
	}

	private static double keys(ZuploJwtDecoder decoder, String issuer) {
		for (KeySetState keySet : decoder.keySets()) {
			if (keySet.issuer().equals(issuer)) {
				return keySet.keys();
			}
		}
		return Double.NaN;
	}

}
