package io.github.zuplojwt.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest lifetime check on its own: measured from now, with the clock skew as leeway.
 */
class MaxTokenLifetimeTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final OAuth2TokenValidator<Jwt> validator = TokenValidators
		.maxLifetime(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), Duration.ofMinutes(30));

	private static Jwt expiringAt(Instant expiresAt) {
		return Jwt.withTokenValue("t").header("alg", "EdDSA").subject("s").expiresAt(expiresAt).build();
	}

	@Test
	void expiryWithinTheLifetimeAndSkewPasses() {
		assertThat(this.validator.validate(expiringAt(NOW.plus(Duration.ofMinutes(31)))).hasErrors()).isFalse();
	}

	@Test
	void expiryBeyondTheLifetimeAndSkewFailsWithAReadableReason() {
		var result = this.validator.validate(expiringAt(NOW.plus(Duration.ofMinutes(32))));

		assertThat(result.hasErrors()).isTrue();
		assertThat(result.getErrors().iterator().next().getDescription())
			.isEqualTo("token expires too far in the future (more than 30 min ahead)");
	}

}
