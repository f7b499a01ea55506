package io.github.zuplojwt.internal.jwks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Fetches key sets and discovery documents over HTTP under two deadlines (see
 * {@link FetchDeadline}): connecting (TCP, the proxy's tunnel if any, and TLS) takes at most
 * the connect timeout, and from the moment the connection stands the whole response, headers
 * and body however slowly the server sends them, arrives within the read timeout; otherwise
 * the fetch is abandoned. The transfer runs on a fetch thread of its own, so the caller is
 * released at the deadline whatever the connection is doing; the abandoned connection is
 * closed, at the latest once its pending read times out.
 * <p>
 * It uses the JDK's {@link HttpURLConnection}, as Nimbus's {@code DefaultResourceRetriever}
 * does, because it tells when the connection stands ({@code connect()} returns); the JDK's
 * {@code HttpClient} does not, so with it a fetch could only be bounded from its start.
 * Responses larger than the size cap are refused, redirects are never followed (a 3xx is a
 * failed fetch, so a compromised endpoint cannot send the fetch to another host), nothing is
 * cached, and fetches go through the configured proxy or the JVM's standard proxy settings.
 */
final class KeySetRetriever implements ResourceRetriever, AutoCloseable {

	private static final String ACCEPT = "application/jwk-set+json, application/json";

	/**
	 * Most transfers of one key set location at a time: the one that runs, and abandoned
	 * ones whose connection is still being closed.
	 */
	private static final int MAX_TRANSFERS = 4;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final int maxBytes;

	private final URI proxy;

	private final SSLSocketFactory sslSocketFactory;

	private final ThreadPoolExecutor transfers;

	KeySetRetriever(JwksSettings settings) {
		this.connectTimeout = settings.connectTimeout();
		this.readTimeout = settings.readTimeout();
		this.maxBytes = settings.maxSizeBytes();
		this.proxy = settings.proxy();
		this.sslSocketFactory = (settings.sslContext() != null) ? settings.sslContext().getSocketFactory() : null;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("zuplo-jwks-fetch-");
		threads.setDaemon(true);
		this.transfers = new ThreadPoolExecutor(0, MAX_TRANSFERS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threads);
	}

	@Override
	public Resource retrieveResource(URL url) throws IOException {
		FetchDeadline deadline = new FetchDeadline(System.nanoTime(), this.connectTimeout, this.readTimeout);
		Transfer transfer = new Transfer(url);
		try {
			this.transfers.execute(transfer);
		}
		catch (RejectedExecutionException ex) {
			throw new IOException("earlier fetches are still being abandoned");
		}
		return transfer.await(deadline);
	}

	@Override
	public void close() {
		this.transfers.shutdownNow();
	}

	private IOException notConnected() {
		return new IOException("could not connect within " + this.connectTimeout.toMillis() + " ms");
	}

	private IOException notReceived() {
		return new IOException(
				"no complete response within " + this.readTimeout.toMillis() + " ms of connecting");
	}

	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	/** One request and its response, on a fetch thread, awaited by the caller. */
	private final class Transfer implements Runnable {

		private final URL url;

		/** When the connection stood, in {@link System#nanoTime()}. */
		private final CompletableFuture<Long> connected = new CompletableFuture<>();

		private final CompletableFuture<Resource> received = new CompletableFuture<>();

		private volatile HttpURLConnection connection;

		private volatile boolean abandoned;

		Transfer(URL url) {
			this.url = url;
		}

		@Override
		public void run() {
			HttpURLConnection opened = null;
			try {
				opened = open();
				this.connection = opened;
				if (!this.abandoned) {
					opened.connect();
					this.connected.complete(System.nanoTime());
					this.received.complete(receive(opened));
				}
			}
			catch (IOException | RuntimeException ex) {
				this.connected.completeExceptionally(ex);
				this.received.completeExceptionally(ex);
			}
			finally {
				if (opened != null) {
					opened.disconnect();
				}
			}
		}

		private HttpURLConnection open() throws IOException {
			URLConnection opened = (KeySetRetriever.this.proxy != null) ? this.url.openConnection(fixedProxy())
					: this.url.openConnection();
			if (!(opened instanceof HttpURLConnection http)) {
				throw new IOException("not an http or https URL: " + this.url);
			}
			http.setConnectTimeout(millis(KeySetRetriever.this.connectTimeout));
			// No single read may wait longer than the whole response may take.
			http.setReadTimeout(millis(KeySetRetriever.this.readTimeout));
			http.setInstanceFollowRedirects(false);
			http.setUseCaches(false);
			http.setRequestProperty("Accept", ACCEPT);
			if (http instanceof HttpsURLConnection https && KeySetRetriever.this.sslSocketFactory != null) {
				https.setSSLSocketFactory(KeySetRetriever.this.sslSocketFactory);
			}
			return http;
		}

		/**
		 * The fixed proxy; its address is resolved when a fetch happens, never at startup.
		 */
		private Proxy fixedProxy() {
			URI proxy = KeySetRetriever.this.proxy;
			return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort()));
		}

		private Resource receive(HttpURLConnection http) throws IOException {
			int status = http.getResponseCode();
			if (status / 100 == 3) {
				throw new IOException("answered with a redirect (HTTP " + status + "), which is never followed");
			}
			if (status != 200) {
				throw new IOException((status > 0) ? "answered with HTTP " + status : "did not answer with HTTP");
			}
			if (http.getContentLengthLong() > KeySetRetriever.this.maxBytes) {
				throw tooLarge();
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try (InputStream in = http.getInputStream()) {
				for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
					if (this.abandoned) {
						throw new IOException("abandoned");
					}
					if (body.size() + read > KeySetRetriever.this.maxBytes) {
						throw tooLarge();
					}
					body.write(buffer, 0, read);
				}
			}
			return new Resource(body.toString(StandardCharsets.UTF_8), http.getContentType());
		}

		private IOException tooLarge() {
			return new IOException("the response is larger than the " + KeySetRetriever.this.maxBytes + " bytes allowed");
		}

		/** The response, or why there is none, by the deadline at the latest. */
		Resource await(FetchDeadline deadline) throws IOException {
			try {
				long connectedAt;
				try {
					connectedAt = this.connected.get(remaining(deadline.connectedBy()), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					abandon();
					throw notConnected();
				}
				try {
					return this.received.get(remaining(deadline.receivedBy(connectedAt)), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					abandon();
					throw notReceived();
				}
			}
			catch (InterruptedException ex) {
				abandon();
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while fetching");
			}
			catch (ExecutionException ex) {
				throw failure(ex.getCause());
			}
		}

		private IOException failure(Throwable cause) {
			if (cause instanceof SocketTimeoutException) {
				return this.connected.isCompletedExceptionally() ? notConnected() : notReceived();
			}
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			return new IOException(message, cause);
		}

		/**
		 * Gives the transfer up: its result no longer counts, and its connection is closed,
		 * from another thread, since closing may wait for a read in progress.
		 */
		private void abandon() {
			this.abandoned = true;
			HttpURLConnection opened = this.connection;
			if (opened == null) {
				return;
			}
			try {
				KeySetRetriever.this.transfers.execute(() -> {
					try {
						opened.disconnect();
					}
					catch (RuntimeException ex) {
						// The transfer's own thread may be closing it at the same time.
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// The transfer ends by itself once its pending read times out.
			}
		}

	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
	}

}
