package io.github.zuplojwt.internal.jwks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
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

	private final transient List<VerificationKey> keys;

	private final transient Map<String, List<VerificationKey>> byKeyId;

	private final transient Set<VerificationKey> identities;

	VerificationKeySet(List<JWK> jwks, List<VerificationKey> keys) {
		super(jwks);
		Map<String, List<VerificationKey>> index = new HashMap<>();
		Set<VerificationKey> identities = Collections.newSetFromMap(new IdentityHashMap<>());
		for (VerificationKey key : keys) {
			identities.add(key);
			if (key.keyId() != null) {
				index.computeIfAbsent(key.keyId(), (kid) -> new ArrayList<>(1)).add(key);
			}
		}
		index.replaceAll((kid, list) -> List.copyOf(list));
		this.keys = List.copyOf(keys);
		this.byKeyId = Map.copyOf(index);
		this.identities = Collections.unmodifiableSet(identities);
	}

	/**
	 * Looks for the key that verifies a token with this header. The candidates are the keys
	 * fit for its algorithm (key type, curve, and the published {@code alg} if any): with a
	 * {@code kid}, those published under it; without one, all of them. They are tried in
	 * published order, and never more than {@code maxCandidates}: a set with more candidates
	 * tries none.
	 */
	KeySearch search(JWSHeader header, KeySearch.SignatureCheck check, int maxCandidates) {
		String kid = header.getKeyID();
		List<VerificationKey> published = (kid != null) ? this.byKeyId.getOrDefault(kid, List.of()) : this.keys;
		List<VerificationKey> candidates = fitFor(header.getAlgorithm(), published);
		if (candidates.isEmpty()) {
			return KeySearch.NO_MATCHING_KEY;
		}
		if (candidates.size() > maxCandidates) {
			return KeySearch.TOO_MANY_KEYS;
		}
		for (VerificationKey candidate : candidates) {
			if (check.verifies(candidate)) {
				return KeySearch.verifiedBy(candidate);
			}
		}
		return KeySearch.NOT_VERIFIED;
	}

	private static List<VerificationKey> fitFor(JWSAlgorithm algorithm, List<VerificationKey> keys) {
		List<VerificationKey> fit = new ArrayList<>(Math.min(keys.size(), 4));
		for (VerificationKey key : keys) {
			if (key.accepts(algorithm)) {
				fit.add(key);
			}
		}
		return fit;
	}

	/** Whether this very key (not merely an equal one) is in the set. */
	boolean contains(VerificationKey key) {
		return this.identities.contains(key);
	}

	/** How many usable keys the set holds. */
	int usableKeys() {
		return this.keys.size();
	}

}
