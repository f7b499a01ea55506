package io.github.zuplojwt.internal.jwks;

import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;

/**
 * No usable key set can be had from the issuer right now, and when to try again.
 */
public final class KeySetUnavailableException extends JWKSetUnavailableException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	KeySetUnavailableException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long until the next fetch is attempted.
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
