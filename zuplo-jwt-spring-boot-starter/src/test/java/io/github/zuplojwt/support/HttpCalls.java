package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP calls to the application under test, so that status, headers and body are
 * exactly what a client sees.
 */
public final class HttpCalls {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public HttpCalls(int port) {
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
