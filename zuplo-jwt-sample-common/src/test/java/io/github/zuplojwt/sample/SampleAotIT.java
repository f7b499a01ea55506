package io.github.zuplojwt.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged sample, AOT-processed by the build, started as its own process with
 * {@code -Dspring.aot.enabled=true} against a gateway stand-in on the loopback interface:
 * it runs on the generated context and serves real tokens. Each sample runs these
 * integration tests on its own jar, named by the {@code sample.jar} system property.
 */
public abstract class SampleAotIT {

	private static final String AUDIENCE = "https://api.example.com";

	private static final Pattern STARTED = Pattern.compile("(?:Tomcat|Netty) started on port (\\d+)");

	private static ZuploTestIssuer gateway;

	private static final List<String> output = new CopyOnWriteArrayList<>();

	private static Process sample;

	private static int port;

	private static boolean keysFetchedBeforeAnyRequest;

	@BeforeAll
	static void start() throws Exception {
		gateway = ZuploTestIssuer.start();
		String issuer = gateway.issuer();
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		sample = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
				"--zuplo.issuer=" + issuer, "--zuplo.audiences=" + AUDIENCE, "--zuplo.jwks.warm-up=true")
			.redirectErrorStream(true)
			.start();
		port = awaitPort(sample, Duration.ofSeconds(90));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!keysFetchedBeforeAnyRequest && System.nanoTime() < deadline) {
			keysFetchedBeforeAnyRequest = gateway.keySetRequests() > 0;
			Thread.sleep(50);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (sample != null) {
			sample.destroy();
			if (!sample.waitFor(20, TimeUnit.SECONDS)) {
				sample.destroyForcibly();
			}
		}
		if (gateway != null) {
			gateway.close();
		}
	}

	/** The sample's application class. */
	protected abstract Class<?> application();

	@Test
	void theSampleRunsOnTheAotGeneratedContext() {
		assertThat(output).anySatisfy((line) -> assertThat(line)
			.contains("Starting AOT-processed " + application().getSimpleName() + " "));
	}

	@Test
	void warmUpSetAtRunTimeIsHonoured() {
		assertThat(keysFetchedBeforeAnyRequest).as("keys fetched at startup, before any request").isTrue();
	}

	@Test
	void aRealTokenOpensProtected() throws Exception {
		String token = gateway.token().subject("consumer-7").audience(AUDIENCE).claim("plan", "gold").sign();

		HttpResponse<String> response = call("/protected", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted", "consumer-7");
	}

	@Test
	void withoutATokenProtectedIsUnauthorizedAndHealthIsOpen() throws Exception {
		assertThat(call("/protected", null).statusCode()).isEqualTo(401);
		HttpResponse<String> health = call("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"zuplo\"");
	}

	private static int awaitPort(Process process, Duration timeout) throws Exception {
		CompletableFuture<Integer> started = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					Matcher matcher = STARTED.matcher(line);
					if (matcher.find()) {
						started.complete(Integer.parseInt(matcher.group(1)));
					}
				}
			}
			catch (Exception ex) {
				started.completeExceptionally(ex);
			}
			started.completeExceptionally(new IllegalStateException("the sample exited:\n" + String.join("\n", output)));
		}, "sample-output");
		reader.setDaemon(true);
		reader.start();
		return started.get(timeout.toSeconds(), TimeUnit.SECONDS);
	}

	private static HttpResponse<String> call(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
