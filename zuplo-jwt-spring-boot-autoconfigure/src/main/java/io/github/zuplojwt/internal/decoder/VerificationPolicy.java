package io.github.zuplojwt.internal.decoder;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The rules every token meets whatever its issuer: allowed algorithms, clock leeway, size
 * and how far ahead it may expire.
 *
 * @param algorithms JWS algorithms accepted in the header, in the order they are configured
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenLength largest token accepted, in characters
 * @param maxTokenLifetime how far in the future {@code exp} may lie
 * @param clock the time source
 */
public record VerificationPolicy(Set<JWSAlgorithm> algorithms, Duration clockSkew, int maxTokenLength,
		Duration maxTokenLifetime, Clock clock) {

	/** The default longest lifetime: a day, above the 10 hours of a Zuplo Identity Token. */
	public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofHours(24);

	public VerificationPolicy {
		algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
	}

	/**
	 * A policy with the default longest token lifetime.
	 */
	public VerificationPolicy(Set<JWSAlgorithm> algorithms, Duration clockSkew, int maxTokenLength, Clock clock) {
		this(algorithms, clockSkew, maxTokenLength, DEFAULT_MAX_TOKEN_LIFETIME, clock);
	}

	/** The names of the accepted algorithms, such as {@code EdDSA}, in the order they are configured. */
	public List<String> algorithmNames() {
		return this.algorithms.stream().map(JWSAlgorithm::getName).toList();
	}

}
