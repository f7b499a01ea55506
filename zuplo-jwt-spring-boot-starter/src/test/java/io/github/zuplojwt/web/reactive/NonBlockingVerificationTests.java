package io.github.zuplojwt.web.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.support.GatedJwksServer;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.ReactiveStack;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A reactive application never blocks its event loop to verify a token. BlockHound is
 * installed for the whole JVM and records every blocking call made on a non-blocking thread
 * (Netty's event loops, Reactor's parallel scheduler); each test fails if one was made.
 * Tokens whose keys are cached are judged on the event loop; tokens that need a key fetch
 * wait for it elsewhere, so that with a single event-loop thread
 * ({@code reactor.netty.ioWorkerCount=1}, set by the build for this class's own JVM) the
 * application keeps answering while a fetch hangs.
 * <p>
 * BlockHound needs {@code -XX:+AllowRedefinitionToAddDeleteMethods} on JDK 13 and later;
 * the build runs the tests tagged {@code non-blocking} in a JVM of their own with that flag.
 */
@Tag("non-blocking")
@ReactiveStack
@SpringBootTest(classes = { TestApplication.class, NonBlockingVerificationTests.ThreadRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.public-paths=/public/**", "zuplo.jwks.refresh-cooldown=0s",
				"zuplo.jwks.read-timeout=20s" })
class NonBlockingVerificationTests {

	private static final List<String> blockingCalls = new CopyOnWriteArrayList<>();

	private static final GatedJwksServer gateway = GatedJwksServer.start();

	private static final TestKey key = TestKey.ed25519("ed-1");

	static {
		BlockHound.install((builder) -> builder.blockingMethodCallback((method) -> {
			blockingCalls.add(method + " on " + Thread.currentThread().getName());
			throw new BlockingOperationError(method);
		}));
		gateway.publish(key);
	}

	@LocalServerPort
	int port;

	HttpCalls http;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
		blockingCalls.clear();
	}

	@AfterEach
	void noBlockingCallWasMade() {
		assertThat(blockingCalls).as("blocking calls on non-blocking threads").isEmpty();
	}

	private String token(TestKey signer) {
		return signer.token().issuer(gateway.issuer()).audience("api").sign();
	}

	@Test
	void theServerRunsOnASingleEventLoopThread() {
		assertThat(LoopResources.DEFAULT_IO_WORKER_COUNT).isOne();
	}

	@Test
	void tokenWhoseKeysMustBeFetchedIsVerifiedOffTheEventLoop() {
		TestKey rotated = TestKey.ed25519("ed-fetched");
		gateway.publish(key, rotated);

		assertThat(this.http.getWithToken("/protected", token(rotated)).statusCode()).isEqualTo(200);
		assertThat(ThreadRecorder.lastJudgedOn.get()).startsWith("boundedElastic-").endsWith("(may block)");
	}

	@Test
	void tokenWhoseKeysAreCachedIsVerifiedOnTheEventLoopWithoutBlocking() {
		assertThat(this.http.getWithToken("/protected", token(key)).statusCode()).isEqualTo(200);

		assertThat(this.http.getWithToken("/protected", token(key)).statusCode()).isEqualTo(200);
		assertThat(ThreadRecorder.lastJudgedOn.get()).contains("-http-").endsWith("(event loop)");
	}

	@Test
	void rejectionsFromTheCacheAndAfterAFetchAreAnsweredWithoutBlocking() {
		this.http.getWithToken("/protected", token(key));

		assertProblem(this.http.getWithToken("/protected", token(TestKey.ed25519("ed-1"))), 401, "signature");
		String unknownKid = TestKey.ed25519("never-published").token().withKid().issuer(gateway.issuer())
			.audience("api").sign();
		assertProblem(this.http.getWithToken("/protected", unknownKid), 401, "no trusted signing key");
		assertProblem(this.http.get("/protected"), 401, "bearer token is required");
	}

	@Test
	void publicPathIsAnsweredWhileATokenRequestWaitsForKeys() throws Exception {
		TestKey rotated = TestKey.ed25519("ed-waiting");
		gateway.publish(key, rotated);
		gateway.closeGate();
		HttpClient client = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(request("/protected")
			.header("Authorization", "Bearer " + token(rotated)).build(), HttpResponse.BodyHandlers.ofString());
		try {
			assertThat(gateway.awaitRequest()).as("the token request started a key fetch").isTrue();

			HttpResponse<String> open = client.send(request("/public/hello").build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(open.body()).isEqualTo("hello");
			assertThat(waiting).as("the token request still waits for its keys").isNotDone();
		}
		finally {
			gateway.open();
		}
		assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void aKeyFetchOnANonBlockingThreadWouldBeCaught() throws Exception {
		TestKey stranger = TestKey.ed25519("ed-elsewhere");
		try (GatedJwksServer elsewhere = GatedJwksServer.start()) {
			elsewhere.publish(stranger);
			VerifyingJwtDecoder decoder = decoder(elsewhere);
			String token = stranger.token().issuer(elsewhere.issuer()).audience("api").sign();

			Throwable failure = catchThrowable(
					() -> Mono.fromCallable(() -> decoder.decode(token)).subscribeOn(Schedulers.parallel()).block());

			assertThat(failure).as("the decode on a non-blocking thread").isNotNull();
			assertThat(blockingCalls).isNotEmpty();
			blockingCalls.clear();
			decoder.destroy();
		}
	}

	private static VerifyingJwtDecoder decoder(GatedJwksServer server) {
		JwksSettings jwks = new JwksSettings(URI.create(server.issuer() + "/.well-known/jwks.json"),
				Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
				Duration.ofMinutes(1), 64 * 1024);
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA), Duration.ofSeconds(60), 8192,
				Clock.systemUTC());
		return VerifyingJwtDecoder.create(List.of(new TrustedIssuer(server.issuer(), jwks, Set.of(), Map.of())), policy,
				new VerificationKeys(new BouncyCastleEd25519Backend()), null);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(5));
	}

	/**
	 * Notes on which thread the last token was judged, through a token validator, and
	 * whether Reactor counts it as a non-blocking (event-loop) thread.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ThreadRecorder {

		static final AtomicReference<String> lastJudgedOn = new AtomicReference<>();

		@Bean
		OAuth2TokenValidator<Jwt> threadRecorder() {
			return (jwt) -> {
				lastJudgedOn.set(Thread.currentThread().getName()
						+ (Schedulers.isInNonBlockingThread() ? " (event loop)" : " (may block)"));
				return OAuth2TokenValidatorResult.success();
			};
		}

	}

}
