package io.github.zuplojwt.decoder;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The rules every token meets whatever its issuer: allowed algorithms, clock leeway and
 * size.
 *
 * @param algorithms JWS algorithms accepted in the header
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenLength largest token accepted, in characters
 * @param clock the time source
 */
public record VerificationPolicy(Set<JWSAlgorithm> algorithms, Duration clockSkew, int maxTokenLength, Clock clock) {

	public VerificationPolicy {
		algorithms = Set.copyOf(algorithms);
	}

}
