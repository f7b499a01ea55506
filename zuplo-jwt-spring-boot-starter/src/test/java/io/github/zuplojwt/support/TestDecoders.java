package io.github.zuplojwt.support;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.jwks.JwksSettings;

/**
 * Real decoders for tests outside the decoder's own packages: each trusts the issuers of the
 * given gateway stand-ins, with a cold key cache, Ed25519 and RS256, any audience, a 200 ms
 * refresh cooldown and the default token cache.
 */
public final class TestDecoders {

	private TestDecoders() {
	}

	public static VerifyingJwtDecoder trusting(JwksServer... gateways) {
		return trusting(Arrays.stream(gateways).map((gateway) -> trustedIssuer(gateway.issuer(), gateway.jwksUri())));
	}

	public static VerifyingJwtDecoder trusting(Gateway... gateways) {
		return trusting(Arrays.stream(gateways).map((gateway) -> trustedIssuer(gateway.issuer(), gateway.jwksUri())));
	}

	private static TrustedIssuer trustedIssuer(String issuer, String jwksUri) {
		return new TrustedIssuer(issuer, new JwksSettings(URI.create(jwksUri), Duration.ofMinutes(5),
				Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 64 * 1024),
				Set.of(), Map.of());
	}

	private static VerifyingJwtDecoder trusting(Stream<TrustedIssuer> trusted) {
		List<TrustedIssuer> issuers = trusted.toList();
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256),
				Duration.ofSeconds(60), 8192, Clock.systemUTC());
		return VerifyingJwtDecoder.create(issuers, policy, new VerificationKeys(new BouncyCastleEd25519Backend()), null);
	}

}
