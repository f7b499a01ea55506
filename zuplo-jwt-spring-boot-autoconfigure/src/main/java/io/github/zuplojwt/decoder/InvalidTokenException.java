package io.github.zuplojwt.decoder;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token was rejected; the message says why in plain words, fit to show the caller, and the
 * {@link #getReason() reason} says it as a code. It never contains the token or key material.
 */
public class InvalidTokenException extends BadJwtException {

	private static final long serialVersionUID = 1L;

	private final RejectionReason reason;

	public InvalidTokenException(RejectionReason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** Why the token was rejected, as a code. */
	public RejectionReason getReason() {
		return this.reason;
	}

}
