package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * The two timeouts of a key fetch mean what they say: connecting (TCP, a proxy's tunnel,
 * TLS) takes at most the connect timeout, and once the connection stands the whole response
 * must arrive within the read timeout, counted from that moment. Each test sets the other
 * timeout to a minute, so a fetch bounded the old way (both timeouts from the start) would
 * run into the class's timeout instead of ending with the reason asserted here.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FetchTimeoutsTests {

	private static final Duration SHORT = Duration.ofMillis(300);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private SilentServer server;

	private KeySetRetriever retriever;

	@BeforeEach
	void start() throws IOException {
		this.server = new SilentServer();
	}

	@AfterEach
	void stop() {
		if (this.retriever != null) {
			this.retriever.close();
		}
		this.server.close();
	}

	private KeySetRetriever retriever(Duration connect, Duration read) {
		JwksSettings settings = new JwksSettings(URI.create("http://127.0.0.1/jwks.json"), Duration.ofMinutes(10),
				Duration.ofSeconds(30), connect, read, Duration.ofHours(1), 64 * 1024);
		this.retriever = new KeySetRetriever(settings);
		return this.retriever;
	}

	@Test
	void serverThatConnectsAndThenSendsNothingIsAbandonedTheReadTimeoutAfterConnecting() throws Exception {
		KeySetRetriever retriever = retriever(MINUTE, SHORT);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(this.server.url("http")))
			.withMessage("no complete response within 300 ms of connecting");
		assertThat(this.server.accepted()).hasSize(1);
	}

	@Test
	void abandonedFetchClosesItsConnection() throws Exception {
		KeySetRetriever retriever = retriever(MINUTE, SHORT);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(this.server.url("http")));

		Socket accepted = this.server.accepted().get(0);
		assertThat(SilentServer.readUntilClosed(accepted)).as("the client closed the connection").isTrue();
	}

	@Test
	void connectionThatNeverStandsIsAbandonedTheConnectTimeoutAfterTheStart() throws Exception {
		// https to a server that accepts TCP and never answers the TLS handshake: connecting stalls.
		KeySetRetriever retriever = retriever(SHORT, MINUTE);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(this.server.url("https")))
			.withMessage("could not connect within 300 ms");
		assertThat(this.server.accepted()).hasSize(1);
	}

	@Test
	void instantConnectionLeavesTheWholeReadTimeoutForTheResponse() {
		FetchDeadline deadline = new FetchDeadline(1_000, Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThat(deadline.connectedBy()).isEqualTo(1_000 + seconds(2));
		assertThat(deadline.receivedBy(1_000)).isEqualTo(1_000 + seconds(2));
	}

	@Test
	void slowConnectionStillEndsWithinConnectPlusReadTimeoutOfTheStart() {
		FetchDeadline deadline = new FetchDeadline(1_000, Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThat(deadline.receivedBy(1_000 + seconds(1))).isEqualTo(1_000 + seconds(3));
		assertThat(deadline.receivedBy(1_000 + seconds(2))).isEqualTo(1_000 + seconds(4));
		assertThat(deadline.receivedBy(1_000 + seconds(5))).as("a connection reported late")
			.isEqualTo(1_000 + seconds(4));
	}

	private static long seconds(long seconds) {
		return TimeUnit.SECONDS.toNanos(seconds);
	}

	/** Accepts connections on a loopback port, and never sends a byte. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		SilentServer() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::acceptAll, "silent-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private void acceptAll() {
			try {
				while (!this.socket.isClosed()) {
					this.accepted.add(this.socket.accept());
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		URL url(String scheme) throws IOException {
			return URI.create(scheme + "://127.0.0.1:" + this.socket.getLocalPort() + "/jwks.json").toURL();
		}

		List<Socket> accepted() {
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.accepted.isEmpty());
			return this.accepted;
		}

		/** Reads what the client sends until it closes the connection; whether it did within 10 s. */
		static boolean readUntilClosed(Socket socket) {
			try {
				socket.setSoTimeout(10_000);
				InputStream in = socket.getInputStream();
				byte[] buffer = new byte[1024];
				while (in.read(buffer) != -1) {
					// the request, then the end of the stream
				}
				return true;
			}
			catch (java.net.SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				// a reset is a close too
				return true;
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				for (Socket socket : this.accepted) {
					socket.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
