package io.github.zuplojwt.internal.web;

import io.github.zuplojwt.web.RequestIdSettings;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries the request id between Reactor's context and the logging MDC, for Micrometer's
 * context propagation: with {@code spring.reactor.context-propagation=auto}, the code a
 * WebFlux request runs finds the id in the MDC on whichever thread it runs. Registered
 * through {@code META-INF/services}, so it applies only where
 * {@code io.micrometer:context-propagation} is present.
 * <p>
 * Internal: loaded by the context propagation library, not meant to be used directly.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

	/** The key in Reactor's context is the MDC key itself. */
	@Override
	public Object key() {
		return RequestIdSettings.MDC_KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestIdSettings.MDC_KEY);
	}

	@Override
	public void setValue(String requestId) {
		MDC.put(RequestIdSettings.MDC_KEY, requestId);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestIdSettings.MDC_KEY);
	}

}
