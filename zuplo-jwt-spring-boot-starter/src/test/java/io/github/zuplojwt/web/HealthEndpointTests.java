package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code zuplo} component of Actuator's health endpoint over real HTTP: listed without a
 * token, its details for callers with a valid token, never part of the liveness or readiness
 * groups, and never a reason to fetch keys. A second trusted issuer, whose tokens never
 * arrive, shows the state before the first token.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "management.endpoint.health.show-components=always",
				"management.endpoint.health.show-details=when-authorized",
				"management.endpoint.health.probes.enabled=true" })
class HealthEndpointTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@TestGateway(trustedAs = "zuplo.issuers[0]")
	static Gateway quiet;

	@StackTest
	void healthListsTheZuploComponentWithoutATokenAndWithoutDetails(Stack stack) throws ParseException {
		Map<String, Object> health = json(stack.http().get("/actuator/health"));

		assertThat(health).containsEntry("status", "UP");
		assertThat(zuplo(health)).containsKey("status").doesNotContainKey("details");
	}

	@StackTest
	void aValidTokenSeesEachIssuersKeyState(Stack stack) throws ParseException {
		String token = gateway.token().sign();
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);

		Map<String, Object> zuplo = json(stack.http().getWithToken("/actuator/health/zuplo", token));

		assertThat(zuplo).containsEntry("status", "UP");
		assertThat(issuer(zuplo, gateway)).containsEntry("state", "keys-cached")
			.containsEntry("keys", 1L)
			.containsEntry("location", gateway.jwksUri());
		assertThat(issuer(zuplo, quiet)).containsEntry("status", "UNKNOWN").containsEntry("state", "not-fetched");
	}

	@StackTest
	void healthChecksNeverFetchKeys(Stack stack) throws ParseException {
		String token = gateway.token().sign();
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
		int fetches = gateway.fetchCount();

		for (int i = 0; i < 5; i++) {
			json(stack.http().get("/actuator/health"));
			json(stack.http().getWithToken("/actuator/health/zuplo", token));
		}

		assertThat(gateway.fetchCount()).isEqualTo(fetches);
		assertThat(quiet.fetchCount()).isZero();
	}

	@StackTest
	void probeGroupsDoNotIncludeTheZuploComponent(Stack stack) {
		String token = gateway.token().sign();
		for (String group : new String[] { "liveness", "readiness" }) {
			HttpResponse<String> probe = stack.http().getWithToken("/actuator/health/" + group, token);
			assertThat(probe.statusCode()).isEqualTo(200);
			assertThat(probe.body()).contains("\"status\":\"UP\"").doesNotContain("zuplo");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> zuplo(Map<String, Object> health) {
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("zuplo");
	}

	private static Map<String, Object> issuer(Map<String, Object> zuplo, Gateway server) throws ParseException {
		Map<String, Object> details = JSONObjectUtils.getJSONObject(zuplo, "details");
		return JSONObjectUtils.getJSONObject(JSONObjectUtils.getJSONObject(details, "issuers"), server.issuer());
	}

	private static Map<String, Object> json(HttpResponse<String> response) throws ParseException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSONObjectUtils.parse(response.body());
	}

}
