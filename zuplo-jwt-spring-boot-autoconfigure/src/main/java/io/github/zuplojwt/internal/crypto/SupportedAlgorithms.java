package io.github.zuplojwt.internal.crypto;

import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The asymmetric JWS algorithms the starter can verify. HMAC and {@code none} are absent on
 * purpose: a gateway token signed with a shared secret is never accepted.
 */
public final class SupportedAlgorithms {

	/** Every algorithm the verifier supports. */
	public static final Set<JWSAlgorithm> ALL = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.RS256,
			JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
			JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	private SupportedAlgorithms() {
	}

	/**
	 * Looks up a supported algorithm by its exact JWS name.
	 * @return the algorithm, or {@code null} if the name is not a supported asymmetric
	 * algorithm
	 */
	public static JWSAlgorithm forName(String name) {
		for (JWSAlgorithm algorithm : ALL) {
			if (algorithm.getName().equals(name)) {
				return algorithm;
			}
		}
		return null;
	}

}
