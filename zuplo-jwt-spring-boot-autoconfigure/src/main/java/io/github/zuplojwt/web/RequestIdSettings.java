package io.github.zuplojwt.web;

import java.util.List;

import io.github.zuplojwt.internal.web.HeaderValues;

/**
 * Where the id that Zuplo gives each request it forwards is read: the request headers to
 * look at, in order. Zuplo sends it as {@code zp-rid} and as {@code zuplo-request-id}; its
 * logs record it as {@code requestId}. The first of the headers that the request carries is
 * the one read, and its value is taken only when it is one UUID; anything else is ignored,
 * never echoed or logged. An immutable snapshot of the {@code zuplo.request-id.*}
 * properties.
 * <p>
 * While a request with such an id runs, the id is in the logging MDC under
 * {@value #MDC_KEY}; the starter's error bodies carry it as {@code "trace":{"requestId":…}},
 * its rejection log lines as {@code requestId=…}, and the token verification observation as
 * a high-cardinality key value.
 *
 * @param headerNames the request headers that may carry the id, the preferred one first
 */
public record RequestIdSettings(List<String> headerNames) {

	/** The MDC key under which the request id is present while the request runs. */
	public static final String MDC_KEY = "zuplo.requestId";

	/** Zuplo's: {@code zp-rid}, then {@code zuplo-request-id}. */
	public static final RequestIdSettings DEFAULTS = new RequestIdSettings(List.of("zp-rid", "zuplo-request-id"));

	/**
	 * Settings with the given headers.
	 * @throws IllegalArgumentException if there is no header, or a name cannot be a header's,
	 * with the reason
	 */
	public RequestIdSettings {
		String reason = HeaderValues.whyNotRequestIdHeaders(headerNames);
		if (reason != null) {
			throw new IllegalArgumentException(reason);
		}
		headerNames = List.copyOf(headerNames);
	}

}
