package io.github.zuplojwt.internal.decoder;

/**
 * How many verified tokens to keep, at most, and in how much memory.
 *
 * @param maxEntries most tokens cached; 0 turns the cache off
 * @param maxBytes most memory the cached tokens may take, estimated as twice a token's length
 * plus 1 KB of parsed claims per entry
 */
public record TokenCacheSettings(int maxEntries, long maxBytes) {

	/** No cache: every token is verified in full. */
	public static final TokenCacheSettings DISABLED = new TokenCacheSettings(0, 0);

	/** The defaults: 10,000 tokens in at most 16 MB. */
	public static final TokenCacheSettings DEFAULTS = new TokenCacheSettings(10_000, 16L * 1024 * 1024);

	/** Whether tokens are cached at all. */
	public boolean enabled() {
		return this.maxEntries > 0 && this.maxBytes > 0;
	}

}
