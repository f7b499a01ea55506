package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidRequest;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway policy configured with its own header and prefix ({@code headerName:
 * X-Gateway-Token}, {@code tokenPrefix: Zuplo}): the token is read from that header only, and
 * the client's own {@code Authorization} header is left to the application.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.bearer.header-name=X-Gateway-Token",
				"zuplo.bearer.token-prefix=Zuplo" })
abstract class CustomBearerHeaderTests extends AbstractGatewayTokenTests {

	private static final String HEADER = "X-Gateway-Token";

	@Test
	void tokenAfterTheConfiguredPrefixIsAccepted() {
		HttpResponse<String> response = this.http.get("/protected", HEADER, "Zuplo " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("consumer-alice");
	}

	@Test
	void prefixIsCaseInsensitiveAndMayBeFollowedBySeveralSpaces() {
		assertThat(this.http.get("/protected", HEADER, "zUPLO   " + this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenInTheAuthorizationHeaderIsLeftToTheApplication() {
		HttpResponse<String> response = this.http.get("/protected", "Authorization", "Bearer " + this.token);

		Map<String, Object> body = assertProblem(response, 401, "bearer token is required");
		assertThat(body).containsEntry("detail",
				"a bearer token is required: send it in the X-Gateway-Token header after the prefix Zuplo");
	}

	@Test
	void clientsOwnAuthorizationHeaderBesideTheGatewayTokenIsNotASecondToken() {
		HttpResponse<String> response = this.http.get("/protected", HEADER, "Zuplo " + this.token, "Authorization",
				"Bearer the-clients-own-token");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void valueWithAnotherPrefixIsNotAToken() {
		assertProblem(this.http.get("/protected", HEADER, "Bearer " + this.token), 401, "bearer token is required");
	}

	@Test
	void malformedCredentialIsRejected() {
		assertInvalidToken(this.http.get("/protected", HEADER, "Zuplo a b"), "malformed");
	}

	@Test
	void twoGatewayHeadersAreAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected", HEADER, "Zuplo " + this.token, HEADER, "Zuplo " + this.token),
				"more than one bearer token");
	}

	@Test
	void twoTokensJoinedInTheGatewayHeaderAreAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected", HEADER, "Zuplo " + this.token + ", zuplo " + this.token),
				"more than one bearer token");
	}

	@Test
	void gatewayHeaderAndQueryTokenAreAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected?access_token=x", HEADER, "Zuplo " + this.token),
				"both in the X-Gateway-Token header and in the access_token query parameter");
	}


}
