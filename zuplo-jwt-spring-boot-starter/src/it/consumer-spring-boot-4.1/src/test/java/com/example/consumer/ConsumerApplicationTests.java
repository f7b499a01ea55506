package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter, resolved as a dependency of an application on another Spring Boot 4.1 patch
 * release than the one it was built with, runs on the application's version and protects it: a request without a token is refused, a token signed
 * by the configured issuer's key is accepted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTests {

	private static final String ISSUER_PATH = "/__zuplo/issuer";

	private static final RSAKey KEY = generateKey();

	private static final HttpServer JWKS = startJwksServer();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", ConsumerApplicationTests::issuer);
		registry.add("zuplo.audiences", () -> "https://consumer.example");
	}

	@AfterAll
	static void stopJwksServer() {
		JWKS.stop(0);
	}

	@Test
	void applicationRunsOnTheSpringBootVersionItChoseNotTheOneTheStarterWasBuiltWith() {
		String chosen = System.getProperty("application.spring-boot.version");
		assertThat(chosen).isNotEqualTo(System.getProperty("starter.spring-boot.version")).startsWith("4.1.");
		assertThat(SpringBootVersion.getVersion()).isEqualTo(chosen);
		assertThat(SecurityAutoConfiguration.class.getPackage().getImplementationVersion())
			.isEqualTo(chosen);
	}

	@Test
	void requestWithoutATokenIsRefusedWithAProblemResponse() throws Exception {
		HttpResponse<String> response = get(null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void tokenSignedByTheIssuerReachesTheController() throws Exception {
		HttpResponse<String> response = get(token());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"consumer\":\"acme-consumer\"");
	}

	private HttpResponse<String> get(String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/protected"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token() throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject("acme-consumer")
			.audience("https://consumer.example")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build();
		// As the gateway signs it with the JWT Service plugin's RS256: no kid, no typ.
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new RSASSASigner(KEY));
		return jwt.serialize();
	}

	private static String issuer() {
		return "http://127.0.0.1:" + JWKS.getAddress().getPort() + ISSUER_PATH;
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("consumer-key").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startJwksServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext(ISSUER_PATH + "/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				exchange.getResponseBody().write(jwks);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
