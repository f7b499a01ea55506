package io.github.zuplojwt.support;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	public static VerifyingJwtDecoder trusting(Gateway... gateways) {
		List<TrustedIssuer> issuers = Arrays.stream(gateways)
			.map((gateway) -> new TrustedIssuer(gateway.issuer(),
					new JwksSettings(URI.create(gateway.jwksUri()), Duration.ofMinutes(5), Duration.ofMillis(200),
							Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 64 * 1024),
					Set.of(), Map.of()))
			.toList();
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256),
				Duration.ofSeconds(60), 8192, Clock.systemUTC());
		return VerifyingJwtDecoder.create(issuers, policy, new VerificationKeys(new BouncyCastleEd25519Backend()), null);
	}

}
