package io.github.zuplojwt.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * One of the starter's error responses, rendered the same way on both web stacks: an RFC
 * 9457 {@code application/problem+json} body, {@code Cache-Control: no-store}, the RFC 6750
 * {@code WWW-Authenticate} challenge of a bearer token error and, for 503,
 * {@code Retry-After}; the body quotes the gateway's request id when one came in. Rendered
 * by hand with Nimbus's JSON writer because it is sent from the security filter chain,
 * before the web framework and whatever JSON library the application uses.
 * <p>
 * Internal: shared by the servlet and reactive adapters, not meant to be used directly.
 *
 * @param status the status
 * @param errorCode the RFC 6750 error code ({@code invalid_token}, …), or {@code null}
 * @param detail the reason in plain words; never the token
 * @param challenge whether the response carries a {@code WWW-Authenticate: Bearer}
 * challenge
 * @param retryAfter when the client may try again, or {@code null}
 */
public record ProblemResponse(HttpStatus status, String errorCode, String detail, boolean challenge,
		Duration retryAfter) {

	/** The media type of the body. */
	public static final String PROBLEM_JSON = "application/problem+json";

	/**
	 * The headers to set, in order: {@code WWW-Authenticate} or {@code Retry-After},
	 * {@code Cache-Control} and {@code Content-Type}.
	 */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.challenge) {
			headers.put(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge());
		}
		if (this.retryAfter != null) {
			headers.put(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter.toSeconds())));
		}
		headers.put(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.put(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
		return headers;
	}

	/**
	 * The body, in UTF-8.
	 * @param instance the request path, still percent-encoded as received
	 */
	public byte[] body(String instance) {
		return body(instance, null);
	}

	/**
	 * The body, in UTF-8, with the gateway's request id as Zuplo's own problem responses
	 * carry it: {@code "trace":{"requestId":…}}.
	 * @param instance the request path, still percent-encoded as received
	 * @param requestId the request's {@link GatewayRequestId}, or {@code null} for none
	 */
	public byte[] body(String instance, String requestId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", this.status.getReasonPhrase());
		body.put("status", this.status.value());
		body.put("detail", this.detail);
		body.put("instance", instance);
		if (this.errorCode != null) {
			body.put("error", this.errorCode);
		}
		if (GatewayRequestId.isWellFormed(requestId)) {
			body.put("trace", Map.of("requestId", requestId));
		}
		return JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The value of the {@code WWW-Authenticate: Bearer} challenge, with the error code and
	 * description when there is one.
	 */
	String bearerChallenge() {
		if (this.errorCode == null) {
			return "Bearer";
		}
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(this.errorCode).append('"');
		if (this.detail != null) {
			challenge.append(", error_description=\"").append(quotable(this.detail)).append('"');
		}
		return challenge.toString();
	}

	/** Keeps a description within RFC 6750's quoted-string character set. */
	private static String quotable(String description) {
		return description.replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?");
	}

}
