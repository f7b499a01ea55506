package io.github.zuplojwt.web;

import io.github.zuplojwt.internal.web.HeaderValues;

import org.springframework.http.HttpHeaders;

/**
 * Where a request's bearer token is looked for: one request header, holding the token after
 * a prefix (such as {@code Bearer}) or as its whole value, and optionally an
 * {@code access_token} field of a form-encoded body (RFC 6750 section 2.2). An immutable
 * snapshot of the {@code zuplo.bearer.*} properties.
 *
 * @param headerName the request header that carries the token
 * @param tokenPrefix the word before the token, matched case-insensitively and followed by
 * one or more spaces; empty when the header's whole value is the token
 * @param formParameter whether a token in the {@code access_token} field of an
 * {@code application/x-www-form-urlencoded} POST body is accepted too
 */
public record BearerTokenSettings(String headerName, String tokenPrefix, boolean formParameter) {

	private static final String MISSING_HEADER_NAME = "A header name is required; the standard one is Authorization.";

	/** The standard: {@code Authorization: Bearer <token>}, and no form field. */
	public static final BearerTokenSettings DEFAULTS = new BearerTokenSettings(HttpHeaders.AUTHORIZATION, "Bearer",
			false);

	/**
	 * Settings with the given header and prefix.
	 * @throws IllegalArgumentException if the header name or the prefix cannot work, with
	 * the reason
	 */
	public BearerTokenSettings {
		rejectIfInvalid(HeaderValues.whyNotAHeaderName(headerName, MISSING_HEADER_NAME));
		rejectIfInvalid(HeaderValues.whyNotATokenPrefix(tokenPrefix));
	}

	private static void rejectIfInvalid(String reason) {
		if (reason != null) {
			throw new IllegalArgumentException(reason);
		}
	}

}
