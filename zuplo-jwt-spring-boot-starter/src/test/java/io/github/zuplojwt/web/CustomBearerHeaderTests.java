package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

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
 * A gateway policy configured with its own header and prefix ({@code headerName:
 * X-Gateway-Token}, {@code tokenPrefix: Zuplo}): the token is read from that header only, and
 * the client's own {@code Authorization} header is left to the application.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.bearer.header-name=X-Gateway-Token", "zuplo.bearer.token-prefix=Zuplo" })
class CustomBearerHeaderTests {

	private static final String HEADER = "X-Gateway-Token";

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void tokenAfterTheConfiguredPrefixIsAccepted(Stack stack) {
		HttpResponse<String> response = stack.http().get("/protected", HEADER, "Zuplo " + gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("consumer-alice");
	}

	@StackTest
	void prefixIsCaseInsensitiveAndMayBeFollowedBySeveralSpaces(Stack stack) {
		assertThat(stack.http().get("/protected", HEADER, "zUPLO   " + gateway.token().sign()).statusCode())
			.isEqualTo(200);
	}

	@StackTest
	void tokenInTheAuthorizationHeaderIsLeftToTheApplication(Stack stack) {
		HttpResponse<String> response = stack.http().getWithToken("/protected", gateway.token().sign());

		Map<String, Object> body = assertProblem(response, 401, "bearer token is required");
		assertThat(body).containsEntry("detail",
				"a bearer token is required: send it in the X-Gateway-Token header after the prefix Zuplo");
	}

	@StackTest
	void clientsOwnAuthorizationHeaderBesideTheGatewayTokenIsNotASecondToken(Stack stack) {
		HttpResponse<String> response = stack.http()
			.get("/protected", HEADER, "Zuplo " + gateway.token().sign(), "Authorization",
					"Bearer the-clients-own-token");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@StackTest
	void valueWithAnotherPrefixIsNotAToken(Stack stack) {
		assertProblem(stack.http().get("/protected", HEADER, "Bearer " + gateway.token().sign()), 401,
				"bearer token is required");
	}

	@StackTest
	void malformedCredentialIsRejected(Stack stack) {
		assertInvalidToken(stack.http().get("/protected", HEADER, "Zuplo a b"), "malformed");
	}

	@StackTest
	void twoGatewayHeadersAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().get("/protected", HEADER, "Zuplo " + token, HEADER, "Zuplo " + token),
				"more than one bearer token");
	}

	@StackTest
	void twoTokensJoinedInTheGatewayHeaderAreAnInvalidRequest(Stack stack) {
		String token = gateway.token().sign();

		assertInvalidRequest(stack.http().get("/protected", HEADER, "Zuplo " + token + ", zuplo " + token),
				"more than one bearer token");
	}

	@StackTest
	void gatewayHeaderAndQueryTokenAreAnInvalidRequest(Stack stack) {
		assertInvalidRequest(stack.http().get("/protected?access_token=x", HEADER, "Zuplo " + gateway.token().sign()),
				"both in the X-Gateway-Token header and in the access_token query parameter");
	}

}
