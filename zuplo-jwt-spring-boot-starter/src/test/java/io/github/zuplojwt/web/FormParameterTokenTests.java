package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.Multipart;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

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
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.bearer.form-parameter=true",
				"server.tomcat.max-http-form-post-size=256KB", "spring.codec.max-in-memory-size=256KB" })
abstract class FormParameterTokenTests extends AbstractGatewayTokenTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	@Test
	void tokenInAFormFieldIsAccepted() {
		HttpResponse<String> response = this.http.postForm("/protected", "note=hi&access_token=" + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted", "consumer-alice");
	}

	@Test
	void formContentTypeWithACharsetCounts() {
		HttpResponse<String> response = this.http.send("POST", "/protected", FORM + "; charset=UTF-8",
				"access_token=" + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenInAFormFieldIsVerifiedLikeAnyOther() {
		assertInvalidToken(this.http.postForm("/protected", "access_token=" + expiredToken()), "expired");
	}

	@Test
	void malformedFormTokenIsRejected() {
		assertInvalidToken(this.http.postForm("/protected", "access_token=not%20a%20token"), "malformed");
	}

	@Test
	void headerAndFormTokensAreAnInvalidRequest() {
		assertInvalidRequest(this.http.postForm("/protected", "access_token=" + this.token, "Authorization",
				"Bearer " + this.token), "both in the Authorization header and in the access_token form field");
	}

	@Test
	void twoFormTokensAreAnInvalidRequest() {
		assertInvalidRequest(
				this.http.postForm("/protected", "access_token=" + this.token + "&access_token=" + this.token),
				"more than one bearer token");
	}

	@Test
	void formAndQueryTokensAreAnInvalidRequest() {
		assertInvalidRequest(this.http.postForm("/protected?access_token=x", "access_token=" + this.token),
				"query parameter");
	}

	@Test
	void queryTokenOfAFormPostWithoutATokenFieldIsIgnored() {
		assertProblem(this.http.postForm("/protected?access_token=" + this.token, "note=hi"), 401,
				"bearer token is required");
	}

	@Test
	void formBodiesOfOtherMethodsAreIgnored() {
		assertProblem(this.http.send("GET", "/protected", FORM, "access_token=" + this.token), 401,
				"bearer token is required");
		assertProblem(this.http.send("PUT", "/protected", FORM, "access_token=" + this.token), 401,
				"bearer token is required");
	}

	@Test
	void bodiesOfOtherTypesAreIgnored() {
		assertProblem(this.http.send("POST", "/protected", "text/plain", "access_token=" + this.token), 401,
				"bearer token is required");
		assertProblem(this.http.send("POST", "/protected", "application/json",
				"{\"access_token\":\"" + this.token + "\"}"), 401, "bearer token is required");
	}

	@Test
	void multipartPartIsIgnored() {
		assertProblem(this.http.postMultipart("/protected", Map.of("access_token", this.token)), 401,
				"bearer token is required");
		assertThat(this.http.postMultipart("/protected", Map.of("access_token", this.token), "Authorization",
				"Bearer " + this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void unfinishedUploadIsAnsweredWithoutBeingRead() {
		EarlyResponse response = this.http.postUnfinished("/protected", Multipart.CONTENT_TYPE,
				Multipart.startOfUpload(Map.of("access_token", this.token)), 256 * 1024);

		assertThat(response.status()).isEqualTo(401);
	}

	/**
	 * Tomcat refuses such a body with 413; WebFlux's form reader stops at its limit, and the
	 * request then carries no token: 401.
	 */
	@Test
	void formBodyOverTheStacksFormLimitIsNeitherAcceptedNorAServerError() {
		String form = "note=" + "x".repeat(300 * 1024) + "&access_token=" + this.token;

		HttpResponse<String> response = this.http.postForm("/protected", form);

		assertThat(response.statusCode()).isIn(401, 413);
		assertThat(response.body()).doesNotContain(this.token, "Exception");
	}

	@Test
	void missingTokenAnswerNamesBothPlaces() {
		Map<String, Object> body = assertProblem(this.http.get("/protected"), 401, "bearer token is required");

		assertThat(body).containsEntry("detail", "a bearer token is required: send it in the Authorization header, "
				+ "or in the access_token field of a form-encoded body");
	}


}
