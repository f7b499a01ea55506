package io.github.zuplojwt.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Writes the starter's error responses: an RFC 9457 {@code application/problem+json} body
 * and, for bearer token errors, an RFC 6750 {@code WWW-Authenticate} header. Written
 * directly to the servlet response because they are sent from the security filter chain,
 * before Spring MVC and whatever JSON library the application uses.
 */
final class ProblemResponses {

	static final String PROBLEM_JSON = "application/problem+json";

	private ProblemResponses() {
	}

	/**
	 * The value of a {@code WWW-Authenticate: Bearer} challenge, with an error code and
	 * description when there is one.
	 */
	static String bearerChallenge(String errorCode, String description) {
		if (errorCode == null) {
			return "Bearer";
		}
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(errorCode).append('"');
		if (description != null) {
			challenge.append(", error_description=\"").append(quotable(description)).append('"');
		}
		return challenge.toString();
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String errorCode,
			String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		if (errorCode != null) {
			body.put("error", errorCode);
		}
		byte[] json = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(PROBLEM_JSON);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
		response.flushBuffer();
	}

	/** Keeps a description within RFC 6750's quoted-string character set. */
	private static String quotable(String description) {
		return description.replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?");
	}

}
