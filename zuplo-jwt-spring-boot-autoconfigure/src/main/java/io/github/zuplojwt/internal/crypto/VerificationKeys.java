package io.github.zuplojwt.internal.crypto;

import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.zuplojwt.crypto.Ed25519Backend;

/**
 * Turns a published JWK into a {@link VerificationKey}, or explains why it cannot be trusted
 * to verify signatures: encryption keys (by {@code use} or {@code key_ops}), keys with private
 * material, RSA keys under 2048 bits, unsupported curves, symmetric keys, and keys whose
 * {@code alg} does not fit their type are refused. Ed25519 keys get the {@link Ed25519Backend};
 * RSA and EC keys get Nimbus's verifiers. Symmetric algorithms never get a verifier.
 */
public final class VerificationKeys {

	/** Smallest RSA modulus accepted, in bits. */
	public static final int MIN_RSA_BITS = 2048;

	private static final Map<JWSAlgorithm, Curve> EC_CURVES = Map.of(JWSAlgorithm.ES256, Curve.P_256,
			JWSAlgorithm.ES384, Curve.P_384, JWSAlgorithm.ES512, Curve.P_521);

	private static final Set<Curve> SUPPORTED_EC_CURVES = Set.copyOf(EC_CURVES.values());

	private final Ed25519Backend ed25519;

	public VerificationKeys(Ed25519Backend ed25519) {
		this.ed25519 = ed25519;
	}

	/**
	 * Converts a JWK into a key ready to verify signatures.
	 * @param jwk a key from the issuer's key set
	 * @return the key
	 * @throws UntrustedKeyException if the JWK is not fit to verify signatures
	 */
	public VerificationKey toVerificationKey(JWK jwk) throws UntrustedKeyException {
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			throw new UntrustedKeyException("its use is not \"sig\"");
		}
		if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
			throw new UntrustedKeyException("its key_ops do not include \"verify\"");
		}
		if (jwk.isPrivate()) {
			throw new UntrustedKeyException("it contains private key material");
		}
		Key key;
		JWSVerifier verifier;
		try {
			if (jwk instanceof RSAKey rsa) {
				RSAPublicKey publicKey = rsaKey(rsa);
				key = publicKey;
				verifier = new RSASSAVerifier(publicKey);
			}
			else if (jwk instanceof ECKey ec) {
				ECPublicKey publicKey = ecKey(ec);
				key = publicKey;
				verifier = new ECDSAVerifier(publicKey);
			}
			else if (jwk instanceof OctetKeyPair okp) {
				Ed25519VerificationKey publicKey = ed25519Key(okp);
				key = publicKey;
				verifier = new Ed25519JwsVerifier(publicKey);
			}
			else {
				throw new UntrustedKeyException(
						"its key type " + jwk.getKeyType() + " is not an asymmetric signing key");
			}
		}
		catch (JOSEException | IllegalArgumentException ex) {
			throw new UntrustedKeyException("it is not a valid public key");
		}
		JWSAlgorithm published = publishedAlgorithm(jwk.getAlgorithm());
		if (published != null && !fits(key, published)) {
			throw new UntrustedKeyException(
					"its alg " + published.getName().replaceAll("[^A-Za-z0-9]", "?") + " does not fit its key");
		}
		return new VerificationKey(jwk.getKeyID(), published, key, verifier);
	}

	/**
	 * Whether a key may be used with an algorithm: the key type must match the algorithm
	 * family, and an EC key's curve the algorithm's curve.
	 */
	static boolean fits(Key key, JWSAlgorithm algorithm) {
		if (key instanceof Ed25519VerificationKey) {
			return JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm);
		}
		if (key instanceof RSAPublicKey) {
			return JWSAlgorithm.Family.RSA.contains(algorithm);
		}
		if (key instanceof ECPublicKey ec) {
			Curve expected = EC_CURVES.get(algorithm);
			return expected != null && expected.equals(Curve.forECParameterSpec(ec.getParams()));
		}
		return false;
	}

	private static JWSAlgorithm publishedAlgorithm(Algorithm algorithm) {
		return (algorithm != null) ? JWSAlgorithm.parse(algorithm.getName()) : null;
	}

	private static RSAPublicKey rsaKey(RSAKey rsa) throws JOSEException, UntrustedKeyException {
		if (rsa.size() < MIN_RSA_BITS) {
			throw new UntrustedKeyException("its RSA modulus has " + rsa.size() + " bits, fewer than " + MIN_RSA_BITS);
		}
		return rsa.toRSAPublicKey();
	}

	private static ECPublicKey ecKey(ECKey ec) throws JOSEException, UntrustedKeyException {
		if (!SUPPORTED_EC_CURVES.contains(ec.getCurve())) {
			throw new UntrustedKeyException("its curve " + ec.getCurve() + " is not supported");
		}
		return ec.toECPublicKey();
	}

	private Ed25519VerificationKey ed25519Key(OctetKeyPair okp) throws UntrustedKeyException {
		if (!Curve.Ed25519.equals(okp.getCurve())) {
			throw new UntrustedKeyException("its curve " + okp.getCurve() + " is not supported");
		}
		return new Ed25519VerificationKey(okp.getDecodedX(), this.ed25519);
	}

	/**
	 * Thrown when a published key is not fit to verify signatures.
	 */
	public static final class UntrustedKeyException extends Exception {

		private static final long serialVersionUID = 1L;

		UntrustedKeyException(String reason) {
			super(reason);
		}

	}

}
