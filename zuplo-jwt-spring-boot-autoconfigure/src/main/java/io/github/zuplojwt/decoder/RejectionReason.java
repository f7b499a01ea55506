package io.github.zuplojwt.decoder;

/**
 * Why a token was rejected, as a fixed, low-cardinality code fit for metrics and logs. The
 * plain-language message of the {@link InvalidTokenException} says the same for people.
 */
public enum RejectionReason {

	/** Larger than {@code zuplo.max-token-size}. */
	TOO_LARGE("too_large"),

	/** Not a signed JWT in canonical compact serialization. */
	MALFORMED("malformed"),

	/** Its algorithm is not in {@code zuplo.algorithms}. */
	ALGORITHM("algorithm"),

	/** A header the starter refuses: {@code typ}, {@code crit}, {@code b64}, embedded keys. */
	HEADER("header"),

	/** Registered claims of the wrong type, or times that are not real times. */
	CLAIMS("claims"),

	/** No issuer, or one that is not trusted. */
	ISSUER("issuer"),

	/**
	 * No published key fits it: none with its {@code kid} and algorithm, or, without a
	 * {@code kid}, none for its algorithm; or more keys fit than are ever tried.
	 */
	UNKNOWN_KEY("unknown_key"),

	/** The signature does not verify. */
	SIGNATURE("signature"),

	/** No {@code exp}. */
	NO_EXPIRY("no_expiry"),

	/** {@code exp} has passed. */
	EXPIRED("expired"),

	/** {@code nbf} is in the future. */
	NOT_YET_VALID("not_yet_valid"),

	/** {@code iat} is in the future. */
	ISSUED_IN_FUTURE("issued_in_future"),

	/** {@code exp} lies too far ahead, or not after {@code iat}. */
	LIFETIME("lifetime"),

	/** {@code aud} is missing or contains no accepted audience. */
	AUDIENCE("audience"),

	/** A required claim is missing or has a value that is not accepted. */
	REQUIRED_CLAIM("required_claim"),

	/** One of the application's own {@code OAuth2TokenValidator<Jwt>} beans refused it. */
	VALIDATOR("validator"),

	/** The issuer's signing keys could not be obtained, so it could not be judged. */
	KEYS_UNAVAILABLE("keys_unavailable"),

	/** An unexpected error while judging it; it was rejected to fail closed. */
	ERROR("error");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	/** The code, such as {@code expired}: lower case, stable across releases. */
	public String code() {
		return this.code;
	}

}
