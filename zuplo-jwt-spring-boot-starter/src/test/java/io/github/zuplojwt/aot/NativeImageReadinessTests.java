package io.github.zuplojwt.aot;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.boot.ReactorNettyServer;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.test.agent.EnabledIfRuntimeHintsAgent;
import org.springframework.aot.test.agent.RuntimeHintsInvocations;
import org.springframework.aot.test.agent.RuntimeHintsRecorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which runtime hints a native image needs from the starter, found by running it rather than
 * guessed: Spring's runtime hints agent records every reflective call, resource lookup and
 * proxy made by the starter, Nimbus and BouncyCastle while a real application starts and
 * serves valid, bad and missing tokens of every key type, health and metrics, on each web
 * stack, and each must be covered by {@link ZuploJwtRuntimeHints}. What Spring itself reflects on (the starter's
 * beans, properties and spring.factories) is covered by Spring's AOT processing. If this test
 * fails, register exactly what it names.
 * <p>
 * Runs in the build's {@code runtime-hints} test execution, which attaches the agent.
 */
@EnabledIfRuntimeHintsAgent
class NativeImageReadinessTests {

	private static final String AUDIENCE = "api";

	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "servlet", "reactive" })
	void servingTokensMakesNoCallThatANativeImageNeedsAHintFor(String stack) {
		TestKey rsa = TestKey.rsa("rs");
		TestKey ps = TestKey.rsa("ps", 2048, JWSAlgorithm.PS256);
		TestKey ec = TestKey.ec("ec");
		gateway.publish(gateway.key(), rsa, ps, ec);
		// Signed before the recording: only what the application does is judged, not how the test makes tokens.
		List<String> tokens = Stream.of(gateway.key(), rsa, ps, ec)
			.map((key) -> key.token().issuer(gateway.issuer()).audience(AUDIENCE).sign())
			.toList();
		String expired = gateway.expiredToken();

		RuntimeHintsInvocations invocations = RuntimeHintsRecorder.record(() -> {
			try (ConfigurableApplicationContext application = SpringApplication.run(
					new Class<?>[] { TestApplication.class, ReactorNettyServer.class },
					new String[] { "--spring.main.web-application-type=" + stack, "--server.port=0",
							"--zuplo.issuer=" + gateway.issuer(), "--zuplo.audiences=" + AUDIENCE,
							"--zuplo.algorithms=EdDSA,RS256,PS256,ES256",
							"--management.endpoints.web.exposure.include=health,metrics",
							"--management.endpoint.health.show-details=always" })) {
				HttpCalls http = new HttpCalls(
						Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
				for (String token : tokens) {
					assertThat(http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
					assertThat(http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
				}
				assertThat(http.getWithToken("/protected", expired).statusCode()).isEqualTo(401);
				assertThat(http.getWithToken("/protected", "not.a.token").statusCode()).isEqualTo(401);
				assertThat(http.get("/protected").statusCode()).isEqualTo(401);
				String token = tokens.get(0);
				HttpResponse<String> health = http.get("/actuator/health");
				assertThat(health.body()).contains("keys-cached");
				assertThat(http.getWithToken("/actuator/metrics/zuplo.token.verification", token).statusCode())
					.isEqualTo(200);
			}
		});

		RuntimeHints hints = new RuntimeHints();
		new ZuploJwtRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(invocations).match(hints);
	}

}
