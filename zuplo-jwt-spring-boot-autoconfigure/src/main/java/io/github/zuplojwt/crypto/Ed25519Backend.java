package io.github.zuplojwt.crypto;

/**
 * The one place an Ed25519 (RFC 8032) implementation plugs in: it turns a raw public key
 * into a key that verifies signatures. EdDSA is Zuplo's default algorithm, so this sits on
 * the hot path of every request.
 */
@FunctionalInterface
public interface Ed25519Backend {

	/**
	 * Decodes and validates a raw 32-byte Ed25519 public key.
	 * @param rawPublicKey the key as it appears, base64url-decoded, in a JWK's {@code x}
	 * @return a key ready to verify signatures
	 * @throws IllegalArgumentException if the bytes are not a valid Ed25519 public key
	 */
	PublicKey decode(byte[] rawPublicKey);

	/**
	 * A decoded Ed25519 public key.
	 */
	@FunctionalInterface
	interface PublicKey {

		/**
		 * Whether {@code signature} is a valid, canonical Ed25519 signature of
		 * {@code message} by this key.
		 */
		boolean verify(byte[] message, byte[] signature);

	}

}
