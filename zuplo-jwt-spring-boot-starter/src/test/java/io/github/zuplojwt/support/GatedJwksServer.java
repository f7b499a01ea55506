package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gateway stand-in whose key set is answered only once the test opens the gate, so that a
 * test can hold a key fetch for as long as it needs and look at the application meanwhile,
 * without timing assumptions. It counts how often the key set was asked for.
 */
public final class GatedJwksServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile CountDownLatch gate = new CountDownLatch(1);

	private volatile CountDownLatch firstRequest = new CountDownLatch(1);

	private volatile String jwksJson = Gateway.jwksJson();

	private GatedJwksServer(HttpServer server) {
		this.server = server;
	}

	/** Starts a server on a free loopback port, with its gate open. */
	public static GatedJwksServer start() {
		try {
			GatedJwksServer gated = new GatedJwksServer(
					HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			gated.server.createContext(Gateway.JWKS_PATH, gated::answer);
			gated.server.setExecutor(gated.threads);
			gated.server.start();
			gated.open();
			return gated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + Gateway.ISSUER_PATH;
	}

	/** Publishes the public halves of the given keys, once the gate opens. */
	public void publish(TestKey... keys) {
		this.jwksJson = Gateway.jwksJson(keys);
	}

	/** Closes the gate: key set requests from now on wait until {@link #open()}. */
	public void closeGate() {
		this.firstRequest = new CountDownLatch(1);
		this.gate = new CountDownLatch(1);
	}

	/** Opens the gate: waiting and later key set requests are answered. */
	public void open() {
		this.gate.countDown();
	}

	/** Waits until a key set request has arrived since the gate was closed. */
	public boolean awaitRequest() throws InterruptedException {
		return this.firstRequest.await(10, TimeUnit.SECONDS);
	}

	/** How often the key set was asked for. */
	public int requestCount() {
		return this.requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		CountDownLatch gate = this.gate;
		this.firstRequest.countDown();
		try {
			if (!gate.await(30, TimeUnit.SECONDS)) {
				exchange.sendResponseHeaders(504, -1);
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		byte[] body = this.jwksJson.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.gate.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
