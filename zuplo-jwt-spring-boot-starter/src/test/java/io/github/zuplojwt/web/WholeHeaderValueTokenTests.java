package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway policy with its own header and an empty prefix ({@code headerName: X-Zuplo-Jwt},
 * {@code tokenPrefix: ""}): the header's whole value is the token.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.bearer.header-name=X-Zuplo-Jwt", "zuplo.bearer.token-prefix=" })
abstract class WholeHeaderValueTokenTests extends AbstractGatewayTokenTests {

	private static final String HEADER = "X-Zuplo-Jwt";

	@Test
	void wholeHeaderValueIsTheToken() {
		HttpResponse<String> response = this.http.get("/protected", HEADER, this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("consumer-alice");
	}

	@Test
	void valueWithAPrefixIsMalformed() {
		assertInvalidToken(this.http.get("/protected", HEADER, "Bearer " + this.token), "malformed");
	}

	@Test
	void tokenInTheAuthorizationHeaderIsLeftToTheApplication() {
		HttpResponse<String> response = this.http.get("/protected", "Authorization", "Bearer " + this.token);

		Map<String, Object> body = assertProblem(response, 401, "bearer token is required");
		assertThat(body).containsEntry("detail",
				"a bearer token is required: send it as the whole value of the X-Zuplo-Jwt header");
	}

	@Test
	void twoHeadersAreAnInvalidRequest() {
		assertProblem(this.http.get("/protected", HEADER, this.token, HEADER, this.token), 400,
				"more than one bearer token");
	}

	@Test
	void twoTokensJoinedInOneHeaderAreAnInvalidRequest() {
		assertProblem(this.http.get("/protected", HEADER, this.token + ", " + this.token), 400,
				"more than one bearer token");
	}

	@Test
	void headerAndQueryTokenAreAnInvalidRequest() {
		assertProblem(this.http.get("/protected?access_token=" + this.token, HEADER, this.token), 400, "both");
	}

}
