package io.github.zuplojwt.internal.jwks;

import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * How one issuer's key set is fetched and cached: an immutable snapshot of the
 * {@code zuplo.jwks.*} properties for that issuer.
 *
 * @param uri where the JSON Web Key Set is published
 * @param discoveryIssuer when not {@code null}, the key set URI is read from this issuer's
 * OpenID discovery document instead of {@code uri}
 * @param cacheTtl how long a fetched key set is fresh
 * @param refreshCooldown minimum time between two fetches triggered by an unknown key id
 * @param connectTimeout longest time to establish the connection of one fetch (TCP, a proxy's
 * tunnel, TLS)
 * @param readTimeout longest time, from the moment the connection stands, until the whole
 * response has arrived
 * @param outageTolerance how long, after the TTL, cached keys keep working while fetches fail
 * @param maxSizeBytes largest response accepted
 * @param proxy HTTP proxy for fetches as {@code http://host:port}, or {@code null} for the
 * JVM's default proxy selector (which honours the standard {@code http(s).proxyHost} system
 * properties)
 * @param sslContext TLS context for fetches, or {@code null} for the JVM's default
 * @param allowHttp whether plain {@code http} key set locations are accepted for hosts other
 * than loopback
 */
public record JwksSettings(URI uri, String discoveryIssuer, Duration cacheTtl, Duration refreshCooldown,
		Duration connectTimeout, Duration readTimeout, Duration outageTolerance, int maxSizeBytes,
		URI proxy, SSLContext sslContext, boolean allowHttp) {

	/**
	 * Settings for a key set at a known URI, without discovery, fetched directly (or through
	 * the JVM's proxy settings) with the JVM's TLS defaults and https required.
	 */
	public JwksSettings(URI uri, Duration cacheTtl, Duration refreshCooldown, Duration connectTimeout,
			Duration readTimeout, Duration outageTolerance, int maxSizeBytes) {
		this(uri, null, cacheTtl, refreshCooldown, connectTimeout, readTimeout, outageTolerance, maxSizeBytes, null,
				null, false);
	}

	/**
	 * The bound on one HTTP fetch, from its start to the last byte of the response:
	 * {@code connectTimeout + readTimeout}, reached only when connecting takes the whole
	 * connect timeout, since the read timeout counts from the moment the connection stands.
	 */
	public Duration fetchDeadline() {
		return this.connectTimeout.plus(this.readTimeout);
	}

	/**
	 * The longest a request may wait for keys that are being fetched: one fetch, or two with
	 * discovery (the discovery document, then the key set).
	 */
	public Duration keyWaitLimit() {
		return (this.discoveryIssuer != null) ? fetchDeadline().multipliedBy(2) : fetchDeadline();
	}

}
