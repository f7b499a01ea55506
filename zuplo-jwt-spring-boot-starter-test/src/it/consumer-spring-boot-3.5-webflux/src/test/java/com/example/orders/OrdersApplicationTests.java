package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.zuplojwt.test.AutoConfigureZuploTestIssuer;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.SpringSecurityCoreVersion;

/**
 * The application on Spring Boot 3.5, over real HTTP, as the sample answers on Spring Boot 4:
 * the gateway's token reaches the controller, a missing or expired one gets the starter's
 * problem+json, Actuator's health is open and lists the zuplo component, its other endpoints
 * need a token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureZuploTestIssuer
class OrdersApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void theApplicationRunsOnSpringBoot35AndSpringSecurity65() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(SpringSecurityCoreVersion.getVersion()).startsWith("6.5.");
	}

	@Test
	void theGatewaysTokenReachesTheController() throws Exception {
		HttpResponse<String> response = get("/protected", this.issuer.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"message\":\"Access granted\"")
			.contains("\"iss\":\"" + this.issuer.issuer() + "\"");
	}

	@Test
	void withoutATokenTheStarterAnswersWithItsProblemResponse() throws Exception {
		HttpResponse<String> response = get("/protected", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
				+ "\"detail\":\"a bearer token is required: send it in the Authorization header\","
				+ "\"instance\":\"/protected\"}");
	}

	@Test
	void anExpiredTokenIsRefusedWithItsReason() throws Exception {
		HttpResponse<String> response = get("/protected", this.issuer.token().expired().sign());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer error=\"invalid_token\", error_description=\"token expired\"");
		assertThat(response.body()).contains("\"detail\":\"token expired\"").doesNotContain("eyJ");
	}

	@Test
	void healthIsOpenAndListsTheZuploComponentAndOtherEndpointsNeedAToken() throws Exception {
		String token = this.issuer.token().sign();
		assertThat(get("/protected", token).statusCode()).isEqualTo(200);

		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"zuplo\"");
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics/zuplo.token.verification", token).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
