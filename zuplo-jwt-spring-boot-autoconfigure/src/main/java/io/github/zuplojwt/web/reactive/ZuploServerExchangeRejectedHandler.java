package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.internal.web.ProblemResponses;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 400 with a problem+json body when Spring Security's WebFlux firewall refuses a
 * request: the reactive counterpart of the servlet {@code ZuploRequestRejectedHandler}, with
 * the same response. Neither the body nor the log names the refused value: it may be a
 * header that holds a token.
 */
public final class ZuploServerExchangeRejectedHandler implements ServerExchangeRejectedHandler {

	private static final Log logger = LogFactory.getLog(ZuploServerExchangeRejectedHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException serverExchangeRejectedException) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a request that Spring Security's firewall rejects (400); the refused value is not"
					+ " logged, as it may hold a token");
		}
		if (exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		return ReactiveProblemWriter.write(ProblemResponses.requestRejected(), exchange);
	}

}
