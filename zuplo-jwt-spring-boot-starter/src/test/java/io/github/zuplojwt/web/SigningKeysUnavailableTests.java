package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the gateway's key set cannot be fetched and nothing is cached, a token can be
 * neither accepted nor judged: the answer is 503 with Retry-After, never 500 and never 200,
 * and the service recovers by itself, without a restart, once the keys are published.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.jwks.refresh-cooldown=1s" })
abstract class SigningKeysUnavailableTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@Test
	void failingKeySetEndpointAnswers503UntilItRecovers() {
		TestKey key = TestKey.ed25519("k1");
		String token = key.token().issuer(gateway.issuer()).audience("api").sign();
		HttpCalls http = new HttpCalls(this.port);
		gateway.stubFor(get(urlPathEqualTo(JwksServer.JWKS_PATH)).willReturn(aResponse().withStatus(502)));

		HttpResponse<String> down = http.getWithToken("/protected", token);

		assertProblem(down, 503, "signing keys");
		assertThat(down.headers().firstValue("Retry-After")).hasValue("1");

		gateway.publish(key);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(http.getWithToken("/protected", token).statusCode()).isEqualTo(200));
	}

}
