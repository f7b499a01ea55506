package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Real HTTP calls to the application under test, so that status, headers and body are
 * exactly what a client sees.
 */
public final class HttpCalls {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Duration EARLY_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final String baseUrl;

	public HttpCalls(int port) {
		this.port = port;
		this.baseUrl = "http://localhost:" + port;
	}

	/** GET with header name/value pairs; a name may repeat. */
	public HttpResponse<String> get(String pathAndQuery, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** GET with a bearer token in the Authorization header. */
	public HttpResponse<String> getWithToken(String path, String token) {
		return get(path, "Authorization", "Bearer " + token);
	}

	/** POST a form body with header name/value pairs. */
	public HttpResponse<String> postForm(String path, String form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/**
	 * Any method with a body of the given content type (or none when {@code null}) and
	 * header name/value pairs.
	 */
	public HttpResponse<String> send(String method, String path, String contentType, String body,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** POST a multipart/form-data body with the given text fields and header name/value pairs. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String... headers) {
		return send("POST", path, Multipart.CONTENT_TYPE, Multipart.body(fields), headers);
	}

	/**
	 * Sends a request head that announces a body of {@code declaredLength} bytes, then only
	 * {@code bodyStart} of it, and reads the response that arrives while the rest is still
	 * outstanding. Fails if none arrives within a few seconds: the server then waits for the
	 * rest of the body, which means something is reading it.
	 */
	public EarlyResponse postUnfinished(String path, String contentType, String bodyStart, int declaredLength,
			String... headers) {
		StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
			.append("Host: localhost:").append(this.port).append("\r\n")
			.append("Content-Type: ").append(contentType).append("\r\n")
			.append("Content-Length: ").append(declaredLength).append("\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		head.append("\r\n").append(bodyStart);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) EARLY_RESPONSE_TIMEOUT.toMillis());
			socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return EarlyResponse.read(socket.getInputStream());
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("no response within " + EARLY_RESPONSE_TIMEOUT.toSeconds()
					+ " s while the request body was unfinished: the server is waiting to read the body", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a request head byte for byte, as {@code HttpClient} would refuse to (raw
	 * non-ASCII bytes in a header, say), with {@code Connection: close}, and reads the
	 * response.
	 * @param requestLine such as {@code GET /protected HTTP/1.1}
	 * @param headerLines the header lines, each without its line end
	 */
	public EarlyResponse sendRaw(String requestLine, byte[]... headerLines) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) EARLY_RESPONSE_TIMEOUT.toMillis());
			var out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: localhost:" + this.port + "\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (byte[] line : headerLines) {
				out.write(line);
				out.write(new byte[] { '\r', '\n' });
			}
			out.write(new byte[] { '\r', '\n' });
			out.flush();
			return EarlyResponse.read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
