package io.github.zuplojwt.web;

import java.time.Duration;
import java.time.Instant;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests that call a running {@link TestApplication} over HTTP share: a gateway
 * stand-in that is the configured issuer and publishes one Ed25519 key, a client for the
 * application's port, and tokens for the audience {@value #AUDIENCE}. Subclasses are
 * {@code @SpringBootTest(classes = TestApplication.class, webEnvironment = RANDOM_PORT)} and
 * set {@code zuplo.audiences} to {@value #AUDIENCE}.
 */
abstract class AbstractGatewayTokenTests {

	static final String AUDIENCE = "api";

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey key = TestKey.ed25519("ed-1");

	@LocalServerPort
	int port;

	HttpCalls http;

	/** A valid token, signed afresh for each test. */
	String token;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(key);
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
		this.token = validToken().sign();
	}

	/** A token the application accepts, to be changed or signed as it is. */
	TokenBuilder validToken() {
		return key.token().issuer(gateway.issuer()).audience(AUDIENCE);
	}

	/** A token that expired five minutes ago, well beyond the clock skew. */
	String expiredToken() {
		return validToken().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
	}

}
