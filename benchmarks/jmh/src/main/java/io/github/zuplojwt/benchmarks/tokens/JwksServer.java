package io.github.zuplojwt.benchmarks.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Publishes a JWKS the way a Zuplo gateway does, at
 * {@code <issuer>/.well-known/jwks.json}, on a loopback port chosen by the system. It
 * counts the fetches, so a run can show that keys were fetched once and not per token.
 */
public final class JwksServer implements AutoCloseable {

	/** The issuer path of a Zuplo deployment. */
	private static final String ISSUER_PATH = "/__zuplo/issuer";

	private final HttpServer server;

	private final AtomicInteger fetches = new AtomicInteger();

	private JwksServer(HttpServer server) {
		this.server = server;
	}

	/** Starts serving the given JWKS document. */
	public static JwksServer start(String jwks) {
		byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			JwksServer jwksServer = new JwksServer(server);
			server.createContext(ISSUER_PATH + "/.well-known/jwks.json", (exchange) -> jwksServer.serve(exchange, body));
			server.start();
			return jwksServer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the JWKS server", ex);
		}
	}

	private void serve(HttpExchange exchange, byte[] body) throws IOException {
		this.fetches.incrementAndGet();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** The issuer URL; the JWKS is at {@code <issuer>/.well-known/jwks.json}. */
	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + ISSUER_PATH;
	}

	public String jwksUri() {
		return issuer() + "/.well-known/jwks.json";
	}

	/** How many times the JWKS has been fetched. */
	public int fetches() {
		return this.fetches.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
