package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.JwksServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code zuplo} component of Actuator's health endpoint over real HTTP: listed without a
 * token, its details for callers with a valid token, never part of the liveness or readiness
 * groups, and never a reason to fetch keys. A second trusted issuer, whose tokens never
 * arrive, shows the state before the first token.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE,
				"management.endpoint.health.show-components=always",
				"management.endpoint.health.show-details=when-authorized",
				"management.endpoint.health.probes.enabled=true" })
abstract class HealthEndpointTests extends AbstractGatewayTokenTests {

	@RegisterExtension
	static final JwksServer quiet = JwksServer.create();

	@DynamicPropertySource
	static void quietIssuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuers[0].issuer", quiet::issuer);
	}

	@Test
	void healthListsTheZuploComponentWithoutATokenAndWithoutDetails() throws ParseException {
		Map<String, Object> health = json(this.http.get("/actuator/health"));

		assertThat(health).containsEntry("status", "UP");
		assertThat(zuplo(health)).containsKey("status").doesNotContainKey("details");
	}

	@Test
	void aValidTokenSeesEachIssuersKeyState() throws ParseException {
		assertThat(this.http.getWithToken("/protected", this.token).statusCode()).isEqualTo(200);

		Map<String, Object> zuplo = json(this.http.getWithToken("/actuator/health/zuplo", this.token));

		assertThat(zuplo).containsEntry("status", "UP");
		assertThat(issuer(zuplo, gateway)).containsEntry("state", "keys-cached")
			.containsEntry("keys", 1L)
			.containsEntry("location", gateway.jwksUri());
		assertThat(issuer(zuplo, quiet)).containsEntry("status", "UNKNOWN").containsEntry("state", "not-fetched");
	}

	@Test
	void healthChecksNeverFetchKeys() throws ParseException {
		assertThat(this.http.getWithToken("/protected", this.token).statusCode()).isEqualTo(200);
		int fetches = gateway.fetchCount();

		for (int i = 0; i < 5; i++) {
			json(this.http.get("/actuator/health"));
			json(this.http.getWithToken("/actuator/health/zuplo", this.token));
		}

		assertThat(gateway.fetchCount()).isEqualTo(fetches);
		assertThat(quiet.fetchCount()).isZero();
	}

	@Test
	void probeGroupsDoNotIncludeTheZuploComponent() {
		for (String group : new String[] { "liveness", "readiness" }) {
			HttpResponse<String> probe = this.http.getWithToken("/actuator/health/" + group, this.token);
			assertThat(probe.statusCode()).isEqualTo(200);
			assertThat(probe.body()).contains("\"status\":\"UP\"").doesNotContain("zuplo");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> zuplo(Map<String, Object> health) {
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("zuplo");
	}

	private static Map<String, Object> issuer(Map<String, Object> zuplo, JwksServer server) throws ParseException {
		Map<String, Object> details = JSONObjectUtils.getJSONObject(zuplo, "details");
		return JSONObjectUtils.getJSONObject(JSONObjectUtils.getJSONObject(details, "issuers"), server.issuer());
	}

	private static Map<String, Object> json(HttpResponse<String> response) throws ParseException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSONObjectUtils.parse(response.body());
	}

}
