package io.github.zuplojwt.decoder;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.zuplojwt.internal.crypto.VerificationKey;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature verified, so that a token the gateway sends again (Zuplo reuses its
 * tokens across requests) is not parsed and signature-checked again. Keyed by the whole token
 * (two tokens never share an entry) and bounded by entries and by an estimate of their bytes;
 * the oldest entries go first. Only verified tokens enter, so a flood of bad tokens neither
 * evicts good ones nor grows it. Whoever reads an entry still checks the times, the claims
 * and that the key that verified it is still published.
 */
final class VerifiedTokenCache {

	/** Rough memory of an entry beyond its token: the parsed claims and headers. */
	private static final int ENTRY_OVERHEAD_BYTES = 1024;

	private final int maxEntries;

	private final long maxBytes;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Queue<String> insertionOrder = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicLong bytes = new AtomicLong();

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	VerifiedTokenCache(int maxEntries, long maxBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	Entry get(String token) {
		return this.entries.get(token);
	}

	void hit() {
		this.hits.increment();
	}

	void miss() {
		this.misses.increment();
	}

	void put(String token, Entry entry) {
		if (entry.bytes() > this.maxBytes || this.entries.putIfAbsent(token, entry) != null) {
			return;
		}
		this.bytes.addAndGet(entry.bytes());
		this.insertionOrder.add(token);
		this.queued.incrementAndGet();
		evictBeyondBounds();
	}

	void remove(String token) {
		Entry removed = this.entries.remove(token);
		if (removed != null) {
			this.bytes.addAndGet(-removed.bytes());
		}
	}

	private void evictBeyondBounds() {
		while (this.entries.size() > this.maxEntries || this.bytes.get() > this.maxBytes
				|| this.queued.get() > 2 * this.maxEntries) {
			String oldest = this.insertionOrder.poll();
			if (oldest == null) {
				return;
			}
			this.queued.decrementAndGet();
			remove(oldest);
		}
	}

	TokenCacheStatistics statistics() {
		return new TokenCacheStatistics(this.hits.sum(), this.misses.sum(), this.entries.size(), this.bytes.get());
	}

	/**
	 * A verified token, the issuer that trusted it and the key that verified it.
	 */
	record Entry(Jwt jwt, IssuerVerifier verifier, VerificationKey key, long bytes) {

		Entry(Jwt jwt, IssuerVerifier verifier, VerificationKey key) {
			this(jwt, verifier, key, 2L * jwt.getTokenValue().length() + ENTRY_OVERHEAD_BYTES);
		}

	}

}
