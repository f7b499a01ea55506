package io.github.zuplojwt.web;

import java.io.IOException;

import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers requests that could not be authenticated: 401 when the token is missing or
 * invalid, 400 when the request carries tokens ambiguously, 503 with {@code Retry-After}
 * when the issuer's signing keys cannot be obtained. Every answer has a problem+json body
 * whose {@code detail} gives the reason (for a missing token: where to send one); none echoes
 * the token.
 */
public final class ZuploAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final String missingToken;

	/** Tells clients without a token to send it as {@code Authorization: Bearer <token>}. */
	public ZuploAuthenticationEntryPoint() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Tells clients without a token to send it where the given settings look for it. */
	public ZuploAuthenticationEntryPoint(BearerTokenSettings bearer) {
		this.missingToken = missingToken(bearer);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		SigningKeysUnavailableException unavailable = findCause(exception, SigningKeysUnavailableException.class);
		if (unavailable != null) {
			long seconds = Math.max(1, unavailable.getRetryAfter().toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, null, unavailable.getMessage());
			return;
		}
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			HttpStatus status = BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())
					? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED;
			String detail = (error.getDescription() != null) ? error.getDescription() : "bearer token is not valid";
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					ProblemResponses.bearerChallenge(error.getErrorCode(), detail));
			ProblemResponses.write(request, response, status, error.getErrorCode(), detail);
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.bearerChallenge(null, null));
		ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, null, this.missingToken);
	}

	private static String missingToken(BearerTokenSettings bearer) {
		String header = bearer.headerName();
		String prefix = bearer.tokenPrefix();
		StringBuilder detail = new StringBuilder("a bearer token is required: send it ");
		if (prefix.isEmpty()) {
			detail.append("as the whole value of the ").append(header).append(" header");
		}
		else {
			detail.append("in the ").append(header).append(" header");
			if (!BearerTokenSettings.DEFAULTS.tokenPrefix().equalsIgnoreCase(prefix)) {
				detail.append(" after the prefix ").append(prefix);
			}
		}
		if (bearer.formParameter()) {
			detail.append(", or in the ").append(ZuploBearerTokenResolver.ACCESS_TOKEN)
				.append(" field of a form-encoded body");
		}
		return detail.toString();
	}

	private static <T extends Throwable> T findCause(Throwable exception, Class<T> type) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
