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
 */
public record JwksSettings(URI uri, Duration cacheTtl, Duration refreshCooldown, Duration connectTimeout,
		Duration readTimeout, Duration outageTolerance, int maxSizeBytes) {

	public JwksSettings withUri(URI otherUri) {
		return new JwksSettings(otherUri, this.cacheTtl, this.refreshCooldown, this.connectTimeout, this.readTimeout,
				this.outageTolerance, this.maxSizeBytes);
	}

}
