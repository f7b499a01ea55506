package io.github.zuplojwt.web;

import java.net.http.HttpResponse;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.SilentServer;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key server that accepts the connection and then sends nothing: the first token request
 * is answered 503 with {@code Retry-After} once the read timeout (1 s) has passed since the
 * connection stood. The connect timeout is a minute, so a fetch bounded by connect + read
 * timeout from its start would outlast the client's own timeout (30 s) instead.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.audiences=api", "zuplo.jwks.connect-timeout=60s", "zuplo.jwks.read-timeout=1s",
				"zuplo.jwks.cache-ttl=5m" })
class StalledKeyServerTests {

	/** Both stacks': started before their applications. */
	private static SilentServer gateway;

	/** The cold requests made so far, one per stack: each opens one connection of its own. */
	private static int coldRequests;

	@BeforeAll
	static void startGateway() {
		gateway = SilentServer.start();
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", () -> gateway.issuer());
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@StackTest
	void coldRequestIsAnsweredOnceTheReadTimeoutHasPassedSinceConnecting(Stack stack) {
		String token = TestKey.ed25519("k1").token().issuer(gateway.issuer()).audience("api").sign();

		HttpResponse<String> response = stack.http().getWithToken("/protected", token);
		coldRequests++;

		assertProblem(response, 503, "signing keys");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(gateway.accepted()).hasSize(coldRequests);
	}

}
