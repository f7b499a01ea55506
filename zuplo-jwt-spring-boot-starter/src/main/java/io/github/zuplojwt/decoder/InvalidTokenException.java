package io.github.zuplojwt.decoder;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token was rejected; the message says why in plain words, fit to show the caller. It
 * never contains the token or key material.
 */
public class InvalidTokenException extends BadJwtException {

	private static final long serialVersionUID = 1L;

	public InvalidTokenException(String reason) {
		super(reason);
	}

}
