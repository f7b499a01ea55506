package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

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
@BothStacks(classes = TestApplication.class, properties = "zuplo.jwks.refresh-cooldown=1s")
class SigningKeysUnavailableTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void failingKeySetEndpointAnswers503UntilItRecovers(Stack stack) {
		String token = gateway.token().sign();
		HttpCalls http = stack.http();
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(502)));

		HttpResponse<String> down = http.getWithToken("/protected", token);

		assertProblem(down, 503, "signing keys");
		assertThat(down.headers().firstValue("Retry-After")).hasValue("1");

		gateway.publish(gateway.key());

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(http.getWithToken("/protected", token).statusCode()).isEqualTo(200));
	}

}
