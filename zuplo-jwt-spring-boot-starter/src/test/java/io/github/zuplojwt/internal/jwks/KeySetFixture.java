package io.github.zuplojwt.internal.jwks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Builds real decoders against a {@link Gateway}, each with its own cold key cache and
 * the key set settings a test needs.
 */
final class KeySetFixture {

	private KeySetFixture() {
	}

	/** Settings scaled down so that tests run in seconds: TTL 3s, timeouts 1s, cooldown 200ms. */
	static JwksSettings fast(Gateway gateway) {
		return new JwksSettings(URI.create(gateway.jwksUri()), Duration.ofSeconds(3), Duration.ofMillis(200),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 64 * 1024);
	}

	/**
	 * Settings for tests that wait for background refreshes: TTL 1.5s (so one is due 1.35s
	 * after a fetch), timeouts 500ms, cooldown 200ms.
	 */
	static JwksSettings quick(Gateway gateway) {
		return new JwksSettings(URI.create(gateway.jwksUri()), Duration.ofMillis(1500), Duration.ofMillis(200),
				Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMinutes(1), 64 * 1024);
	}

	/** The same settings with other timeouts. */
	static JwksSettings withTimeouts(JwksSettings settings, Duration connect, Duration read) {
		return new JwksSettings(settings.uri(), settings.cacheTtl(), settings.refreshCooldown(), connect, read,
				settings.outageTolerance(), settings.maxSizeBytes());
	}

	static VerifyingJwtDecoder decoder(Gateway gateway, JwksSettings settings) {
		return decoder(gateway.issuer(), settings, KeyFetchBulkhead.DEFAULT_MAX_WAITING_REQUESTS);
	}

	/** A decoder of {@code issuer} that lets at most {@code maxWaitingRequests} wait for keys. */
	static VerifyingJwtDecoder decoder(String issuer, JwksSettings settings, int maxWaitingRequests) {
		TrustedIssuer trusted = new TrustedIssuer(issuer, settings, Set.of(), Map.of());
		VerificationPolicy policy = new VerificationPolicy(
				Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256, JWSAlgorithm.ES256), Duration.ofSeconds(60), 8192,
				Clock.systemUTC());
		return VerifyingJwtDecoder
			.builder(List.of(trusted), policy, new VerificationKeys(new BouncyCastleEd25519Backend()))
			.maxWaitingRequests(maxWaitingRequests)
			.build();
	}

	static MappingBuilder jwks() {
		return get(urlPathEqualTo(Gateway.JWKS_PATH));
	}

}
