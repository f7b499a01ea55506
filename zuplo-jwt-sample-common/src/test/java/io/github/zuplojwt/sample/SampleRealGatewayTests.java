package io.github.zuplojwt.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zuplojwt.sample.devissuer.DevIssuer;
import io.github.zuplojwt.sample.devissuer.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample started the way the README says for a real gateway ({@code --zuplo.issuer}): it
 * trusts that gateway's keys, and the development issuer and its {@code /dev/token}
 * endpoint do not exist, even when the {@code dev} profile is active as well.
 */
public abstract class SampleRealGatewayTests {

	private static final String AUDIENCE = "https://api.example.com";

	private final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

	private ConfigurableApplicationContext application;

	private String issuer;

	private SigningKey gatewayKey;

	/** The sample's application class. */
	protected abstract Class<?> application();

	@BeforeEach
	void start() {
		this.gateway.start();
		this.issuer = this.gateway.baseUrl() + "/__zuplo/issuer";
		this.gatewayKey = SigningKey.generate(this.issuer);
		this.gateway.stubFor(get(urlPathEqualTo("/__zuplo/issuer/.well-known/jwks.json")).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody(this.gatewayKey.jwksJson())));
	}

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		this.gateway.stop();
	}

	@Test
	void configuredIssuerIsTrustedAndTheDevIssuerIsOff() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--zuplo.issuer=" + this.issuer, "--zuplo.audiences=" + AUDIENCE);

		assertGatewayTrustedAndDevIssuerAbsent();
	}

	@Test
	void configuredIssuerWinsOverTheDevProfile() throws Exception {
		this.application = SpringApplication.run(application(), "--server.port=0",
				"--spring.profiles.active=dev", "--zuplo.issuer=" + this.issuer, "--zuplo.audiences=" + AUDIENCE);

		assertGatewayTrustedAndDevIssuerAbsent();
	}

	private void assertGatewayTrustedAndDevIssuerAbsent() throws Exception {
		assertThat(this.application.getBeanNamesForType(DevIssuer.class)).isEmpty();
		String token = this.gatewayKey.mint("consumer-7", AUDIENCE, Map.of(), Duration.ofMinutes(5));
		assertThat(call("/protected", token).statusCode()).isEqualTo(200);
		assertThat(call("/dev/token", null).statusCode()).isEqualTo(401);
		assertThat(call("/dev/token", token).statusCode()).isEqualTo(404);
		SigningKey stranger = SigningKey.generate(this.issuer);
		assertThat(call("/protected", stranger.mint("x", AUDIENCE, Map.of(), Duration.ofMinutes(5))).statusCode())
			.isEqualTo(401);
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
