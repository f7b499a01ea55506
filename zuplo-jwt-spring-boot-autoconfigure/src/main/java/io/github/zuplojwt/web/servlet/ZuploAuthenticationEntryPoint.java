package io.github.zuplojwt.web.servlet;

import java.io.IOException;

import io.github.zuplojwt.internal.web.ProblemResponses;
import io.github.zuplojwt.web.BearerTokenSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers requests that could not be authenticated: 401 when the token is missing or
 * invalid, 400 when the request carries tokens ambiguously, 503 with {@code Retry-After}
 * when the issuer's signing keys cannot be obtained. Every answer has a problem+json body
 * whose {@code detail} gives the reason (for a missing token: where to send one); none echoes
 * the token.
 */
public final class ZuploAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponses problems;

	/** Tells clients without a token to send it as {@code Authorization: Bearer <token>}. */
	public ZuploAuthenticationEntryPoint() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Tells clients without a token to send it where the given settings look for it. */
	public ZuploAuthenticationEntryPoint(BearerTokenSettings bearer) {
		this.problems = new ProblemResponses(bearer);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		ServletProblemWriter.write(this.problems.authenticationFailed(exception), request, response);
	}

}
