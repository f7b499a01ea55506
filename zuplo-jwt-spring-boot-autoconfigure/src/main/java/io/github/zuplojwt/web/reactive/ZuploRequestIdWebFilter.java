package io.github.zuplojwt.web.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.github.zuplojwt.web.RequestIdSettings;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Takes the id that Zuplo gives each request it forwards ({@code zp-rid}) and keeps it for
 * as long as the request runs, the reactive counterpart of the servlet
 * {@code ZuploRequestIdFilter}: in Reactor's context under
 * {@value RequestIdSettings#MDC_KEY}, and for the starter's error bodies, rejection log
 * lines and verification observation. Only an id of Zuplo's shape is taken (see
 * {@link RequestIdSettings}).
 * <p>
 * The application's own code finds it in the logging MDC under the same key where Reactor
 * restores thread-locals from its context: with {@code io.micrometer:context-propagation}
 * on the class path (Micrometer Tracing brings it) and
 * {@code spring.reactor.context-propagation=auto}. The starter's own log lines carry it
 * either way.
 * <p>
 * Ordered early, before Spring Security's web filter chain (at {@code -100}).
 */
public final class ZuploRequestIdWebFilter implements WebFilter, Ordered {

	private final RequestIdSettings settings;

	/** Reads {@code zp-rid}, then {@code zuplo-request-id}. */
	public ZuploRequestIdWebFilter() {
		this(RequestIdSettings.DEFAULTS);
	}

	/** Reads the id from the headers the given settings name. */
	public ZuploRequestIdWebFilter(RequestIdSettings settings) {
		this.settings = settings;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		String requestId = GatewayRequestId.read(this.settings, (name) -> headerValues(headers, name));
		if (requestId == null) {
			return chain.filter(exchange);
		}
		exchange.getAttributes().put(GatewayRequestId.ATTRIBUTE, requestId);
		return chain.filter(exchange).contextWrite(Context.of(RequestIdSettings.MDC_KEY, requestId));
	}

	@Override
	public int getOrder() {
		return GatewayRequestId.FILTER_ORDER;
	}

	/** The request id in a subscriber's context, or {@code null}. */
	static String requestId(ContextView context) {
		Object requestId = context.getOrDefault(RequestIdSettings.MDC_KEY, null);
		return (requestId instanceof String id && GatewayRequestId.isWellFormed(id)) ? id : null;
	}

	/** Every value of the named header, however its name is cased. */
	private static List<String> headerValues(HttpHeaders headers, String name) {
		List<String> values = new ArrayList<>();
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			if (header.getKey().equalsIgnoreCase(name)) {
				values.addAll(header.getValue());
			}
		}
		return values;
	}

}
