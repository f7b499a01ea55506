package io.github.zuplojwt.web;

import java.util.regex.Pattern;

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

	/** An RFC 9110 token: what a header name and an authentication scheme are made of. */
	static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	static final String TOKEN_CHARACTERS = "letters, digits and !#$%&'*+-.^_`|~";

	/** The standard: {@code Authorization: Bearer <token>}, and no form field. */
	public static final BearerTokenSettings DEFAULTS = new BearerTokenSettings(HttpHeaders.AUTHORIZATION, "Bearer",
			false);

	/**
	 * Settings with the given header and prefix.
	 * @throws IllegalArgumentException if the header name or the prefix cannot work, with
	 * the reason
	 */
	public BearerTokenSettings {
		rejectIfInvalid(invalidHeaderName(headerName));
		rejectIfInvalid(invalidTokenPrefix(tokenPrefix));
	}

	/**
	 * Why the given name cannot be the header that carries the token, or {@code null} when
	 * it can.
	 */
	public static String invalidHeaderName(String headerName) {
		if (headerName == null || headerName.isEmpty()) {
			return "A header name is required; the standard one is Authorization.";
		}
		if (!HTTP_TOKEN.matcher(headerName).matches()) {
			return "It is not a valid HTTP header name: use only " + TOKEN_CHARACTERS
					+ ", with no spaces or colon.";
		}
		return null;
	}

	/**
	 * Why the given prefix cannot stand before the token, or {@code null} when it can.
	 */
	public static String invalidTokenPrefix(String tokenPrefix) {
		if (tokenPrefix == null) {
			return "Give a prefix such as Bearer, or an empty value when the header holds only the token.";
		}
		if (tokenPrefix.isEmpty() || HTTP_TOKEN.matcher(tokenPrefix).matches()) {
			return null;
		}
		if (tokenPrefix.chars().anyMatch(Character::isWhitespace)) {
			return "It must be one word without spaces, such as Bearer (the spaces between prefix and token are "
					+ "matched anyway), or empty when the header holds only the token.";
		}
		return "It must be one word of " + TOKEN_CHARACTERS
				+ ", such as Bearer, or empty when the header holds only the token.";
	}

	private static void rejectIfInvalid(String reason) {
		if (reason != null) {
			throw new IllegalArgumentException(reason);
		}
	}

}
