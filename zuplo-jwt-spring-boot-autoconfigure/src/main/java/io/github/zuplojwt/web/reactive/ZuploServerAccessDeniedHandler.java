package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.internal.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 403 with a problem+json body when a valid token lacks the authority a resource
 * needs, with the RFC 6750 {@code insufficient_scope} challenge: the reactive counterpart of
 * the servlet {@code ZuploAccessDeniedHandler}, with the same response.
 */
public final class ZuploServerAccessDeniedHandler implements ServerAccessDeniedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return ReactiveProblemWriter.write(ProblemResponses.accessDenied(), exchange);
	}

}
