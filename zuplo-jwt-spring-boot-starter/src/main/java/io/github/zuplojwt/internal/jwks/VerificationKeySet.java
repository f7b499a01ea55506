package io.github.zuplojwt.internal.jwks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.zuplojwt.internal.crypto.VerificationKey;

/**
 * A fetched key set whose usable keys were converted once, when it was fetched, and indexed
 * by {@code kid}. It travels through Nimbus's caching layers as an ordinary {@link JWKSet},
 * so a cached set never needs converting again.
 */
final class VerificationKeySet extends JWKSet {

	private static final long serialVersionUID = 1L;

	private final transient Map<String, List<VerificationKey>> byKeyId;

	private final int size;

	VerificationKeySet(List<JWK> jwks, List<VerificationKey> keys) {
		super(jwks);
		Map<String, List<VerificationKey>> index = new HashMap<>();
		for (VerificationKey key : keys) {
			if (key.keyId() != null) {
				index.computeIfAbsent(key.keyId(), (kid) -> new ArrayList<>(1)).add(key);
			}
		}
		index.replaceAll((kid, list) -> List.copyOf(list));
		this.byKeyId = Map.copyOf(index);
		this.size = keys.size();
	}

	/**
	 * The keys that may verify a token with this header: same {@code kid}, and fit for its
	 * algorithm; keys that share a {@code kid} are all returned, in published order. A header
	 * without a {@code kid} matches no key, even in a set of one.
	 */
	List<VerificationKey> keysFor(JWSHeader header) {
		String kid = header.getKeyID();
		List<VerificationKey> candidates = (kid != null) ? this.byKeyId.get(kid) : null;
		if (candidates == null) {
			return List.of();
		}
		List<VerificationKey> keys = new ArrayList<>(candidates.size());
		for (VerificationKey candidate : candidates) {
			if (candidate.accepts(header.getAlgorithm())) {
				keys.add(candidate);
			}
		}
		return keys;
	}

	/** Whether this very key (not merely an equal one) is in the set. */
	boolean contains(VerificationKey key) {
		List<VerificationKey> candidates = (key.keyId() != null) ? this.byKeyId.get(key.keyId()) : null;
		if (candidates != null) {
			for (VerificationKey candidate : candidates) {
				if (candidate == key) {
					return true;
				}
			}
		}
		return false;
	}

	/** How many usable keys the set holds. */
	int usableKeys() {
		return this.size;
	}

}
