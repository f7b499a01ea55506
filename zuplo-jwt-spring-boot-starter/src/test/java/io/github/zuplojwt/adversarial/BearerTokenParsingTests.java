package io.github.zuplojwt.adversarial;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidRequest;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a bearer token may come from with the default settings, on both stacks: the
 * {@code Authorization} header only, with a case-insensitive scheme. A token anywhere else
 * (query string, form field, multipart part, another header) is ignored, and a request with
 * two tokens, or a header token next to an {@code access_token} query parameter, is refused
 * as ambiguous (400 {@code invalid_request}) even when both are valid.
 */
@BothStacks(classes = ProtectedService.class)
class BearerTokenParsingTests {

	static final String AUDIENCE = "https://api.example.com";

	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	@StackTest(cases = "schemes")
	void schemeIsCaseInsensitive(Stack stack, String scheme) {
		String token = gateway.token().sign();

		assertThat(stack.http().get("/protected", "Authorization", scheme + " " + token).statusCode())
			.isEqualTo(200);
	}

	static Stream<String> schemes() {
		return Stream.of("Bearer", "bearer", "BEARER", "bEaReR");
	}

	@StackTest
	void otherAuthorizationSchemesBesideTheBearerTokenAreIgnored(Stack stack) {
		String token = gateway.token().sign();

		HttpResponse<String> response = stack.http().get("/protected", "Authorization", "Basic dXNlcjpwYXNz",
				"Authorization", "Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenInTheQueryStringAloneIsIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().get("/protected?access_token=" + token), 401, "bearer token is required");
	}

	@StackTest
	void tokenInAFormBodyAloneIsIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().postForm("/protected", "access_token=" + token), 401,
				"bearer token is required");
	}

	@StackTest
	void formFieldBesideTheHeaderTokenIsNotRead(Stack stack) {
		String token = gateway.token().sign();
		String form = "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

		HttpResponse<String> response = stack.http().postForm("/protected", form, "Authorization",
				"Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@StackTest
	void multipartPartNamedAccessTokenBesideTheHeaderTokenIsNotRead(Stack stack) {
		String token = gateway.token().sign();

		HttpResponse<String> response = stack.http().postMultipart("/protected", Map.of("access_token", token),
				"Authorization", "Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

	@StackTest
	void tokenInAMultipartPartAloneIsIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().postMultipart("/protected", Map.of("access_token", token)), 401,
				"bearer token is required");
	}

	@StackTest
	void tokenInAnotherHeaderIsIgnored(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().get("/protected", "X-Authorization", "Bearer " + token), 401,
				"bearer token is required");
	}

	@StackTest
	void twoAuthorizationHeadersAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		HttpResponse<String> response = stack.http().get("/protected", "Authorization", "Bearer " + token,
				"Authorization", "Bearer " + token);

		assertInvalidRequest(response, "more than one bearer token");
	}

	@StackTest
	void twoTokensJoinedInOneHeaderAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		HttpResponse<String> response = stack.http().get("/protected", "Authorization",
				"Bearer " + token + ", bearer " + token);

		assertInvalidRequest(response, "more than one bearer token");
	}

	@StackTest
	void tokenInHeaderAndQueryIsAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().get("/protected?access_token=" + token, "Authorization",
				"Bearer " + token), "both");
	}

	@StackTest
	void tokenInHeaderAndAnEmptyQueryParameterIsAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().get("/protected?access_token=", "Authorization", "Bearer " + token),
				"both");
	}

	@StackTest
	void tokenInHeaderAndAPercentEncodedQueryParameterNameIsAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().get("/protected?access%5Ftoken=x", "Authorization", "Bearer " + token),
				"both");
	}

	@StackTest
	void queryParametersWithOtherNamesBesideTheHeaderTokenAreFine(Stack stack) {
		String token = gateway.token().sign();

		HttpResponse<String> response = stack.http().get("/protected?access_token_hint=x&q=access_token",
				"Authorization", "Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenInHeaderAndQueryOfAFormPostIsAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().postForm("/protected?access_token=x", "note=hello", "Authorization",
				"Bearer " + token), "query parameter");
	}

	@StackTest(cases = "malformedCredentials")
	void malformedBearerCredentialIsRejected(Stack stack, String authorization) {
		assertInvalidToken(stack.http().get("/protected", "Authorization", authorization), "malformed");
	}

	static Stream<String> malformedCredentials() {
		return Stream.of("Bearer", "Bearer ", "Bearer a b", "Bearer =abc", "Bearer abc\"def", "Bearer a,b");
	}

}
