package io.github.zuplojwt.web;

import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.TestGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own security chain, written as docs/configuration.md and docs/webflux.md show for its stack
 * (each subclass imports the chain, named {@code api}): the starter's chain backs off, and
 * its decoder, principal, authorities and responses still apply. The chain opens
 * {@code /public/**}, needs {@code plan:enterprise} for {@code /whoami-enterprise} and a valid
 * token everywhere else.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.authorities-claim=plan", "zuplo.authority-prefix=plan:" })
public abstract class UserSecurityChainTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@LocalServerPort
	int port;

	@Autowired
	protected ApplicationContext context;

	private String token(String plan) {
		return gateway.token().claim("plan", plan).sign();
	}

	/** Asserts that the application's chain serves every request and the starter's is absent. */
	protected abstract void assertUsersChainServesEveryRequest();

	@Test
	void usersChainReplacesTheStarters() {
		assertUsersChainServesEveryRequest();
	}

	@Test
	void usersRulesApplyWithTheStartersDecoderPrincipalAndAuthorities() {
		HttpCalls http = new HttpCalls(this.port);

		assertThat(http.get("/public/hello").statusCode()).isEqualTo(200);
		assertThat(http.getWithToken("/whoami", token("silver")).body()).startsWith("consumer-alice [")
			.contains("plan:silver");
		assertThat(http.getWithToken("/me", token("silver")).body()).contains("\"consumer\":\"consumer-alice\"");
		assertThat(http.getWithToken("/whoami-enterprise", token("enterprise")).statusCode()).isEqualTo(404);
		assertProblem(http.getWithToken("/whoami-enterprise", token("silver")), 403, "authority");
	}

	@Test
	void startersResponsesAreKept() {
		HttpCalls http = new HttpCalls(this.port);

		assertProblem(http.get("/protected"), 401, "bearer token is required");
		assertInvalidToken(http.getWithToken("/protected", token("silver") + "x"), "malformed");
		assertProblem(http.get("/protected", "Authorization", "Bearer " + token("a"), "Authorization",
				"Bearer " + token("b")), 400, "more than one");
	}

}
