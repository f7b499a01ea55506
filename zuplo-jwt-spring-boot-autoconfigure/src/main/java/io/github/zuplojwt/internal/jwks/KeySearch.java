package io.github.zuplojwt.internal.jwks;

import io.github.zuplojwt.internal.crypto.VerificationKey;

/**
 * What the search for the key of one token found in an issuer's key set: the key that
 * verified its signature, or why there is none.
 *
 * @param outcome what was found
 * @param key the key that verified the signature, or {@code null} unless
 * {@link Outcome#VERIFIED}
 */
public record KeySearch(Outcome outcome, VerificationKey key) {

	static final KeySearch NO_MATCHING_KEY = new KeySearch(Outcome.NO_MATCHING_KEY, null);

	static final KeySearch TOO_MANY_KEYS = new KeySearch(Outcome.TOO_MANY_KEYS, null);

	static final KeySearch NOT_VERIFIED = new KeySearch(Outcome.NOT_VERIFIED, null);

	static KeySearch verifiedBy(VerificationKey key) {
		return new KeySearch(Outcome.VERIFIED, key);
	}

	/** What the search for a token's key found. */
	public enum Outcome {

		/** A published key verified the signature. */
		VERIFIED,

		/** No published key fits the token: none with its {@code kid}, or none for its algorithm. */
		NO_MATCHING_KEY,

		/**
		 * More published keys fit the token than are ever tried for one token
		 * ({@link SigningKeySelector#MAX_CANDIDATES}), so none was tried.
		 */
		TOO_MANY_KEYS,

		/** Keys fit the token, and none of them verified its signature. */
		NOT_VERIFIED

	}

	/** Checks a token's signature with one candidate key. */
	@FunctionalInterface
	public interface SignatureCheck {

		/** Whether {@code key} verifies the token's signature. */
		boolean verifies(VerificationKey key);

	}

}
