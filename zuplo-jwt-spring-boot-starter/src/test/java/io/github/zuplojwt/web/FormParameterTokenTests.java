package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Multipart;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidRequest;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code zuplo.bearer.form-parameter=true}, a token in the {@code access_token} field of
 * a form-encoded POST body counts as well (RFC 6750 section 2.2), and only there: not with
 * another method, not in a multipart part, not in a body of another type. It counts as a
 * second token next to a header or query token. A body over the stack's form size limit
 * ({@code server.tomcat.max-http-form-post-size}, {@code spring.codec.max-in-memory-size},
 * both set to 256KB here) never yields one.
 */
@BothStacks(classes = TestApplication.class, properties = { "zuplo.bearer.form-parameter=true",
		"server.tomcat.max-http-form-post-size=256KB", "spring.codec.max-in-memory-size=256KB" })
class FormParameterTokenTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void tokenInAFormFieldIsAccepted(Stack stack) {
		HttpResponse<String> response = stack.http()
			.postForm("/protected", "note=hi&access_token=" + gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted", "consumer-alice");
	}

	@StackTest
	void formContentTypeWithACharsetCounts(Stack stack) {
		HttpResponse<String> response = stack.http()
			.send("POST", "/protected", FORM + "; charset=UTF-8", "access_token=" + gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenInAFormFieldIsVerifiedLikeAnyOther(Stack stack) {
		assertInvalidToken(stack.http().postForm("/protected", "access_token=" + gateway.expiredToken()), "expired");
	}

	@StackTest
	void malformedFormTokenIsRejected(Stack stack) {
		assertInvalidToken(stack.http().postForm("/protected", "access_token=not%20a%20token"), "malformed");
	}

	@StackTest
	void headerAndFormTokensAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(
				stack.http().postForm("/protected", "access_token=" + token, "Authorization", "Bearer " + token),
				"both in the Authorization header and in the access_token form field");
	}

	@StackTest
	void twoFormTokensAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().postForm("/protected", "access_token=" + token + "&access_token=" + token),
				"more than one bearer token");
	}

	@StackTest
	void formAndQueryTokensAreAnInvalidRequest(Stack stack) {
		assertInvalidRequest(
				stack.http().postForm("/protected?access_token=x", "access_token=" + gateway.token().sign()),
				"query parameter");
	}

	@StackTest
	void queryTokenOfAFormPostWithoutATokenFieldIsIgnored(Stack stack) {
		assertProblem(stack.http().postForm("/protected?access_token=" + gateway.token().sign(), "note=hi"), 401,
				"bearer token is required");
	}

	@StackTest
	void formBodiesOfOtherMethodsAreIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().send("GET", "/protected", FORM, "access_token=" + token), 401,
				"bearer token is required");
		assertProblem(stack.http().send("PUT", "/protected", FORM, "access_token=" + token), 401,
				"bearer token is required");
	}

	@StackTest
	void bodiesOfOtherTypesAreIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().send("POST", "/protected", "text/plain", "access_token=" + token), 401,
				"bearer token is required");
		assertProblem(
				stack.http().send("POST", "/protected", "application/json", "{\"access_token\":\"" + token + "\"}"),
				401, "bearer token is required");
	}

	@StackTest
	void multipartPartIsIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().postMultipart("/protected", Map.of("access_token", token)), 401,
				"bearer token is required");
		assertThat(stack.http()
			.postMultipart("/protected", Map.of("access_token", token), "Authorization", "Bearer " + token)
			.statusCode()).isEqualTo(200);
	}

	@StackTest
	void unfinishedUploadIsAnsweredWithoutBeingRead(Stack stack) {
		EarlyResponse response = stack.http()
			.postUnfinished("/protected", Multipart.CONTENT_TYPE,
					Multipart.startOfUpload(Map.of("access_token", gateway.token().sign())), 256 * 1024);

		assertThat(response.status()).isEqualTo(401);
	}

	/**
	 * Tomcat refuses such a body with 413; WebFlux's form reader stops at its limit, and the
	 * request then carries no token: 401.
	 */
	@StackTest
	void formBodyOverTheStacksFormLimitIsNeitherAcceptedNorAServerError(Stack stack) {
		String token = gateway.token().sign();
		String form = "note=" + "x".repeat(300 * 1024) + "&access_token=" + token;

		HttpResponse<String> response = stack.http().postForm("/protected", form);

		assertThat(response.statusCode()).isIn(401, 413);
		assertThat(response.body()).doesNotContain(token, "Exception");
	}

	@StackTest
	void missingTokenAnswerNamesBothPlaces(Stack stack) {
		Map<String, Object> body = assertProblem(stack.http().get("/protected"), 401, "bearer token is required");

		assertThat(body).containsEntry("detail", "a bearer token is required: send it in the Authorization header, "
				+ "or in the access_token field of a form-encoded body");
	}

}
