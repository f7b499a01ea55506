package io.github.zuplojwt.web.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.github.zuplojwt.web.RequestIdSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the id that Zuplo gives each request it forwards ({@code zp-rid}) and keeps it for
 * as long as the request runs: in the logging MDC under {@value RequestIdSettings#MDC_KEY},
 * so that the application's own log lines can carry it, and for the starter's error bodies,
 * rejection log lines and verification observation. Only an id of Zuplo's shape is taken
 * (see {@link RequestIdSettings}); when none came in, the MDC holds none. What was in the
 * MDC before is put back when the request ends, so no id outlives its request on the
 * thread.
 * <p>
 * Ordered early, before Spring Security's filter chain (at {@code -100} in Spring Boot).
 */
public final class ZuploRequestIdFilter extends OncePerRequestFilter implements Ordered {

	private final RequestIdSettings settings;

	/** Reads {@code zp-rid}, then {@code zuplo-request-id}. */
	public ZuploRequestIdFilter() {
		this(RequestIdSettings.DEFAULTS);
	}

	/** Reads the id from the headers the given settings name. */
	public ZuploRequestIdFilter(RequestIdSettings settings) {
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = GatewayRequestId.read(this.settings, (name) -> headerValues(request, name));
		if (requestId != null) {
			request.setAttribute(GatewayRequestId.ATTRIBUTE, requestId);
		}
		String previous = GatewayRequestId.enter(requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			GatewayRequestId.leave(previous);
		}
	}

	@Override
	public int getOrder() {
		return GatewayRequestId.FILTER_ORDER;
	}

	private static List<String> headerValues(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		return (values != null) ? Collections.list(values) : List.of();
	}

}
