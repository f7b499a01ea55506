package io.github.zuplojwt.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.zuplojwt.web.BearerTokenSettings;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The rules that find a request's bearer token, for both web stacks. The token is read from
 * one request header, {@code Authorization: Bearer <token>} by default (RFC 6750 section
 * 2.1), every occurrence of it; the prefix is case-insensitive. When
 * {@link BearerTokenSettings#formParameter() enabled}, an {@code access_token} field of a
 * form-encoded POST body counts too (section 2.2); the stack's adapter reads that body only
 * when {@link #readsFormBody} says so. No other body is ever read, and the query string is
 * never a token source.
 * <p>
 * A request that carries more than one token (in several headers, comma-joined in one, or in
 * a header and an enabled form field) is refused as ambiguous, and so is a token next to an
 * {@code access_token} query parameter, which is recognised from the raw query string.
 * <p>
 * Internal: shared by the servlet and reactive adapters, not meant to be used directly.
 */
public final class BearerTokenExtractor {

	/** The name of the form field and query parameter of RFC 6750. */
	public static final String ACCESS_TOKEN = "access_token";

	/** The characters of a token68 (RFC 7235) before its {@code =} padding. */
	private static final boolean[] TOKEN68_CHARACTERS = new boolean[128];

	static {
		String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
		for (int i = 0; i < characters.length(); i++) {
			TOKEN68_CHARACTERS[characters.charAt(i)] = true;
		}
	}

	private final BearerTokenSettings settings;

	private final String headerSource;

	/** A second credential in the same header value, as proxies write repeated headers. */
	private final Pattern anotherCredential;

	public BearerTokenExtractor(BearerTokenSettings settings) {
		this.settings = settings;
		this.headerSource = settings.headerName() + " header";
		if (settings.tokenPrefix().isEmpty()) {
			this.anotherCredential = Pattern.compile(",");
		}
		else {
			String prefix = Pattern.quote(settings.tokenPrefix());
			this.anotherCredential = Pattern.compile(",\\s*" + prefix + "(\\s|$)", Pattern.CASE_INSENSITIVE);
		}
	}

	/**
	 * Whether the request's body must be read for an {@code access_token} field: only when
	 * that is enabled and the request is a form-encoded POST.
	 */
	public boolean readsFormBody(BearerTokenRequest request) {
		if (!this.settings.formParameter() || !"POST".equals(request.method()) || request.contentType() == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED
				.equalsTypeAndSubtype(MediaType.parseMediaType(request.contentType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * The request's bearer token.
	 * @param request the request
	 * @param formFields the values of the {@code access_token} fields of the form body
	 * (never of the query string); empty when the body was not read
	 * @return the token, or {@code null} when the request carries none
	 * @throws OAuth2AuthenticationException if the request carries tokens ambiguously
	 * ({@code invalid_request}) or a malformed one ({@code invalid_token})
	 */
	public String extract(BearerTokenRequest request, List<String> formFields) {
		List<FoundToken> found = new ArrayList<>(1);
		findInHeaders(request, found);
		int inQuery = queryParameterCount(request.rawQuery());
		if (!formFields.isEmpty()) {
			findInForm(formFields, inQuery, found);
		}
		if (found.size() > 1) {
			throw ambiguous(found.get(0).source(), found.get(1).source());
		}
		if (found.isEmpty()) {
			return null;
		}
		if (inQuery > 0) {
			throw ambiguous(found.get(0).source(), ACCESS_TOKEN + " query parameter");
		}
		return found.get(0).token();
	}

	private void findInHeaders(BearerTokenRequest request, List<FoundToken> found) {
		for (String value : request.headerValues(this.settings.headerName())) {
			if (!hasPrefix(value)) {
				continue;
			}
			if (value.indexOf(',') >= 0 && this.anotherCredential.matcher(value).find()) {
				throw invalidRequest("the request carries more than one bearer token");
			}
			String token = credentialIn(value);
			if (token == null) {
				throw malformed();
			}
			found.add(new FoundToken(token, this.headerSource));
		}
	}

	/** Whether the header value claims to hold a token: it starts with the prefix word. */
	private boolean hasPrefix(String value) {
		String prefix = this.settings.tokenPrefix();
		int length = prefix.length();
		return prefix.isEmpty() || (value.regionMatches(true, 0, prefix, 0, length)
				&& (value.length() == length || Character.isWhitespace(value.charAt(length))));
	}

	/**
	 * The token of a header value that starts with the prefix: after the prefix, one or more
	 * spaces (any number without a prefix), a token68, and nothing but spaces to the end.
	 * @return the token, or {@code null} when the value is not exactly one such credential
	 */
	private String credentialIn(String value) {
		int length = value.length();
		int position = this.settings.tokenPrefix().length();
		int spaces = skipSpaces(value, position);
		if (spaces == position && !this.settings.tokenPrefix().isEmpty()) {
			return null;
		}
		int end = token68End(value, spaces);
		if (end < 0 || skipSpaces(value, end) != length) {
			return null;
		}
		return value.substring(spaces, end);
	}

	private static int skipSpaces(String value, int from) {
		int position = from;
		while (position < value.length() && value.charAt(position) == ' ') {
			position++;
		}
		return position;
	}

	/** Where the token68 that starts at {@code from} ends, or -1 if none starts there. */
	private static int token68End(String value, int from) {
		int length = value.length();
		int position = from;
		while (position < length && isToken68Character(value.charAt(position))) {
			position++;
		}
		if (position == from) {
			return -1;
		}
		while (position < length && value.charAt(position) == '=') {
			position++;
		}
		return position;
	}

	private static boolean isToken68Character(char c) {
		return c < 128 && TOKEN68_CHARACTERS[c];
	}

	private static void findInForm(List<String> formFields, int inQuery, List<FoundToken> found) {
		if (inQuery > 0) {
			throw ambiguous(ACCESS_TOKEN + " form field", ACCESS_TOKEN + " query parameter");
		}
		for (String value : formFields) {
			if (token68End(value, 0) != value.length()) {
				throw malformed();
			}
			found.add(new FoundToken(value, ACCESS_TOKEN + " form field"));
		}
	}

	/**
	 * How often {@code access_token} is named in the raw query string, decoded as servlet
	 * containers decode parameter names; reading the raw string never touches the body.
	 */
	public static int queryParameterCount(String query) {
		if (query == null || query.isEmpty()) {
			return 0;
		}
		int count = 0;
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (ACCESS_TOKEN.equals(decode(name))) {
				count++;
			}
		}
		return count;
	}

	private static String decode(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	private static OAuth2AuthenticationException ambiguous(String source, String otherSource) {
		if (source.equals(otherSource)) {
			return invalidRequest("the request carries more than one bearer token");
		}
		return invalidRequest("the request carries a bearer token both in the " + source + " and in the "
				+ otherSource);
	}

	private static OAuth2AuthenticationException invalidRequest(String reason) {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(reason));
	}

	private static InvalidBearerTokenException malformed() {
		return new InvalidBearerTokenException("bearer token is malformed");
	}

	private record FoundToken(String token, String source) {
	}

}
