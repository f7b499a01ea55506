package io.github.zuplojwt.internal.web;

import java.util.List;

/**
 * The little of a request that the bearer token rules read, so that one
 * {@link BearerTokenExtractor} serves the servlet and the reactive stack. Reading it never
 * touches the request body.
 */
public interface BearerTokenRequest {

	/** Every value of the named header, in the order received; empty when there is none. */
	List<String> headerValues(String name);

	/** The query string as received, still percent-encoded, or {@code null}. */
	String rawQuery();

	/** The request method, such as {@code POST}. */
	String method();

	/** The {@code Content-Type} header, or {@code null}. */
	String contentType();

}
