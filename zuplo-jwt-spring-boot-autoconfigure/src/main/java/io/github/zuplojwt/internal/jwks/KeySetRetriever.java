package io.github.zuplojwt.internal.jwks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Fetches key sets and discovery documents over HTTP with a deadline for the whole
 * response: however a server paces its bytes, a fetch ends within
 * {@code connectTimeout + readTimeout} of its start. Responses larger than the size cap are
 * cut off, redirects are never followed (a 3xx is a failed fetch, so a compromised endpoint
 * cannot send the fetch to another host), and fetches go through the configured proxy or
 * the JVM's standard proxy settings.
 */
final class KeySetRetriever implements ResourceRetriever {

	private static final String ACCEPT = "application/jwk-set+json, application/json";

	private final Duration connectTimeout;

	private final Duration deadline;

	private final int maxBytes;

	private final ProxySelector proxy;

	private final SSLContext sslContext;

	private volatile HttpClient client;

	KeySetRetriever(JwksSettings settings) {
		this.connectTimeout = settings.connectTimeout();
		this.deadline = settings.fetchDeadline();
		this.maxBytes = settings.maxSizeBytes();
		this.proxy = (settings.proxy() != null) ? fixedProxy(settings.proxy()) : ProxySelector.getDefault();
		this.sslContext = settings.sslContext();
	}

	@Override
	public Resource retrieveResource(URL url) throws IOException {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(url.toURI()).timeout(this.deadline).header("Accept", ACCEPT).GET().build();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IOException("not a valid URL: " + url, ex);
		}
		CompletableFuture<HttpResponse<byte[]>> pending = client().sendAsync(request, this::body);
		HttpResponse<byte[]> response = await(pending);
		if (response.statusCode() / 100 == 3) {
			throw new IOException("answered with a redirect (HTTP " + response.statusCode()
					+ "), which is never followed");
		}
		if (response.statusCode() != 200) {
			throw new IOException("answered with HTTP " + response.statusCode());
		}
		return new Resource(new String(response.body(), StandardCharsets.UTF_8),
				response.headers().firstValue("Content-Type").orElse(null));
	}

	private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending) throws IOException {
		try {
			return pending.get(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			throw new IOException("no complete response within " + this.deadline.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			pending.cancel(true);
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while fetching");
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause());
		}
	}

	private IOException failure(Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException) {
			return new IOException("could not connect within " + this.connectTimeout.toMillis() + " ms", cause);
		}
		if (cause instanceof IOException io) {
			String message = (io.getMessage() != null) ? io.getMessage() : io.getClass().getSimpleName();
			return new IOException(message, io);
		}
		return new IOException("fetch failed: " + cause, cause);
	}

	private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
		if (info.statusCode() != 200) {
			return HttpResponse.BodySubscribers.replacing(null);
		}
		long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (declared > this.maxBytes) {
			return new BoundedBody(this.maxBytes, true);
		}
		return new BoundedBody(this.maxBytes, false);
	}

	/**
	 * Every fetch through the given proxy; its address is resolved when a fetch happens,
	 * never at startup.
	 */
	private static ProxySelector fixedProxy(URI proxy) {
		return new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort())));
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			}

		};
	}

	private HttpClient client() {
		HttpClient current = this.client;
		if (current == null) {
			synchronized (this) {
				current = this.client;
				if (current == null) {
					HttpClient.Builder builder = HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.followRedirects(HttpClient.Redirect.NEVER)
						.connectTimeout(this.connectTimeout);
					if (this.proxy != null) {
						builder.proxy(this.proxy);
					}
					if (this.sslContext != null) {
						builder.sslContext(this.sslContext);
					}
					current = builder.build();
					this.client = current;
				}
			}
		}
		return current;
	}

	/**
	 * Collects a response body up to a size cap; a larger body fails the fetch as soon as
	 * the cap is passed, without reading the rest.
	 */
	private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final int maxBytes;

		private final boolean tooLarge;

		private final ByteArrayOutputStream received = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		BoundedBody(int maxBytes, boolean tooLarge) {
			this.maxBytes = maxBytes;
			this.tooLarge = tooLarge;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.tooLarge) {
				refuse();
				return;
			}
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (this.received.size() + buffer.remaining() > this.maxBytes) {
					refuse();
					return;
				}
				byte[] bytes = new byte[buffer.remaining()];
				buffer.get(bytes);
				this.received.write(bytes, 0, bytes.length);
			}
		}

		private void refuse() {
			this.subscription.cancel();
			this.result.completeExceptionally(
					new IOException("the response is larger than the " + this.maxBytes + " bytes allowed"));
		}

		@Override
		public void onError(Throwable throwable) {
			this.result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.received.toByteArray());
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

	}

}
