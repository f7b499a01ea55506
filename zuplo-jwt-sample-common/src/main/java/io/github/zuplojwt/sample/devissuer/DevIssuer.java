package io.github.zuplojwt.sample.devissuer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * DEVELOPMENT ONLY. A stand-in for the Zuplo gateway's issuer, so the samples run with no
 * Zuplo account: it publishes a {@link SigningKey}'s JWKS on a loopback-only port at
 * {@code <issuer>/.well-known/jwks.json} and mints tokens for the sample's consumer.
 */
public final class DevIssuer implements AutoCloseable {

	/** Audience of the tokens the dev issuer mints, and the one the sample then requires. */
	public static final String AUDIENCE = "zuplo-jwt-sample";

	static final String ISSUER_PATH = "/__zuplo/issuer";

	private final HttpServer server;

	private final SigningKey key;

	private DevIssuer(HttpServer server, SigningKey key) {
		this.server = server;
		this.key = key;
	}

	/** Starts the issuer on a free port of 127.0.0.1. */
	public static DevIssuer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + ISSUER_PATH;
			SigningKey key = SigningKey.generate(issuer);
			server.createContext(ISSUER_PATH + "/.well-known/jwks.json", (exchange) -> json(exchange, key.jwksJson()));
			server.createContext(ISSUER_PATH + "/.well-known/openid-configuration",
					(exchange) -> json(exchange, JSONObjectUtils.toJSONString(
							Map.of("issuer", issuer, "jwks_uri", issuer + "/.well-known/jwks.json"))));
			server.start();
			return new DevIssuer(server, key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the development issuer", ex);
		}
	}

	public String issuer() {
		return this.key.issuer();
	}

	/** A token for the sample's demo consumer, on the gold plan, valid for an hour. */
	public String mintDemoToken() {
		return mint("dev-consumer", Map.of("plan", "gold", "companyId", "acme-dev"));
	}

	/** A token for any consumer with the given custom claims, valid for an hour. */
	public String mint(String consumer, Map<String, Object> metadata) {
		return this.key.mint(consumer, AUDIENCE, metadata, Duration.ofHours(1));
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
