package io.github.zuplojwt.internal.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.zuplojwt.web.RequestIdSettings;
import org.slf4j.MDC;

import org.springframework.core.Ordered;

/**
 * The id Zuplo gives each request it forwards, as both web stacks take it: from the first of
 * the configured headers that the request carries, only when that header appears once and
 * holds one UUID, the shape of Zuplo's ids. Anything else, however close, is no id, so an
 * attacker-chosen value never reaches a log line, a response body or a span. While a request
 * runs, its id is in the logging MDC under {@link RequestIdSettings#MDC_KEY}.
 * <p>
 * Internal: shared by the servlet and reactive adapters, not meant to be used directly.
 */
public final class GatewayRequestId {

	/**
	 * The request attribute (servlet) or exchange attribute (WebFlux) that holds the id of
	 * the request, when one came in.
	 */
	public static final String ATTRIBUTE = GatewayRequestId.class.getName();

	/**
	 * Where the web stacks' filters that take the id run: early, so that the filters after
	 * them, Spring Security's (at {@code -100}) among them, log with the id.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final int LENGTH = 36;

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private GatewayRequestId() {
	}

	/**
	 * The request's id, or {@code null} when none came in that has the shape of Zuplo's.
	 * @param settings the headers to read, in order
	 * @param headerValues every value of a header, by name; empty when the request has none
	 */
	public static String read(RequestIdSettings settings, Function<String, List<String>> headerValues) {
		for (String headerName : settings.headerNames()) {
			List<String> values = headerValues.apply(headerName);
			if (!values.isEmpty()) {
				return (values.size() == 1 && isWellFormed(values.get(0))) ? values.get(0) : null;
			}
		}
		return null;
	}

	/** Whether the value has the shape of Zuplo's request ids: one UUID, in either case. */
	public static boolean isWellFormed(String value) {
		return value != null && value.length() == LENGTH && UUID.matcher(value).matches();
	}

	/** The id of the request this thread is serving, as the logging MDC holds it, or {@code null}. */
	public static String current() {
		String requestId = MDC.get(RequestIdSettings.MDC_KEY);
		return isWellFormed(requestId) ? requestId : null;
	}

	/**
	 * Runs {@code action} with the given id in the logging MDC, and puts back what was there
	 * before; with {@code null}, runs it as it is.
	 */
	public static <T> T inMdc(String requestId, Supplier<T> action) {
		if (requestId == null) {
			return action.get();
		}
		String previous = enter(requestId);
		try {
			return action.get();
		}
		finally {
			leave(previous);
		}
	}

	/**
	 * Makes the given id, or none, the one in the logging MDC.
	 * @return the one there before, for {@link #leave(String)}
	 */
	public static String enter(String requestId) {
		String previous = MDC.get(RequestIdSettings.MDC_KEY);
		if (requestId != null) {
			MDC.put(RequestIdSettings.MDC_KEY, requestId);
		}
		else {
			MDC.remove(RequestIdSettings.MDC_KEY);
		}
		return previous;
	}

	/** Puts back the id that was in the logging MDC before {@link #enter(String)}. */
	public static void leave(String previous) {
		if (previous != null) {
			MDC.put(RequestIdSettings.MDC_KEY, previous);
		}
		else {
			MDC.remove(RequestIdSettings.MDC_KEY);
		}
	}

}
