package io.github.zuplojwt.internal.decoder;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The claim rules of one issuer on their own: audience, required claims of every JSON type,
 * and the application's own validators, each failure with its reason code and plain words.
 */
class ClaimRulesTests {

	@Test
	void audienceMustContainAnAcceptedOne() {
		ClaimRules rules = new ClaimRules(Set.of("api"), Map.of(), null);

		assertThatNoException().isThrownBy(() -> rules.check(jwt(Map.of("aud", List.of("other", "api")))));
		assertRejected(rules, jwt(Map.of("aud", List.of("other"))), RejectionReason.AUDIENCE, "not accepted");
		assertRejected(rules, jwt(Map.of("sub", "x")), RejectionReason.AUDIENCE, "no audience");
	}

	@Test
	void noConfiguredAudienceAcceptsAnyOrNone() {
		ClaimRules rules = new ClaimRules(Set.of(), Map.of(), null);

		assertThatNoException().isThrownBy(() -> rules.check(jwt(Map.of("sub", "x"))));
	}

	@Test
	void requiredClaimMatchesStringsNumbersBooleansAndArrays() {
		ClaimRules rules = new ClaimRules(Set.of(), Map.of("account", List.of("acme", "42", "true")), null);

		for (Object accepted : List.of("acme", 42L, true, List.of("x", "acme"))) {
			assertThatNoException().as("%s", accepted)
				.isThrownBy(() -> rules.check(jwt(Map.of("account", accepted))));
		}
		assertRejected(rules, jwt(Map.of("account", Map.of("name", "acme"))), RejectionReason.REQUIRED_CLAIM,
				"not accepted");
		assertRejected(rules, jwt(Map.of("account", "ACME")), RejectionReason.REQUIRED_CLAIM, "not accepted");
		assertRejected(rules, jwt(Map.of("account", "acme other")), RejectionReason.REQUIRED_CLAIM, "not accepted");
		assertRejected(rules, jwt(Map.of("sub", "x")), RejectionReason.REQUIRED_CLAIM,
				"lacks the required claim account");
	}

	@Test
	void applicationValidatorRunsLastAndItsDescriptionIsTheReason() {
		ClaimRules rules = new ClaimRules(Set.of("api"), Map.of(),
				(jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "consumer is banned", null)));

		assertRejected(rules, jwt(Map.of("aud", List.of("other"))), RejectionReason.AUDIENCE, "audience");
		assertRejected(rules, jwt(Map.of("aud", List.of("api"))), RejectionReason.VALIDATOR, "consumer is banned");
	}

	private static void assertRejected(ClaimRules rules, Jwt jwt, RejectionReason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> rules.check(jwt))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t").header("alg", "EdDSA").claims((c) -> c.putAll(claims)).build();
	}

}
