package io.github.zuplojwt.jwks;

import java.net.URI;
import java.time.Duration;

/**
 * How one issuer's key set is fetched and cached: an immutable snapshot of the
 * {@code zuplo.jwks.*} properties.
 *
 * @param uri where the JSON Web Key Set is published
 * @param cacheTtl how long a fetched key set is fresh
 * @param refreshCooldown minimum time between two fetches triggered by an unknown key id
 * @param connectTimeout connect timeout of one fetch
 * @param readTimeout read timeout of one fetch
 * @param outageTolerance how long cached keys keep working while fetches fail
 * @param maxSizeBytes largest key set response accepted
 * @param discoveryIssuer when not {@code null}, the key set URI is read from this issuer's
 * OpenID discovery document instead of {@code uri}
 */
public record JwksSettings(URI uri, Duration cacheTtl, Duration refreshCooldown, Duration connectTimeout,
		Duration readTimeout, Duration outageTolerance, int maxSizeBytes, String discoveryIssuer) {

	/**
	 * Settings for a key set at a known URI, without discovery.
	 */
	public JwksSettings(URI uri, Duration cacheTtl, Duration refreshCooldown, Duration connectTimeout,
			Duration readTimeout, Duration outageTolerance, int maxSizeBytes) {
		this(uri, cacheTtl, refreshCooldown, connectTimeout, readTimeout, outageTolerance, maxSizeBytes, null);
	}

}
