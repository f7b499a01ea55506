package io.github.zuplojwt.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim checks on their own, including the ones the decoder's issuer lookup already
 * makes, so that each stays in force if the other is ever changed.
 */
class TokenValidatorsTests {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private static final String ISSUER = "https://gw.example/__zuplo/issuer";

	@Test
	void issuerMustMatchExactly() {
		OAuth2TokenValidator<Jwt> validator = TokenValidators.issuer(ISSUER);

		assertThat(validator.validate(jwt(Map.of("iss", ISSUER))).hasErrors()).isFalse();
		assertThat(reason(validator, jwt(Map.of("iss", ISSUER + "/")))).contains("issuer");
		assertThat(reason(validator, jwt(Map.of("iss", ISSUER.toUpperCase())))).contains("issuer");
		assertThat(reason(validator, jwt(Map.of("sub", "x")))).contains("issuer");
	}

	@Test
	void lifetimeChecksApplyTheSkewBothWays() {
		OAuth2TokenValidator<Jwt> lifetime = TokenValidators.lifetime(Clock.fixed(NOW, ZoneOffset.UTC),
				Duration.ofSeconds(60));

		assertThat(lifetime.validate(jwt(Map.of("exp", NOW.minusSeconds(59)))).hasErrors()).isFalse();
		assertThat(reason(lifetime, jwt(Map.of("exp", NOW.minusSeconds(61))))).isEqualTo("token expired");
		assertThat(reason(lifetime, jwt(Map.of("sub", "x")))).contains("no expiry");
		assertThat(reason(lifetime, jwt(Map.of("exp", NOW.plusSeconds(300), "nbf", NOW.plusSeconds(61)))))
			.contains("not valid yet");
		assertThat(lifetime.validate(jwt(Map.of("exp", NOW.plusSeconds(300), "nbf", NOW.plusSeconds(59))))
			.hasErrors()).isFalse();
		assertThat(reason(lifetime, jwt(Map.of("exp", NOW.plusSeconds(300), "iat", NOW.plusSeconds(61)))))
			.contains("issued in the future");
	}

	@Test
	void audienceMustContainAnAcceptedOne() {
		OAuth2TokenValidator<Jwt> audience = TokenValidators.audience(Set.of("api"));

		assertThat(audience.validate(jwt(Map.of("aud", List.of("other", "api")))).hasErrors()).isFalse();
		assertThat(reason(audience, jwt(Map.of("aud", List.of("other"))))).contains("not accepted");
		assertThat(reason(audience, jwt(Map.of("sub", "x")))).contains("no audience");
	}

	@Test
	void requiredClaimMatchesStringsNumbersBooleansAndArrays() {
		OAuth2TokenValidator<Jwt> required = TokenValidators.requiredClaim("account", Set.of("acme", "42", "true"));

		assertThat(required.validate(jwt(Map.of("account", "acme"))).hasErrors()).isFalse();
		assertThat(required.validate(jwt(Map.of("account", 42))).hasErrors()).isFalse();
		assertThat(required.validate(jwt(Map.of("account", true))).hasErrors()).isFalse();
		assertThat(required.validate(jwt(Map.of("account", List.of("x", "acme")))).hasErrors()).isFalse();
		assertThat(reason(required, jwt(Map.of("account", Map.of("name", "acme"))))).contains("not accepted");
		assertThat(reason(required, jwt(Map.of("account", "ACME")))).contains("not accepted");
		assertThat(reason(required, jwt(Map.of("sub", "x")))).contains("lacks the required claim account");
	}

	private static String reason(OAuth2TokenValidator<Jwt> validator, Jwt jwt) {
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		assertThat(result.hasErrors()).as("rejected").isTrue();
		return result.getErrors().iterator().next().getDescription();
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t").header("alg", "EdDSA").claims((c) -> c.putAll(claims)).build();
	}

}
