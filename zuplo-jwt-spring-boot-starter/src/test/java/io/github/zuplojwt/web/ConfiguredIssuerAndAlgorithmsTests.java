package io.github.zuplojwt.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issuer configured with a trailing slash still finds its keys and matches the gateway's
 * tokens, and every algorithm family in the allow-list verifies.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.algorithms=EdDSA,RS512,PS256,ES256" })
abstract class ConfiguredIssuerAndAlgorithmsTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey ps256 = TestKey.rsa("ps-1", 2048, JWSAlgorithm.PS256);

	static final TestKey rs512 = TestKey.rsa("rs-1", 3072, JWSAlgorithm.RS512);

	static final TestKey ed25519 = TestKey.ed25519("ed-1");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuerWithTrailingSlash(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", () -> gateway.issuer() + "/");
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(ps256, rs512, ed25519);
	}

	@Test
	void trailingSlashOnTheConfiguredIssuerIsIgnoredForIssAndKeyLocation() {
		String token = ed25519.token().issuer(gateway.issuer()).audience("api").sign();

		assertThat(new HttpCalls(this.port).getWithToken("/protected", token).statusCode()).isEqualTo(200);
		assertThat(gateway.countRequestsMatching(getRequestedFor(urlPathMatching(".*//.*")).build()).getCount())
			.isZero();
	}

	@Test
	void ps256TokenIsAccepted() {
		String token = ps256.token().issuer(gateway.issuer()).audience("api").sign();

		assertThat(new HttpCalls(this.port).getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void rs512TokenIsAccepted() {
		String token = rs512.token().issuer(gateway.issuer()).audience("api").sign();

		assertThat(new HttpCalls(this.port).getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void rs256IsNotAllowedWhenTheListLeavesItOut() {
		TestKey rs256 = TestKey.rsa("rs256-1");
		String token = rs256.token().issuer(gateway.issuer()).audience("api").sign();

		assertInvalidToken(new HttpCalls(this.port).getWithToken("/protected", token), "algorithm RS256 is not allowed");
	}

	@Test
	void keyPublishedForOneAlgorithmIsNotUsedWithAnother() {
		String named = ps256.token()
			.withKid()
			.issuer(gateway.issuer())
			.audience("api")
			.algorithm(JWSAlgorithm.RS512)
			.sign();
		String unnamed = ps256.token().issuer(gateway.issuer()).audience("api").algorithm(JWSAlgorithm.RS512).sign();

		assertInvalidToken(new HttpCalls(this.port).getWithToken("/protected", named), "no trusted signing key");
		assertInvalidToken(new HttpCalls(this.port).getWithToken("/protected", unnamed), "signature");
	}

}
