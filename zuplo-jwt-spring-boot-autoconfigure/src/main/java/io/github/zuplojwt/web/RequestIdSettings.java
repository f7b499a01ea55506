package io.github.zuplojwt.web;

import java.util.List;

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

	private static final String NO_HEADER = "At least one header name is required; Zuplo sends zp-rid.";

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
		if (headerNames == null || headerNames.isEmpty()) {
			throw new IllegalArgumentException(NO_HEADER);
		}
		for (String headerName : headerNames) {
			String reason = invalidHeaderName(headerName);
			if (reason != null) {
				throw new IllegalArgumentException(reason);
			}
		}
		headerNames = List.copyOf(headerNames);
	}

	/**
	 * Why the given names cannot be the headers that carry the id, or {@code null} when they
	 * can.
	 */
	public static String invalidHeaderNames(List<String> headerNames) {
		return (headerNames == null || headerNames.isEmpty()) ? NO_HEADER : null;
	}

	/**
	 * Why the given name cannot be a header that carries the id, or {@code null} when it can.
	 */
	public static String invalidHeaderName(String headerName) {
		if (headerName == null || !BearerTokenSettings.HTTP_TOKEN.matcher(headerName).matches()) {
			return "It is not a valid HTTP header name: use only " + BearerTokenSettings.TOKEN_CHARACTERS
					+ ", with no spaces or colon.";
		}
		return null;
	}

}
