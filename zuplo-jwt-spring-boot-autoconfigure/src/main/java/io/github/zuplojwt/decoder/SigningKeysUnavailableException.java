package io.github.zuplojwt.decoder;

import java.time.Duration;

/**
 * The issuer's signing keys could not be obtained (the key set endpoint is failing and
 * nothing usable is cached), so the token could be neither accepted nor judged.
 * <p>
 * It is a bad-token exception so that Spring Security fails closed with 401 even where the
 * starter's entry point is not installed; the starter's entry point answers 503 with
 * {@code Retry-After}.
 */
public class SigningKeysUnavailableException extends InvalidTokenException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public SigningKeysUnavailableException(String message, Duration retryAfter) {
		this(message, retryAfter, null);
	}

	public SigningKeysUnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(RejectionReason.KEYS_UNAVAILABLE, message);
		this.retryAfter = retryAfter;
		if (cause != null) {
			initCause(cause);
		}
	}

	/**
	 * How long a client should wait before trying again.
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
