package io.github.zuplojwt.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token in one request header, {@code Authorization: Bearer <token>} by
 * default (RFC 6750 section 2.1), reading every occurrence of that header; the prefix is
 * case-insensitive. When {@link BearerTokenSettings#formParameter() enabled}, an
 * {@code access_token} field of a form-encoded POST body counts too (section 2.2), and only
 * then does the container parse the body. No other request body is ever read, so multipart
 * uploads and other bodies stay untouched until the caller is authenticated. The query
 * string is never a token source.
 * <p>
 * A request that carries more than one token (in several headers, comma-joined in one, or in
 * a header and an enabled form field) is refused as ambiguous, and so is a token next to an
 * {@code access_token} query parameter, which is recognised from the raw query string.
 */
public final class ZuploBearerTokenResolver implements BearerTokenResolver {

	static final String ACCESS_TOKEN = "access_token";

	private static final String TOKEN68 = "(?<token>[A-Za-z0-9\\-._~+/]+=*)";

	private static final Pattern FORM_TOKEN = Pattern.compile(TOKEN68);

	private final BearerTokenSettings settings;

	private final String headerSource;

	/** The whole header value holding one token, with its prefix when there is one. */
	private final Pattern credential;

	/** A second credential in the same header value, as proxies write repeated headers. */
	private final Pattern anotherCredential;

	/** Reads {@code Authorization: Bearer <token>} only. */
	public ZuploBearerTokenResolver() {
		this(BearerTokenSettings.DEFAULTS);
	}

	/** Reads the token where the given settings say. */
	public ZuploBearerTokenResolver(BearerTokenSettings settings) {
		this.settings = settings;
		this.headerSource = settings.headerName() + " header";
		if (settings.tokenIsWholeHeaderValue()) {
			this.credential = Pattern.compile("^ *" + TOKEN68 + " *$");
			this.anotherCredential = Pattern.compile(",");
		}
		else {
			String prefix = Pattern.quote(settings.tokenPrefix());
			this.credential = Pattern.compile("^" + prefix + " +" + TOKEN68 + " *$", Pattern.CASE_INSENSITIVE);
			this.anotherCredential = Pattern.compile(",\\s*" + prefix + "(\\s|$)", Pattern.CASE_INSENSITIVE);
		}
	}

	@Override
	public String resolve(HttpServletRequest request) {
		List<FoundToken> found = new ArrayList<>(1);
		findInHeaders(request, found);
		if (this.settings.formParameter() && hasFormBody(request)) {
			findInFormBody(request, found);
		}
		if (found.size() > 1) {
			throw ambiguous(found.get(0).source(), found.get(1).source());
		}
		if (found.isEmpty()) {
			return null;
		}
		if (queryParameterCount(request.getQueryString()) > 0) {
			throw ambiguous(found.get(0).source(), ACCESS_TOKEN + " query parameter");
		}
		return found.get(0).token();
	}

	private void findInHeaders(HttpServletRequest request, List<FoundToken> found) {
		Enumeration<String> values = request.getHeaders(this.settings.headerName());
		while (values != null && values.hasMoreElements()) {
			String value = values.nextElement();
			if (!hasPrefix(value)) {
				continue;
			}
			if (this.anotherCredential.matcher(value).find()) {
				throw invalidRequest("the request carries more than one bearer token");
			}
			Matcher matcher = this.credential.matcher(value);
			if (!matcher.matches()) {
				throw malformed();
			}
			found.add(new FoundToken(matcher.group("token"), this.headerSource));
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
	 * Reads the form field, which makes the container parse the url-encoded body: only for a
	 * request that has one. The parameter values also hold those of the query string, so the
	 * body holds a token only when there are more values than the query string names.
	 */
	private static void findInFormBody(HttpServletRequest request, List<FoundToken> found) {
		String[] values = request.getParameterValues(ACCESS_TOKEN);
		int inQuery = queryParameterCount(request.getQueryString());
		if (values == null || values.length <= inQuery) {
			return;
		}
		if (inQuery > 0) {
			throw ambiguous(ACCESS_TOKEN + " form field", ACCESS_TOKEN + " query parameter");
		}
		for (String value : values) {
			if (!FORM_TOKEN.matcher(value).matches()) {
				throw malformed();
			}
			found.add(new FoundToken(value, ACCESS_TOKEN + " form field"));
		}
	}

	private static boolean hasFormBody(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || request.getContentType() == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED
				.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * How often {@code access_token} is named in the raw query string, decoded as the
	 * container decodes parameter names; reading the raw string never touches the body.
	 */
	private static int queryParameterCount(String query) {
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
