package io.github.zuplojwt.benchmarks.tokens;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The JWS algorithms measured: EdDSA (Ed25519, Zuplo's default), RS256 (the Zuplo Identity
 * Token's) and ES256. The constant names are the JOSE names, so a JMH {@code @Param} value
 * maps onto them with {@link #valueOf(String)}.
 */
public enum TokenAlgorithm {

	EdDSA(JWSAlgorithm.EdDSA, "bench-ed25519"),

	RS256(JWSAlgorithm.RS256, "bench-rsa-2048"),

	ES256(JWSAlgorithm.ES256, "bench-p256");

	private final JWSAlgorithm jws;

	private final String keyId;

	TokenAlgorithm(JWSAlgorithm jws, String keyId) {
		this.jws = jws;
		this.keyId = keyId;
	}

	JWSAlgorithm jws() {
		return this.jws;
	}

	/** The {@code kid} of the key that signs this algorithm's tokens. */
	public String keyId() {
		return this.keyId;
	}

}
