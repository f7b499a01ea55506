package io.github.zuplojwt.web;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;

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
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.audiences=api", "zuplo.algorithms=EdDSA,RS512,PS256,ES256" })
class ConfiguredIssuerAndAlgorithmsTests {

	/** Trusted under the issuer with a trailing slash that {@code issuerWithTrailingSlash} configures. */
	@TestGateway(audience = "api", trustedAs = "")
	static Gateway gateway;

	static final TestKey ps256 = TestKey.rsa("ps-1", 2048, JWSAlgorithm.PS256);

	static final TestKey rs512 = TestKey.rsa("rs-1", 3072, JWSAlgorithm.RS512);

	@DynamicPropertySource
	static void issuerWithTrailingSlash(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", () -> gateway.issuer() + "/");
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(ps256, rs512, gateway.key());
	}

	@StackTest
	void trailingSlashOnTheConfiguredIssuerIsIgnoredForIssAndKeyLocation(Stack stack) {
		String token = gateway.token().sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
		assertThat(gateway.countRequestsMatching(getRequestedFor(urlPathMatching(".*//.*")).build()).getCount())
			.isZero();
	}

	@StackTest
	void ps256TokenIsAccepted(Stack stack) {
		String token = ps256.token().issuer(gateway.issuer()).audience("api").sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void rs512TokenIsAccepted(Stack stack) {
		String token = rs512.token().issuer(gateway.issuer()).audience("api").sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void rs256IsNotAllowedWhenTheListLeavesItOut(Stack stack) {
		TestKey rs256 = TestKey.rsa("rs256-1");
		String token = rs256.token().issuer(gateway.issuer()).audience("api").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "algorithm RS256 is not allowed");
	}

	@StackTest
	void keyPublishedForOneAlgorithmIsNotUsedWithAnother(Stack stack) {
		String named = ps256.token()
			.withKid()
			.issuer(gateway.issuer())
			.audience("api")
			.algorithm(JWSAlgorithm.RS512)
			.sign();
		String unnamed = ps256.token().issuer(gateway.issuer()).audience("api").algorithm(JWSAlgorithm.RS512).sign();

		assertInvalidToken(stack.http().getWithToken("/protected", named), "no trusted signing key");
		assertInvalidToken(stack.http().getWithToken("/protected", unnamed), "signature");
	}

}
