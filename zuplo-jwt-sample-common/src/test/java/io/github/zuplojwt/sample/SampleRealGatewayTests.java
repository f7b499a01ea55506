package io.github.zuplojwt.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.zuplojwt.sample.devissuer.DevIssuer;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample started the way docs/samples.md says for a real gateway ({@code --zuplo.issuer}): it
 * trusts that gateway's keys, and the development issuer and its {@code /dev/token}
 * endpoint do not exist, even when the {@code dev} profile is active as well. The test kit's
 * issuer stands for the gateway.
 */
public abstract class SampleRealGatewayTests {

	private static final String AUDIENCE = "https://api.example.com";

	private ZuploTestIssuer gateway;

	private ConfigurableApplicationContext application;

	/** The sample's application class. */
	protected abstract Class<?> application();

	@BeforeEach
	void start() {
		this.gateway = ZuploTestIssuer.start();
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		this.gateway.close();
	}

	@Test
	void configuredIssuerIsTrustedAndTheDevIssuerIsOff() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--zuplo.issuer=" + this.gateway.issuer(), "--zuplo.audiences=" + AUDIENCE);

		assertGatewayTrustedAndDevIssuerAbsent();
	}

	@Test
	void configuredIssuerWinsOverTheDevProfile() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--spring.profiles.active=dev", "--zuplo.issuer=" + this.gateway.issuer(), "--zuplo.audiences=" + AUDIENCE);

		assertGatewayTrustedAndDevIssuerAbsent();
	}

	@Test
	void everyShapeOfTheGatewaysTokenIsAccepted() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--zuplo.issuer=" + this.gateway.issuer(), "--zuplo.audiences=" + AUDIENCE);

		assertThat(call("/protected", this.gateway.token().audience(AUDIENCE).sign()).statusCode()).isEqualTo(200);
		assertThat(call("/protected", this.gateway.token()
			.claim("plan", "gold")
			.claim("companyId", "c-42")
			.audience(AUDIENCE)
			.subject("alice")
			.sign()).statusCode()).isEqualTo(200);
		assertThat(call("/protected", this.gateway.token().audience(AUDIENCE).algorithm("RS256").sign()).statusCode())
			.isEqualTo(200);
		assertThat(call("/protected", this.gateway.token().sign()).statusCode()).as("no aud, an audience configured")
			.isEqualTo(401);
	}

	@Test
	void theDefaultPolicysTokenIsAcceptedWhenNoAudienceIsConfigured() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--zuplo.issuer=" + this.gateway.issuer());

		HttpResponse<String> response = call("/me", this.gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"name\":\"" + this.gateway.issuer() + "\",\"consumer\":null");
	}

	private void assertGatewayTrustedAndDevIssuerAbsent() throws Exception {
		assertThat(this.application.getBeanNamesForType(DevIssuer.class)).isEmpty();
		String token = this.gateway.token().subject("consumer-7").audience(AUDIENCE).sign();
		assertThat(call("/protected", token).statusCode()).isEqualTo(200);
		assertThat(call("/dev/token", null).statusCode()).isEqualTo(401);
		assertThat(call("/dev/token", token).statusCode()).isEqualTo(404);
		String forged = this.gateway.token().audience(AUDIENCE).unpublishedKey().sign();
		assertThat(call("/protected", forged).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> call(String path, String token) throws Exception {
		String port = this.application.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
