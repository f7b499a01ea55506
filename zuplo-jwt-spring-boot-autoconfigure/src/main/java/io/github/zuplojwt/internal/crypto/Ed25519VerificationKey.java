package io.github.zuplojwt.internal.crypto;

import java.security.PublicKey;
import java.util.Arrays;

import io.github.zuplojwt.crypto.Ed25519Backend;

/**
 * An Ed25519 public key taken from a JWK ({@code kty: OKP}, {@code crv: Ed25519}), decoded
 * once by the {@link Ed25519Backend} and kept ready to verify signatures.
 */
final class Ed25519VerificationKey implements PublicKey {

	private static final long serialVersionUID = 1L;

	/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows. */
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	private final byte[] raw;

	private final transient Ed25519Backend.PublicKey decoded;

	Ed25519VerificationKey(byte[] raw, Ed25519Backend backend) {
		this.raw = raw.clone();
		this.decoded = backend.decode(this.raw);
	}

	boolean verify(byte[] message, byte[] signature) {
		return this.decoded.verify(message, signature);
	}

	@Override
	public String getAlgorithm() {
		return "Ed25519";
	}

	@Override
	public String getFormat() {
		return "X.509";
	}

	@Override
	public byte[] getEncoded() {
		byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + this.raw.length);
		System.arraycopy(this.raw, 0, encoded, X509_PREFIX.length, this.raw.length);
		return encoded;
	}

}
