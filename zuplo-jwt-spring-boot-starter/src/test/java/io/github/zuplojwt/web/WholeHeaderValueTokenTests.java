package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway policy with its own header and an empty prefix ({@code headerName: X-Zuplo-Jwt},
 * {@code tokenPrefix: ""}): the header's whole value is the token.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.bearer.header-name=X-Zuplo-Jwt", "zuplo.bearer.token-prefix=" })
class WholeHeaderValueTokenTests {

	private static final String HEADER = "X-Zuplo-Jwt";

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void wholeHeaderValueIsTheToken(Stack stack) {
		HttpResponse<String> response = stack.http().get("/protected", HEADER, gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("consumer-alice");
	}

	@StackTest
	void valueWithAPrefixIsMalformed(Stack stack) {
		assertInvalidToken(stack.http().get("/protected", HEADER, "Bearer " + gateway.token().sign()), "malformed");
	}

	@StackTest
	void tokenInTheAuthorizationHeaderIsLeftToTheApplication(Stack stack) {
		HttpResponse<String> response = stack.http().getWithToken("/protected", gateway.token().sign());

		Map<String, Object> body = assertProblem(response, 401, "bearer token is required");
		assertThat(body).containsEntry("detail",
				"a bearer token is required: send it as the whole value of the X-Zuplo-Jwt header");
	}

	@StackTest
	void twoHeadersAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().get("/protected", HEADER, token, HEADER, token), 400,
				"more than one bearer token");
	}

	@StackTest
	void twoTokensJoinedInOneHeaderAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().get("/protected", HEADER, token + ", " + token), 400,
				"more than one bearer token");
	}

	@StackTest
	void headerAndQueryTokenAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertProblem(stack.http().get("/protected?access_token=" + token, HEADER, token), 400, "both");
	}

}
