package io.github.zuplojwt.web;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token in the {@code Authorization} header only (RFC 6750 section 2.1),
 * reading every such header: the scheme is case-insensitive, and a request that carries
 * more than one token (in several headers, or comma-joined in one), or a token in both the
 * header and an {@code access_token} parameter, is refused as ambiguous. A token in the
 * query string or form alone is ignored.
 */
public final class ZuploBearerTokenResolver implements BearerTokenResolver {

	private static final Pattern BEARER = Pattern.compile("^Bearer +(?<token>[A-Za-z0-9\\-._~+/]+=*) *$",
			Pattern.CASE_INSENSITIVE);

	/** A second bearer credential in the same header, as proxies write repeated headers. */
	private static final Pattern ANOTHER_BEARER = Pattern.compile(",\\s*Bearer(\\s|$)", Pattern.CASE_INSENSITIVE);

	private static final String ACCESS_TOKEN_PARAMETER = "access_token";

	@Override
	public String resolve(HttpServletRequest request) {
		List<String> tokens = new ArrayList<>(1);
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		while (headers != null && headers.hasMoreElements()) {
			String header = headers.nextElement();
			if (isBearer(header)) {
				if (ANOTHER_BEARER.matcher(header).find()) {
					throw invalidRequest("the request carries more than one bearer token");
				}
				tokens.add(token(header));
			}
		}
		if (tokens.size() > 1) {
			throw invalidRequest("the request carries more than one bearer token");
		}
		if (!tokens.isEmpty() && request.getParameterValues(ACCESS_TOKEN_PARAMETER) != null) {
			throw invalidRequest("the request carries a bearer token both in the Authorization header and in the "
					+ ACCESS_TOKEN_PARAMETER + " parameter");
		}
		return tokens.isEmpty() ? null : tokens.get(0);
	}

	private static boolean isBearer(String header) {
		return header.regionMatches(true, 0, "Bearer", 0, 6)
				&& (header.length() == 6 || Character.isWhitespace(header.charAt(6)));
	}

	private static String token(String header) {
		Matcher matcher = BEARER.matcher(header);
		if (!matcher.matches()) {
			throw new InvalidBearerTokenException("bearer token is malformed");
		}
		return matcher.group("token");
	}

	private static OAuth2AuthenticationException invalidRequest(String reason) {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(reason));
	}

}
