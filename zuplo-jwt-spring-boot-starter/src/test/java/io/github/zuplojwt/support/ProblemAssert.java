package io.github.zuplojwt.support;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an error response as a client reads it: status, problem+json body with a reason,
 * and nothing in it that should never leave the server.
 */
public final class ProblemAssert {

	private ProblemAssert() {
	}

	/**
	 * Asserts a problem+json response with the given status whose detail mentions
	 * {@code reason}, and returns the parsed body.
	 */
	public static Map<String, Object> assertProblem(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		Map<String, Object> body;
		try {
			body = JSONObjectUtils.parse(response.body());
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError("body is not JSON: " + response.body(), ex);
		}
		assertThat(body).containsEntry("status", (long) status).containsKeys("title", "detail");
		assertThat((String) body.get("detail")).containsIgnoringCase(reason);
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "eyJ");
		return body;
	}

	/** Asserts a 401 invalid_token response whose reason appears in body and challenge. */
	public static Map<String, Object> assertInvalidToken(HttpResponse<String> response, String reason) {
		Map<String, Object> body = assertProblem(response, 401, reason);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((challenge) -> {
			assertThat(challenge).startsWith("Bearer error=\"invalid_token\"");
			assertThat(challenge).containsIgnoringCase(reason);
		});
		return body;
	}

	/** Asserts a 400 invalid_request response (an ambiguous request) whose reason appears in the body. */
	public static Map<String, Object> assertInvalidRequest(HttpResponse<String> response, String reason) {
		Map<String, Object> body = assertProblem(response, 400, reason);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_request\""));
		return body;
	}

}
