package io.github.zuplojwt.web.reactive;

import java.util.Map;

import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.github.zuplojwt.internal.web.ProblemResponse;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link ProblemResponse} to a reactive response, directly, because it is sent
 * from the security web filter chain; with the gateway's request id when
 * {@link ZuploRequestIdWebFilter} took one.
 */
final class ReactiveProblemWriter {

	private ReactiveProblemWriter() {
	}

	static Mono<Void> write(ProblemResponse problem, ServerWebExchange exchange) {
		byte[] body = problem.body(exchange.getRequest().getURI().getRawPath(),
				exchange.getAttribute(GatewayRequestId.ATTRIBUTE));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		for (Map.Entry<String, String> header : problem.headers().entrySet()) {
			headers.set(header.getKey(), header.getValue());
		}
		headers.setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
