package io.github.zuplojwt.test;

import io.github.zuplojwt.web.BearerTokenSettings;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Carries, in a {@code WebTestClient} that Spring Boot builds, where the application reads
 * bearer tokens and the gateway's request id, so that
 * {@link ZuploWebTestClient#zuploToken(String)} and
 * {@link ZuploWebTestClient#zuploRequestId(String)} send them there even to a running
 * server; it passes every request on unchanged.
 *
 * @param bearer the application's {@code zuplo.bearer.*} settings
 * @param requestIdHeader the application's first {@code zuplo.request-id.header-names}
 */
record HeaderPlacement(BearerTokenSettings bearer, String requestIdHeader) implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request);
	}

}
