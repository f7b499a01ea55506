package io.github.zuplojwt.decoder;

/**
 * How the verified-token cache is doing.
 *
 * @param hits tokens answered from the cache
 * @param misses tokens that had to be verified in full (or that the cache could no longer
 * vouch for)
 * @param entries tokens cached now
 * @param estimatedBytes estimated memory of the cached tokens
 */
public record TokenCacheStatistics(long hits, long misses, int entries, long estimatedBytes) {

	/** The statistics of a decoder without a cache. */
	public static final TokenCacheStatistics NONE = new TokenCacheStatistics(0, 0, 0, 0);

}
