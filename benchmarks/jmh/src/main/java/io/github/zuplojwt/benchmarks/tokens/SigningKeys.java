package io.github.zuplojwt.benchmarks.tokens;

import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A fresh key pair for each {@link TokenAlgorithm} (RSA 2048, P-256, Ed25519), generated in
 * memory, and the public JWKS that publishes them.
 */
public final class SigningKeys {

	private final RSAKey rsa;

	private final ECKey ec;

	private final Ed25519PrivateKeyParameters ed25519;

	private SigningKeys(RSAKey rsa, ECKey ec, Ed25519PrivateKeyParameters ed25519) {
		this.rsa = rsa;
		this.ec = ec;
		this.ed25519 = ed25519;
	}

	/** Generates new keys. */
	public static SigningKeys generate() {
		try {
			RSAKey rsa = new RSAKeyGenerator(2048).keyID(TokenAlgorithm.RS256.keyId())
				.keyUse(KeyUse.SIGNATURE)
				.generate();
			ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(TokenAlgorithm.ES256.keyId())
				.keyUse(KeyUse.SIGNATURE)
				.generate();
			return new SigningKeys(rsa, ec, new Ed25519PrivateKeyParameters(new SecureRandom()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not generate the benchmark keys", ex);
		}
	}

	/** The JWKS document with the three public keys. */
	public String publicJwks() {
		JWK okp = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed25519PublicKey()))
			.keyID(TokenAlgorithm.EdDSA.keyId())
			.keyUse(KeyUse.SIGNATURE)
			.build();
		return new JWKSet(List.of(this.rsa.toPublicJWK(), this.ec.toPublicJWK(), okp)).toString();
	}

	RSAKey rsa() {
		return this.rsa;
	}

	ECKey ec() {
		return this.ec;
	}

	Ed25519PrivateKeyParameters ed25519() {
		return this.ed25519;
	}

	/** The RSA public key, for a bare signature check. */
	public RSAPublicKey rsaPublicKey() {
		try {
			return this.rsa.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The P-256 public key, for a bare signature check. */
	public ECPublicKey ecPublicKey() {
		try {
			return this.ec.toECPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The raw 32-byte Ed25519 public key (RFC 8032 encoding). */
	public byte[] ed25519PublicKey() {
		return this.ed25519.generatePublicKey().getEncoded();
	}

}
