package io.github.zuplojwt.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for a Zuplo gateway's issuer, for tests: it runs in the test's JVM on a free
 * loopback port, publishes an Ed25519 (EdDSA) and an RSA (RS256) public key as a JSON Web
 * Key Set at {@code <issuer>/.well-known/jwks.json} (and an OpenID discovery document
 * beside it), and signs Zuplo-shaped tokens with the private halves, which never leave
 * memory.
 * <p>
 * With {@link AutoConfigureZuploTestIssuer @AutoConfigureZuploTestIssuer} on a test class,
 * the application under test trusts it and the test can {@code @Autowired} it. It can also
 * rotate its keys and fail like a gateway in an outage, for tests of those paths.
 */
public final class ZuploTestIssuer implements AutoCloseable {

	/**
	 * The audience the application accepts under {@code @AutoConfigureZuploTestIssuer} when
	 * it configures none, and that tokens then carry.
	 */
	public static final String DEFAULT_AUDIENCE = "https://backend.zuplo-test.invalid";

	/** The bean name of the issuer an application context trusts. */
	static final String BEAN_NAME = "zuploTestIssuer";

	private static final String ISSUER_PROPERTIES = "zuploTestIssuer";

	private static final String DEFAULT_PROPERTIES = "zuploTestIssuerDefaults";

	private static final String ISSUER_PATH = "/__zuplo/issuer";

	/** How Zuplo serves its key set and discovery document. */
	private static final String ZUPLO_CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=15,"
			+ " stale-if-error=86400";

	private final HttpServer server;

	private final ExecutorService executor;

	private final String issuer;

	private volatile KeySet keys = KeySet.generate();

	private final Map<String, IssuerKey> unpublishedKeys = new ConcurrentHashMap<>();

	private final AtomicInteger keySetRequests = new AtomicInteger();

	private volatile Behaviour behaviour = Behaviour.NORMAL;

	private volatile CountDownLatch hangRelease = new CountDownLatch(0);

	private volatile Supplier<ApplicationSettings> application = () -> ApplicationSettings.DEFAULTS;

