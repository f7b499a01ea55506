package io.github.zuplojwt.web.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.internal.web.BearerTokenExtractor;
import io.github.zuplojwt.internal.web.BearerTokenRequest;
import io.github.zuplojwt.web.BearerTokenSettings;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the bearer token of a reactive request by the same rules as the servlet
 * {@code ZuploBearerTokenResolver} ({@link BearerTokenExtractor}): in the configured header,
 * and in an {@code access_token} field of a form-encoded POST body only when that is
 * enabled; only then is the body read. A request with tokens in more than one place, or a
 * token next to an {@code access_token} query parameter, is refused as ambiguous.
 */
public final class ZuploServerBearerTokenConverter implements ServerAuthenticationConverter {

	private final BearerTokenExtractor extractor;

	/** Reads {@code Authorization: Bearer <token>} only. */
	public ZuploServerBearerTokenConverter() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Reads the token where the given settings say. */
	public ZuploServerBearerTokenConverter(BearerTokenSettings settings) {
		this.extractor = new BearerTokenExtractor(settings);
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		ReactiveRequestView request = new ReactiveRequestView(exchange.getRequest());
		Mono<List<String>> formFields = this.extractor.readsFormBody(request) ? formFields(exchange)
				: Mono.just(List.of());
		return formFields.flatMap((fields) -> Mono.justOrEmpty(this.extractor.extract(request, fields)))
			.map(BearerTokenAuthenticationToken::new);
	}

	/**
	 * The {@code access_token} values of the form body. A body that cannot be read as a form
	 * (such as one over {@code spring.codec.max-in-memory-size}) holds no token, as a servlet
	 * container treats a form it does not parse.
	 */
	private static Mono<List<String>> formFields(ServerWebExchange exchange) {
		return exchange.getFormData()
			.map((form) -> form.getOrDefault(BearerTokenExtractor.ACCESS_TOKEN, List.of()))
			.onErrorReturn(List.of());
	}

	/** A reactive request as the bearer token rules see it. */
	private record ReactiveRequestView(ServerHttpRequest request) implements BearerTokenRequest {

		/**
		 * Every value of the header. {@code getFirst} comes first: it is where Spring
		 * Security's firewall checks a value (and refuses a request whose header holds raw
		 * non-ASCII bytes, say). The values are then read through {@code headerSet()}, the one
		 * way to list them that links alike on Spring Framework 6.2, where {@code HttpHeaders}
		 * is a map, and on 7.
		 */
		@Override
		public List<String> headerValues(String name) {
			HttpHeaders headers = this.request.getHeaders();
			if (headers.getFirst(name) == null) {
				return List.of();
			}
			List<String> values = new ArrayList<>(1);
			for (Map.Entry<String, List<String>> header : headers.headerSet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					values.addAll(header.getValue());
				}
			}
			return values;
		}

		@Override
		public String rawQuery() {
			return this.request.getURI().getRawQuery();
		}

		@Override
		public String method() {
			return this.request.getMethod().name();
		}

		@Override
		public String contentType() {
			return this.request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		}

	}

}
