package io.github.zuplojwt.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * A freshly generated signing key for tests: its public JWK (as a gateway publishes it) and
 * a signer. Ed25519 signing uses the JDK, so that tokens are produced by a different
 * implementation from the one that verifies them.
 */
public final class TestKey {

	private final String kid;

	private final JWSAlgorithm algorithm;

	private final JWK publicJwk;

	private final JWSSigner signer;

	private TestKey(String kid, JWSAlgorithm algorithm, JWK publicJwk, JWSSigner signer) {
		this.kid = kid;
		this.algorithm = algorithm;
		this.publicJwk = publicJwk;
		this.signer = signer;
	}

	public static TestKey ed25519(String kid) {
		KeyPair pair = generate("Ed25519", null);
		byte[] spki = pair.getPublic().getEncoded();
		byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
		JWK jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.EdDSA)
			.build();
		return new TestKey(kid, JWSAlgorithm.EdDSA, jwk, new JdkEd25519Signer(pair.getPrivate()));
	}

	public static TestKey rsa(String kid) {
		return rsa(kid, 2048, JWSAlgorithm.RS256);
	}

	public static TestKey rsa(String kid, int bits, JWSAlgorithm algorithm) {
		KeyPair pair = generate("RSA", bits);
		JWK jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(algorithm)
			.build();
		RSASSASigner signer = new RSASSASigner((RSAPrivateKey) pair.getPrivate(), true);
		return new TestKey(kid, algorithm, jwk, signer);
	}

	public static TestKey ec(String kid) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			JWK jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.build();
			return new TestKey(kid, JWSAlgorithm.ES256, jwk, new ECDSASigner((ECPrivateKey) pair.getPrivate()));
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate(String algorithm, Integer bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (bits != null) {
				generator.initialize(bits);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String kid() {
		return this.kid;
	}

	public JWSAlgorithm algorithm() {
		return this.algorithm;
	}

	public JWK publicJwk() {
		return this.publicJwk;
	}

	public JWSSigner signer() {
		return this.signer;
	}

	/** Starts a token signed by this key, with valid Zuplo-like defaults. */
	public TokenBuilder token() {
		return new TokenBuilder(this);
	}

	/** Signs Ed25519 with the JDK's own implementation. */
	private static final class JdkEd25519Signer implements JWSSigner {

		private final PrivateKey privateKey;

		private final JCAContext jcaContext = new JCAContext();

		JdkEd25519Signer(PrivateKey privateKey) {
			this.privateKey = privateKey;
		}

		@Override
		public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(this.privateKey);
				signature.update(signingInput);
				return Base64URL.encode(signature.sign());
			}
			catch (GeneralSecurityException ex) {
				throw new JOSEException(ex.getMessage(), ex);
			}
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.EdDSA);
		}

		@Override
		public JCAContext getJCAContext() {
			return this.jcaContext;
		}

	}

}
