package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.internal.web.ProblemResponses;
import io.github.zuplojwt.web.BearerTokenSettings;
import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers requests that could not be authenticated, as the servlet
 * {@code ZuploAuthenticationEntryPoint} does: 401 when the token is missing or invalid, 400
 * when the request carries tokens ambiguously, 503 with {@code Retry-After} when the
 * issuer's signing keys cannot be obtained, each with a problem+json body whose
 * {@code detail} gives the reason; none echoes the token.
 */
public final class ZuploServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemResponses problems;

	/** Tells clients without a token to send it as {@code Authorization: Bearer <token>}. */
	public ZuploServerAuthenticationEntryPoint() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Tells clients without a token to send it where the given settings look for it. */
	public ZuploServerAuthenticationEntryPoint(BearerTokenSettings bearer) {
		this.problems = new ProblemResponses(bearer);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
		return ReactiveProblemWriter.write(this.problems.authenticationFailed(exception), exchange);
	}

}
