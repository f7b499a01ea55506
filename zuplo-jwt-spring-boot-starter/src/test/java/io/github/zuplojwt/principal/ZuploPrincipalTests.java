package io.github.zuplojwt.principal;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed principal and authorities as a controller sees them, with a principal claim
 * other than {@code sub} and authorities nested in the token.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.principal-claim=consumer_name",
				"zuplo.authorities-claim=data.roles", "zuplo.authority-prefix=role:" })
class ZuploPrincipalTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@LocalServerPort
	int port;

	private String token(Object roles) {
		return gateway.token()
			.subject("key_consumer_42")
			.claim("consumer_name", "acme-mobile-app")
			.claim("plan", "gold")
			.claim("companyId", "acme")
			.claim("data", Map.of("roles", roles))
			.sign();
	}

	@Test
	void typedPrincipalExposesTheConsumerTheConfiguredNameAndTheMetadata() throws Exception {
		HttpResponse<String> response = new HttpCalls(this.port).getWithToken("/me", token("reader"));

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> me = JSONObjectUtils.parse(response.body());
		assertThat(me).containsEntry("name", "acme-mobile-app").containsEntry("consumer", "key_consumer_42");
		assertThat(JSONObjectUtils.getJSONObject(me, "metadata")).containsEntry("plan", "gold")
			.containsEntry("companyId", "acme")
			.containsEntry("consumer_name", "acme-mobile-app")
			.doesNotContainKeys("iss", "sub", "aud", "exp", "iat");
	}

	@Test
	void jwtParameterStillReceivesTheSameToken() throws Exception {
		HttpResponse<String> response = new HttpCalls(this.port).getWithToken("/protected", token("reader"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(response.body()), "user"))
			.containsEntry("sub", "key_consumer_42");
	}

	@Test
	void authenticationNameIsTheConfiguredPrincipalClaim() {
		HttpResponse<String> response = new HttpCalls(this.port).getWithToken("/whoami", token("reader"));

		assertThat(response.body()).startsWith("acme-mobile-app ").contains("role:reader");
	}

	@Test
	void nestedAuthorityOpensAnAuthorityProtectedEndpoint() {
		HttpResponse<String> response = new HttpCalls(this.port).getWithToken("/admin",
				token(java.util.List.of("reader", "admin")));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void missingAuthorityIsForbiddenWithInsufficientScope() {
		HttpResponse<String> response = new HttpCalls(this.port).getWithToken("/admin", token("reader"));

		assertProblem(response, 403, "authority");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("insufficient_scope"));
	}

}
