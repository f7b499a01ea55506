package io.github.zuplojwt.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds an issuer's key set through its OpenID discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), read when keys are first needed,
 * never at startup. The document must name exactly the configured issuer, otherwise its
 * {@code jwks_uri} is not trusted and no keys are obtained.
 */
final class DiscoveredJWKSetSource implements JWKSetSource<SecurityContext> {

	static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private static final Log logger = LogFactory.getLog(DiscoveredJWKSetSource.class);

	private final String issuer;

	private final ResourceRetriever retriever;

	private volatile JWKSetSource<SecurityContext> discovered;

	DiscoveredJWKSetSource(String issuer, ResourceRetriever retriever) {
		this.issuer = issuer;
		this.retriever = retriever;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
			throws KeySourceException {
		JWKSetSource<SecurityContext> source = this.discovered;
		if (source == null) {
			source = discover();
			this.discovered = source;
		}
		return source.getJWKSet(refreshEvaluator, currentTime, context);
	}

	private JWKSetSource<SecurityContext> discover() throws KeySourceException {
		String location = this.issuer + DISCOVERY_PATH;
		Map<String, Object> document;
		try {
			document = JSONObjectUtils.parse(this.retriever.retrieveResource(new URL(location)).getContent());
		}
		catch (IOException ex) {
			throw new JWKSetRetrievalException("could not read the discovery document at " + location, ex);
		}
		catch (ParseException ex) {
			throw new JWKSetParseException("the discovery document at " + location + " is not JSON", ex);
		}
		if (!this.issuer.equals(document.get("issuer"))) {
			logger.warn("The discovery document at " + location + " names another issuer; its keys are not trusted");
			throw new JWKSetUnavailableException("the discovery document names another issuer");
		}
		URL jwksUrl = jwksUrl(document.get("jwks_uri"));
		if (jwksUrl == null) {
			logger.warn("The discovery document at " + location + " has no usable http(s) jwks_uri");
			throw new JWKSetUnavailableException("the discovery document has no usable jwks_uri");
		}
		logger.info("Issuer " + this.issuer + " publishes its keys at " + jwksUrl);
		return new URLBasedJWKSetSource<>(jwksUrl, this.retriever);
	}

	private static URL jwksUrl(Object value) {
		if (!(value instanceof String text)) {
			return null;
		}
		try {
			URI uri = URI.create(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
				return null;
			}
			return uri.toURL();
		}
		catch (IllegalArgumentException | MalformedURLException ex) {
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		JWKSetSource<SecurityContext> source = this.discovered;
		if (source != null) {
			source.close();
		}
	}

}
