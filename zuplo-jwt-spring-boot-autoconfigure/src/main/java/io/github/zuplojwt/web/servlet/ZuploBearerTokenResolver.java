package io.github.zuplojwt.web.servlet;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.github.zuplojwt.internal.web.BearerTokenExtractor;
import io.github.zuplojwt.internal.web.BearerTokenRequest;
import io.github.zuplojwt.web.BearerTokenSettings;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token of a servlet request by the rules of {@link BearerTokenExtractor}:
 * in the configured header, and in an {@code access_token} field of a form-encoded POST body
 * only when that is enabled; only then does the container parse the body. A request with
 * tokens in more than one place, or a token next to an {@code access_token} query
 * parameter, is refused as ambiguous.
 */
public final class ZuploBearerTokenResolver implements BearerTokenResolver {

	private final BearerTokenExtractor extractor;

	/** Reads {@code Authorization: Bearer <token>} only. */
	public ZuploBearerTokenResolver() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Reads the token where the given settings say. */
	public ZuploBearerTokenResolver(BearerTokenSettings settings) {
		this.extractor = new BearerTokenExtractor(settings);
	}

	@Override
	public String resolve(HttpServletRequest request) {
		ServletRequestView view = new ServletRequestView(request);
		return this.extractor.extract(view, this.extractor.readsFormBody(view) ? formFields(request) : List.of());
	}

	/**
	 * The {@code access_token} values of the form body. Reading them makes the container
	 * parse the url-encoded body; its parameter values hold those of the query string first,
	 * so the body's are the ones after as many values as the raw query string names.
	 */
	private static List<String> formFields(HttpServletRequest request) {
		String[] values = request.getParameterValues(BearerTokenExtractor.ACCESS_TOKEN);
		int inQuery = BearerTokenExtractor.queryParameterCount(request.getQueryString());
		if (values == null || values.length <= inQuery) {
			return List.of();
		}
		return Arrays.asList(values).subList(inQuery, values.length);
	}

	/** A servlet request as the bearer token rules see it. */
	private record ServletRequestView(HttpServletRequest request) implements BearerTokenRequest {

		@Override
		public List<String> headerValues(String name) {
			Enumeration<String> values = this.request.getHeaders(name);
			return (values != null) ? Collections.list(values) : List.of();
		}

		@Override
		public String rawQuery() {
			return this.request.getQueryString();
		}

		@Override
		public String method() {
			return this.request.getMethod();
		}

		@Override
		public String contentType() {
			return this.request.getContentType();
		}

	}

}
