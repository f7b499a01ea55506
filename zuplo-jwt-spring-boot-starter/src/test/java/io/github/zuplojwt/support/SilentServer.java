package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * A key server that accepts connections on a loopback port and never sends a byte: over
 * plain http a fetch connects at once and then waits for a response that never comes; over
 * https the TLS handshake never completes, so connecting never ends.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private SilentServer(ServerSocket socket) {
		this.socket = socket;
	}

	/** Starts a server on a free loopback port. */
	public static SilentServer start() {
		try {
			SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
			Thread acceptor = new Thread(server::acceptAll, "silent-server");
			acceptor.setDaemon(true);
			acceptor.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	/** The server's base URL with the given scheme, such as {@code http://127.0.0.1:4711}. */
	public String baseUrl(String scheme) {
		return scheme + "://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** An issuer on this server, over plain http. */
	public String issuer() {
		return baseUrl("http") + Gateway.ISSUER_PATH;
	}

	/** The connections accepted so far, once there is at least one. */
	public List<Socket> accepted() {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.accepted.isEmpty());
		return this.accepted;
	}

	/** Reads what the client sends until it closes the connection; whether it did within 10 s. */
	public static boolean readUntilClosed(Socket socket) {
		try {
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[1024];
			while (in.read(buffer) != -1) {
				// the request, then the end of the stream
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// a reset closes the connection too
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
