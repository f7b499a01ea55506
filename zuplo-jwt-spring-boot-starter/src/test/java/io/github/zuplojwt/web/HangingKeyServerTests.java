package io.github.zuplojwt.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.GatedJwksServer;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key server that hangs cannot take the service hostage: while it holds the first fetch,
 * only {@code zuplo.jwks.max-waiting-requests} (2) token requests wait for it, every other one
 * is answered at once with 503 and {@code Retry-After}, and the public path and Actuator's
 * health endpoint keep answering, on a server with only 8 worker threads (Tomcat) for 30
 * token requests. Nothing here measures time: the key server holds the fetch until the test
 * opens its gate, and a client that waited on a server held hostage would run into its own
 * timeout, long before the held fetch could end. On the reactive stack the requests that wait
 * for keys wait on Reactor's {@code boundedElastic} scheduler; on the servlet stack, Tomcat's
 * 8 worker threads are platform threads.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.audiences=api", "zuplo.public-paths=/public/**", "zuplo.jwks.max-waiting-requests=2",
				"zuplo.jwks.read-timeout=60s", "zuplo.jwks.cache-ttl=5m", "server.tomcat.threads.max=8",
				"server.tomcat.threads.min-spare=2" })
class HangingKeyServerTests {

	private static final int TOKEN_REQUESTS = 30;

	private static final int MAX_WAITING = 2;

	private static final TestKey key = TestKey.ed25519("k1");

	/** Both stacks': started before their applications. */
	private static GatedJwksServer gateway;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startGateway() {
		gateway = GatedJwksServer.start();
		gateway.publish(key);
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", () -> gateway.issuer());
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	private static HttpRequest.Builder request(Stack stack, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port() + path))
			.timeout(Duration.ofSeconds(20));
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@StackTest
	void publicPathAndHealthAnswerWhileAHangingKeyServerHoldsTheRequestsThatWaitForIt(Stack stack)
			throws Exception {
		int fetchesBefore = gateway.requestCount();
		gateway.closeGate();
		String token = key.token().issuer(gateway.issuer()).audience("api").sign();
		List<CompletableFuture<HttpResponse<String>>> tokenRequests = new ArrayList<>();
		try {
			for (int i = 0; i < TOKEN_REQUESTS; i++) {
				tokenRequests.add(sendAsync(request(stack, "/protected").header("Authorization", "Bearer " + token)));
			}
			assertThat(gateway.awaitRequest()).as("a token request started a key fetch").isTrue();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> tokenRequests.stream().filter(CompletableFuture::isDone).count() == TOKEN_REQUESTS
						- MAX_WAITING);

			HttpResponse<String> open = this.client.send(request(stack, "/public/hello").build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> health = this.client.send(request(stack, "/actuator/health").build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(health.statusCode()).isEqualTo(200);
			List<HttpResponse<String>> refused = tokenRequests.stream()
				.filter(CompletableFuture::isDone)
				.map(CompletableFuture::join)
				.toList();
			for (HttpResponse<String> response : refused) {
				assertProblem(response, 503, "signing keys");
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
			assertThat(tokenRequests.stream().filter((request) -> !request.isDone())).as("still waiting")
				.hasSize(MAX_WAITING);
		}
		finally {
			gateway.open();
		}
		for (CompletableFuture<HttpResponse<String>> request : tokenRequests) {
			HttpResponse<String> response = request.get(20, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isIn(200, 503);
		}
		assertThat(tokenRequests.stream().filter((request) -> request.join().statusCode() == 200))
			.as("the requests that waited, once the keys arrived").hasSize(MAX_WAITING);
		assertThat(gateway.requestCount()).isEqualTo(fetchesBefore + 1);
	}

}
