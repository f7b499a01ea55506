package io.github.zuplojwt.jwks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * Nimbus's bounded retriever (connect and read timeouts, size cap) that never follows a
 * redirect: a key set answered with a 3xx is a failed fetch, so a compromised or
 * misconfigured endpoint cannot send the starter to fetch keys from another host.
 */
final class NoRedirectResourceRetriever extends DefaultResourceRetriever {

	NoRedirectResourceRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
		super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
	}

	@Override
	protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
		HttpURLConnection connection = super.openHTTPConnection(url);
		connection.setInstanceFollowRedirects(false);
		connection.setRequestProperty("Accept", "application/json, application/jwk-set+json");
		return connection;
	}

}