	private ZuploTestIssuer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
		this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + ISSUER_PATH;
	}

	/**
	 * Starts an issuer for an application context that has not been refreshed yet, and closes
	 * it with the context: it becomes the bean {@value #BEAN_NAME}, and, if
	 * {@code replaceConfiguredIssuer}, the application's {@code zuplo.issuer} and
	 * {@code zuplo.jwks-uri} in place of whatever its configuration names. Without any
	 * {@code zuplo.audiences}, the application accepts {@link #DEFAULT_AUDIENCE}.
	 */
	static ZuploTestIssuer startFor(ConfigurableApplicationContext context, boolean replaceConfiguredIssuer) {
		ZuploTestIssuer issuer = start();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (replaceConfiguredIssuer) {
			// First: the test issuer replaces whatever issuer the application's own configuration names.
			environment.getPropertySources()
				.addFirst(new MapPropertySource(ISSUER_PROPERTIES,
						Map.of("zuplo.issuer", issuer.issuer(), "zuplo.jwks-uri", issuer.jwksUri())));
		}
		// Last: a default that any audience the application or the test configures overrides.
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULT_PROPERTIES, Map.of("zuplo.audiences", DEFAULT_AUDIENCE)));
		issuer.application(() -> ApplicationSettings.of(environment));
		context.getBeanFactory().registerSingleton(BEAN_NAME, issuer);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				issuer.close();
			}
		});
		return issuer;
	}

	/** Starts an issuer on a free port of 127.0.0.1, with fresh keys. */
	public static ZuploTestIssuer start() {
		ExecutorService executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "zuplo-test-issuer");
			thread.setDaemon(true);
			return thread;
		});
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(executor);
			ZuploTestIssuer testIssuer = new ZuploTestIssuer(server, executor);
			server.createContext(ISSUER_PATH + "/.well-known/jwks.json", testIssuer::keySet);
			server.createContext(ISSUER_PATH + "/.well-known/openid-configuration", testIssuer::discovery);
			server.start();
			return testIssuer;
		}
		catch (IOException ex) {
			executor.shutdownNow();
			throw new UncheckedIOException("Could not start the Zuplo test issuer on a loopback port.", ex);
		}
	}

	/** The issuer URL, as tokens name it in {@code iss}: {@code http://127.0.0.1:<port>/__zuplo/issuer}. */
	public String issuer() {
		return this.issuer;
	}

	/** Where the public keys are published: {@code <issuer>/.well-known/jwks.json}. */
	public String jwksUri() {
		return this.issuer + "/.well-known/jwks.json";
	}

	/**
	 * A token laid out as the Upstream Zuplo JWT policy signs it: header
	 * {@code {"alg":"EdDSA"}} (no {@code kid}), valid for an hour.
	 */
	public ZuploTokenBuilder token() {
		return ZuploTokenBuilder.upstream(this);
	}

	/** A Zuplo Identity Token: RS256, {@code kid} {@code atky_…}, valid for ten hours. */
	public ZuploTokenBuilder identityToken() {
		return ZuploTokenBuilder.identity(this);
	}

	/**
	 * Rotates the keys as a gateway does: new keys sign from now on and are published next
	 * to the previous ones, which keep verifying the tokens they signed until
	 * {@link #unpublishPreviousKeys()}.
	 */
	public void rotateKeys() {
		this.keys = this.keys.rotate();
	}

	/** Publishes only the current keys: tokens signed before {@link #rotateKeys()} no longer verify once the application fetches the keys again. */
	public void unpublishPreviousKeys() {
		this.keys = this.keys.withoutPrevious();
	}

	/** From now on, key set and discovery requests get {@code 503 Service Unavailable}. */
	public void outage() {
		this.behaviour = Behaviour.UNAVAILABLE;
	}

	/**
	 * From now on, key set and discovery requests get no answer: the connection stays open
	 * until {@link #backToNormal()} or {@link #close()}, as with a gateway that hangs.
	 */
	public void hang() {
		this.hangRelease = new CountDownLatch(1);
		this.behaviour = Behaviour.HANGING;
	}

	/** Ends an {@link #outage()} or {@link #hang()}: the keys are served again. */
	public void backToNormal() {
		this.behaviour = Behaviour.NORMAL;
		this.hangRelease.countDown();
	}

	/** How many times the key set has been requested, answered or not. */
	public int keySetRequests() {
		return this.keySetRequests.get();
	}

	/** Stops serving; requests held by {@link #hang()} are let go. */
	@Override
	public void close() {
		this.hangRelease.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** The application whose configuration token defaults come from. */
	void application(Supplier<ApplicationSettings> application) {
		this.application = application;
	}

	ApplicationSettings applicationSettings() {
		return this.application.get();
	}

	/** The published key that currently signs tokens of the given algorithm. */
	IssuerKey signingKey(String algorithm) {
		return this.keys.current(algorithm);
	}

	/** A key of the given algorithm that this issuer never publishes. */
	IssuerKey unpublishedKey(String algorithm) {
		return this.unpublishedKeys.computeIfAbsent(algorithm, IssuerKey::generate);
	}

	private void keySet(HttpExchange exchange) throws IOException {
		this.keySetRequests.incrementAndGet();
		List<Map<String, Object>> jwks = new ArrayList<>();
		this.keys.published().forEach((key) -> jwks.add(key.publicJwk()));
		answer(exchange, () -> JSONObjectUtils.toJSONString(Map.of("keys", jwks)));
	}

	/** The discovery document, with the four members Zuplo's has. */
	private void discovery(HttpExchange exchange) throws IOException {
		answer(exchange, () -> {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("issuer", this.issuer);
			document.put("jwks_uri", jwksUri());
			document.put("id_token_signing_alg_values_supported", List.of(IssuerKey.EDDSA, IssuerKey.RS256));
			document.put("subject_types_supported", List.of("public"));
			return JSONObjectUtils.toJSONString(document);
		});
	}

	private void answer(HttpExchange exchange, Supplier<String> json) throws IOException {
		try (exchange) {
			if (this.behaviour == Behaviour.HANGING) {
				awaitRelease();
			}
			if (this.behaviour == Behaviour.UNAVAILABLE) {
				send(exchange, 503, "text/plain", "The Zuplo test issuer is in a simulated outage.");
			}
			else {
				send(exchange, 200, "application/json", json.get());
			}
		}
	}

	private void awaitRelease() {
		try {
			this.hangRelease.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", (status == 200) ? ZUPLO_CACHE_CONTROL : "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** How the issuer answers key requests. */
	private enum Behaviour {

		NORMAL, UNAVAILABLE, HANGING

	}

	/**
	 * The published keys: the current one of each algorithm, which signs, then those it
	 * replaced.
	 */
	private record KeySet(IssuerKey eddsa, IssuerKey rs256, List<IssuerKey> previous) {

		static KeySet generate() {
			return new KeySet(IssuerKey.generate(IssuerKey.EDDSA), IssuerKey.generate(IssuerKey.RS256), List.of());
		}

		IssuerKey current(String algorithm) {
			IssuerKey.requireSupported(algorithm);
			return IssuerKey.EDDSA.equals(algorithm) ? this.eddsa : this.rs256;
		}

		KeySet rotate() {
			List<IssuerKey> replaced = new ArrayList<>(List.of(this.eddsa, this.rs256));
			replaced.addAll(this.previous);
			return new KeySet(IssuerKey.generate(IssuerKey.EDDSA), IssuerKey.generate(IssuerKey.RS256),
					List.copyOf(replaced));
		}

		KeySet withoutPrevious() {
			return new KeySet(this.eddsa, this.rs256, List.of());
		}

		List<IssuerKey> published() {
			List<IssuerKey> published = new ArrayList<>(List.of(this.eddsa, this.rs256));
			published.addAll(this.previous);
			return published;
		}

	}

}
