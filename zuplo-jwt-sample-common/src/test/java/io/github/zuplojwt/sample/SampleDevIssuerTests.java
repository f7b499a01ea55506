package io.github.zuplojwt.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample as a new user first runs it: the {@code dev} profile and no Zuplo issuer
 * configured, so the development issuer stands in, and its tokens open {@code /protected}
 * over real HTTP. Each sample runs these tests on its own stack; the sample application is
 * found in the package of the concrete test class.
 */
public abstract class SampleDevIssuerTests extends AbstractDevProfileTests {

	@Test
	void protectedAnswersAccessGrantedWithTheTokensClaims() throws Exception {
		HttpResponse<String> response = get("/protected", "Bearer " + this.devIssuer.mintDemoToken());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsEntry("message", "Access granted");
		assertThat(JSONObjectUtils.getJSONObject(body, "user")).containsEntry("sub", "dev-consumer")
			.containsEntry("iss", this.devIssuer.issuer())
			.containsEntry("plan", "gold");
	}

	@Test
	void protectedWithoutTokenIsUnauthorizedWithProblemDetails() throws Exception {
		HttpResponse<String> response = get("/protected", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
				+ "\"detail\":\"a bearer token is required: send it in the Authorization header\","
				+ "\"instance\":\"/protected\"}");
	}

	@Test
	void tamperedTokenIsUnauthorizedWithAReason() throws Exception {
		String token = this.devIssuer.mintDemoToken();
		String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

		HttpResponse<String> response = get("/protected", "Bearer " + tampered);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token", "signature"));
		assertThat((String) JSONObjectUtils.parse(response.body()).get("detail")).contains("signature");
	}

	@Test
	void meShowsTheTypedPrincipal() throws Exception {
		HttpResponse<String> response = get("/me", "Bearer " + this.devIssuer.mintDemoToken());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> me = JSONObjectUtils.parse(response.body());
		assertThat(me).containsEntry("consumer", "dev-consumer");
		assertThat(JSONObjectUtils.getJSONObject(me, "metadata")).containsEntry("plan", "gold")
			.containsEntry("companyId", "acme-dev");
	}

	@Test
	void goldEndpointOpensForTheGoldPlanOnly() throws Exception {
		HttpResponse<String> gold = get("/gold", "Bearer " + this.devIssuer.mintDemoToken());

		assertThat(gold.statusCode()).isEqualTo(200);
		assertThat(gold.body()).isEqualTo("{\"message\":\"Welcome to the gold plan, dev-consumer\"}");

		HttpResponse<String> silver = get("/gold",
				"Bearer " + this.devIssuer.mint("silver-consumer", Map.of("plan", "silver")));

		assertThat(silver.statusCode()).isEqualTo(403);
		assertThat(JSONObjectUtils.parse(silver.body())).containsEntry("error", "insufficient_scope");
		assertThat(silver.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("insufficient_scope"));
		assertThat(silver.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void indexIsPublic() throws Exception {
		HttpResponse<String> index = get("/", null);

		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).isEqualTo("{\"service\":\"zuplo-jwt-sample\",\"protected\":\"/protected\"}");
	}

	@Test
	void devTokenEndpointHandsOutWorkingTokens() throws Exception {
		HttpResponse<String> token = get("/dev/token", null);

		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(get("/protected", "Bearer " + token.body()).statusCode()).isEqualTo(200);
	}

}
