package io.github.zuplojwt.internal.decoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.zuplojwt.internal.jwks.JwksSettings;

/**
 * One issuer whose tokens are trusted, and what its tokens must carry.
 *
 * @param issuer the exact value the {@code iss} claim must have
 * @param jwks where and how the issuer's signing keys are fetched
 * @param audiences accepted audiences, in the order they are configured; empty accepts any
 * audience
 * @param requiredClaims claim name to the values allowed for it, in the order they are
 * configured
 */
public record TrustedIssuer(String issuer, JwksSettings jwks, Set<String> audiences,
		Map<String, List<String>> requiredClaims) {

	public TrustedIssuer {
		audiences = Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
		Map<String, List<String>> claims = new LinkedHashMap<>();
		requiredClaims.forEach((name, values) -> claims.put(name, List.copyOf(values)));
		requiredClaims = Collections.unmodifiableMap(claims);
	}

}
