package io.github.zuplojwt.internal.decoder;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.internal.crypto.VerificationKey;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature verified, so that a token the gateway sends again (Zuplo reuses its
 * tokens across requests) is not parsed and signature-checked again. Keyed by the whole token
 * (two tokens never share an entry) and bounded by entries and by an estimate of their bytes;
 * the oldest entries go first. Only verified tokens enter, so a flood of bad tokens neither
 * evicts good ones nor grows it. Whoever reads an entry still checks the times, the claims
 * and that the key that verified it is still published.
 * <p>
 * While there is room, every verified token enters. Once the cache is full, a token enters
 * only when it verifies a second time, evicting the oldest entry: when every request brings
 * a token never seen before, caching each of them would only churn the cache and the heap,
 * and a token the gateway reuses still gets in on its second request.
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

	/**
	 * A fingerprint (the hash) of tokens that verified while the cache was full, one per
	 * slot. Two tokens that share a slot only let one in a request early or late; nothing is
	 * ever served from here.
	 */
	private final AtomicIntegerArray seenOnce;

	VerifiedTokenCache(int maxEntries, long maxBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
		this.seenOnce = new AtomicIntegerArray(Integer.highestOneBit(Math.max(maxEntries, 512) - 1) << 1);
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
		if (entry.bytes() > this.maxBytes || (isFull(entry) && !seenBefore(token))
				|| this.entries.putIfAbsent(token, entry) != null) {
			return;
		}
		this.bytes.addAndGet(entry.bytes());
		this.insertionOrder.add(token);
		this.queued.incrementAndGet();
		evictBeyondBounds();
	}

	private boolean isFull(Entry entry) {
		return this.entries.size() >= this.maxEntries || this.bytes.get() + entry.bytes() > this.maxBytes;
	}

	/** Whether the token verified before while the cache was full; remembers it if not. */
	private boolean seenBefore(String token) {
		int fingerprint = token.hashCode() | 1;
		int slot = (fingerprint ^ (fingerprint >>> 16)) & (this.seenOnce.length() - 1);
		if (this.seenOnce.get(slot) == fingerprint) {
			this.seenOnce.set(slot, 0);
			return true;
		}
		this.seenOnce.set(slot, fingerprint);
		return false;
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
