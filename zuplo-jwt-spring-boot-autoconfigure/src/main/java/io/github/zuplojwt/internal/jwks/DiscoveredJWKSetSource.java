package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
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
 * never at startup. The document must name exactly the configured issuer, and its
 * {@code jwks_uri} must be a location keys may be fetched from that does not downgrade from
 * the document's https to plain http; otherwise no keys are obtained.
 */
final class DiscoveredJWKSetSource implements JWKSetSource<SecurityContext> {

	static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private static final Log logger = LogFactory.getLog(DiscoveredJWKSetSource.class);

	private final String issuer;

	private final ResourceRetriever retriever;

	private final boolean allowHttp;

	private volatile JWKSetSource<SecurityContext> discovered;

	DiscoveredJWKSetSource(String issuer, ResourceRetriever retriever, boolean allowHttp) {
		this.issuer = issuer;
		this.retriever = retriever;
		this.allowHttp = allowHttp;
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
		URI location = URI.create(this.issuer + DISCOVERY_PATH);
		Map<String, Object> document;
		try {
			document = JSONObjectUtils.parse(this.retriever.retrieveResource(location.toURL()).getContent());
		}
		catch (IOException ex) {
			throw new JWKSetRetrievalException(
					"could not read the discovery document at " + location + ": " + ex.getMessage(), ex);
		}
		catch (ParseException ex) {
			throw new JWKSetParseException("the discovery document at " + location + " is not JSON", ex);
		}
		if (!this.issuer.equals(document.get("issuer"))) {
			logger.warn("The discovery document at " + location + " names another issuer; its keys are not trusted");
			throw new JWKSetUnavailableException("the discovery document names another issuer");
		}
		URL jwksUrl = jwksUrl(location, document.get("jwks_uri"));
		logger.info("Issuer " + this.issuer + " publishes its keys at " + jwksUrl);
		return new URLBasedJWKSetSource<>(jwksUrl, this.retriever);
	}

	private URL jwksUrl(URI location, Object value) throws JWKSetUnavailableException {
		URI uri;
		try {
			uri = (value instanceof String text) ? URI.create(text) : null;
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		String refused = (uri != null) ? whyRefused(location, uri) : "it has no jwks_uri";
		if (refused == null) {
			try {
				return uri.toURL();
			}
			catch (IllegalArgumentException | MalformedURLException ex) {
				refused = "its jwks_uri is not a URL";
			}
		}
		logger.warn("The discovery document at " + location + " is not trusted for keys: " + refused);
		throw new JWKSetUnavailableException("the discovery document has no usable jwks_uri: " + refused);
	}

	private String whyRefused(URI location, URI jwksUri) {
		if ("https".equalsIgnoreCase(location.getScheme()) && "http".equalsIgnoreCase(jwksUri.getScheme())) {
			return "its jwks_uri downgrades from https to plain http";
		}
		String refused = KeySetLocations.whyRefused(jwksUri, this.allowHttp);
		return (refused != null) ? "its jwks_uri is refused. " + refused : null;
	}

	@Override
	public void close() throws IOException {
		JWKSetSource<SecurityContext> source = this.discovered;
		if (source != null) {
			source.close();
		}
	}

}
