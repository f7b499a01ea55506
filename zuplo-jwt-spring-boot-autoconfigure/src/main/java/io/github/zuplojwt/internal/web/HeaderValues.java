package io.github.zuplojwt.internal.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the header names and the token prefix the starter is configured with must look like,
 * each rule giving the reason a value cannot work, or {@code null} when it can. The settings
 * records refuse such values, and the auto-configuration names the property that holds them.
 */
public final class HeaderValues {

	/** An RFC 9110 token: what a header name and an authentication scheme are made of. */
	private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private static final String TOKEN_CHARACTERS = "letters, digits and !#$%&'*+-.^_`|~";

	private HeaderValues() {
	}

	/**
	 * Why the given name cannot be a request header's name.
	 * @param whenMissing the reason when there is no name at all
	 */
	public static String whyNotAHeaderName(String headerName, String whenMissing) {
		if (headerName == null || headerName.isEmpty()) {
			return whenMissing;
		}
		if (!HTTP_TOKEN.matcher(headerName).matches()) {
			return "It is not a valid HTTP header name: use only " + TOKEN_CHARACTERS + ", with no spaces or colon.";
		}
		return null;
	}

	/** Why the given prefix cannot stand before the token in the header. */
	public static String whyNotATokenPrefix(String tokenPrefix) {
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

	/** Why the given names cannot be the headers the gateway's request id is read from. */
	public static String whyNotRequestIdHeaders(List<String> headerNames) {
		if (headerNames == null || headerNames.isEmpty()) {
			return "At least one header name is required; Zuplo sends zp-rid.";
		}
		for (String headerName : headerNames) {
			String reason = whyNotARequestIdHeader(headerName);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

	/** Why the given name cannot be one of the headers the gateway's request id is read from. */
	public static String whyNotARequestIdHeader(String headerName) {
		return whyNotAHeaderName(headerName, "A header name must not be empty.");
	}

}
