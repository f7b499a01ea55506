package io.github.zuplojwt.internal.web;

import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.web.BearerTokenSettings;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Which response answers a request that failed authentication or authorization, for both
 * web stacks: 401 when the token is missing or invalid, 400 when the request carries tokens
 * ambiguously, 503 with {@code Retry-After} when the issuer's signing keys cannot be
 * obtained, 403 when a valid token lacks an authority, and 400 when Spring Security's
 * firewall refuses the request. Every answer's {@code detail} gives the reason (for a missing
 * token: where to send one); none echoes the token.
 * <p>
 * Internal: shared by the servlet and reactive adapters, not meant to be used directly.
 */
public final class ProblemResponses {

	static final String DENIED = "the token is valid but does not grant the authority this resource requires";

	static final String REJECTED = "the request was refused: its method, URL or headers contain characters or"
			+ " sequences that are not allowed";

	private static final ProblemResponse ACCESS_DENIED = new ProblemResponse(HttpStatus.FORBIDDEN,
			BearerTokenErrorCodes.INSUFFICIENT_SCOPE, DENIED, true, null);

	private static final ProblemResponse REQUEST_REJECTED = new ProblemResponse(HttpStatus.BAD_REQUEST, null,
			REJECTED, false, null);

	private final ProblemResponse missingToken;

	/** Tells clients without a token to send it where the given settings look for it. */
	public ProblemResponses(BearerTokenSettings bearer) {
		this.missingToken = new ProblemResponse(HttpStatus.UNAUTHORIZED, null, missingToken(bearer), true, null);
	}

	/** The answer to a request that could not be authenticated. */
	public ProblemResponse authenticationFailed(AuthenticationException exception) {
		SigningKeysUnavailableException unavailable = findCause(exception, SigningKeysUnavailableException.class);
		if (unavailable != null) {
			return new ProblemResponse(HttpStatus.SERVICE_UNAVAILABLE, null, unavailable.getMessage(), false,
					unavailable.getRetryAfter());
		}
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			HttpStatus status = BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())
					? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED;
			String detail = (error.getDescription() != null) ? error.getDescription() : "bearer token is not valid";
			return new ProblemResponse(status, error.getErrorCode(), detail, true, null);
		}
		return this.missingToken;
	}

	/** The answer to a valid token that lacks the authority a resource requires. */
	public static ProblemResponse accessDenied() {
		return ACCESS_DENIED;
	}

	/**
	 * The answer to a request Spring Security's firewall refuses. Which value was refused is
	 * never said: it may be a header that holds a token.
	 */
	public static ProblemResponse requestRejected() {
		return REQUEST_REJECTED;
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
			detail.append(", or in the ").append(BearerTokenExtractor.ACCESS_TOKEN)
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
