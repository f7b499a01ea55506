package io.github.zuplojwt.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * One signing key of the test issuer, generated in memory: its public half as a JSON Web
 * Key, as Zuplo publishes it, and signatures made with the JDK's own {@code Ed25519} or
 * {@code SHA256withRSA}.
 */
final class IssuerKey {

	/** Zuplo's default algorithm for upstream tokens. */
	static final String EDDSA = "EdDSA";

	/** The algorithm of Zuplo Identity Tokens, and one Zuplo's upstream policy can be set to. */
	static final String RS256 = "RS256";

	private final String algorithm;

	private final String kid;

	private final KeyPair keyPair;

	private final Map<String, Object> publicJwk;

	private IssuerKey(String algorithm, String kid, KeyPair keyPair, Map<String, Object> publicJwk) {
		this.algorithm = algorithm;
		this.kid = kid;
		this.keyPair = keyPair;
		this.publicJwk = publicJwk;
	}

	/** A new key for the given algorithm ({@value #EDDSA} or {@value #RS256}). */
	static IssuerKey generate(String algorithm) {
		requireSupported(algorithm);
		return EDDSA.equals(algorithm) ? ed25519("zuplo-test-" + randomId()) : rsa("atky_" + randomId());
	}

	/** Refuses an algorithm the test issuer holds no key for. */
	static void requireSupported(String algorithm) {
		if (!EDDSA.equals(algorithm) && !RS256.equals(algorithm)) {
			throw new IllegalArgumentException(
					"The test issuer signs with " + EDDSA + " or " + RS256 + ", not " + algorithm + ".");
		}
	}

	private static IssuerKey ed25519(String kid) {
		KeyPair pair = generatePair("Ed25519", null);
		byte[] spki = pair.getPublic().getEncoded();
		// The SPKI encoding of an Ed25519 key ends with the 32 bytes of the key itself.
		byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
		OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.EdDSA)
			.build();
		return new IssuerKey(EDDSA, kid, pair, jwk.toJSONObject());
	}

	private static IssuerKey rsa(String kid) {
		KeyPair pair = generatePair("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
		return new IssuerKey(RS256, kid, pair, jwk.toJSONObject());
	}

	private static KeyPair generatePair(String algorithm, RSAKeyGenParameterSpec spec) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (spec != null) {
				generator.initialize(spec);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JVM cannot generate " + algorithm + " keys.", ex);
		}
	}

	private static String randomId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	String algorithm() {
		return this.algorithm;
	}

	String kid() {
		return this.kid;
	}

	/** The public key as a JSON Web Key: {@code kty}, {@code kid}, {@code use}, {@code alg} and the key. */
	Map<String, Object> publicJwk() {
		return this.publicJwk;
	}

	/** Signs a JWS signing input ({@code header.payload}). */
	byte[] sign(byte[] signingInput) {
		try {
			Signature signature = Signature.getInstance(EDDSA.equals(this.algorithm) ? "Ed25519" : "SHA256withRSA");
			signature.initSign(this.keyPair.getPrivate());
			signature.update(signingInput);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing with test key " + this.kid + " failed.", ex);
		}
	}

}
