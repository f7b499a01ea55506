package io.github.zuplojwt.internal.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every time rule on its own, with a fixed clock: the skew is leeway in both directions,
 * {@code exp} is required and bounded, {@code exp} comes after {@code iat}, and raw times
 * must be real NumericDates.
 */
class TimeRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final TimeRules rules = new TimeRules(new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA),
			Duration.ofSeconds(60), 8192, Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void expiryWithinTheSkewPassesAndBeyondItIsExpired() {
		assertAccepted(times("exp", NOW.minusSeconds(59)));
		assertRejected(times("exp", NOW.minusSeconds(61)), RejectionReason.EXPIRED, "token expired");
	}

	@Test
	void missingExpiryIsRejected() {
		assertRejected(times("iat", NOW), RejectionReason.NO_EXPIRY, "token has no expiry time (exp)");
	}

	@Test
	void notBeforeAndIssuedAtInTheFutureBeyondTheSkewAreRejected() {
		Instant exp = NOW.plusSeconds(300);
		assertAccepted(times("exp", exp, "nbf", NOW.plusSeconds(59)));
		assertRejected(times("exp", exp, "nbf", NOW.plusSeconds(61)), RejectionReason.NOT_YET_VALID,
				"not valid yet");
		assertAccepted(times("exp", exp, "iat", NOW.plusSeconds(59)));
		assertRejected(times("exp", exp, "iat", NOW.plusSeconds(61)), RejectionReason.ISSUED_IN_FUTURE,
				"issued in the future");
	}

	@Test
	void expiryBeyondTheLongestLifetimeAndSkewIsRejectedWithAReadableReason() {
		assertAccepted(times("exp", NOW.plus(Duration.ofMinutes(31))));
		assertRejected(times("exp", NOW.plus(Duration.ofMinutes(32))), RejectionReason.LIFETIME,
				"token expires too far in the future (more than 30 min ahead)");
	}

	@Test
	void expiryNotAfterIssueIsRejected() {
		assertRejected(times("iat", NOW.minusSeconds(10), "exp", NOW.minusSeconds(10)), RejectionReason.LIFETIME,
				"exp is not after iat");
	}

	@Test
	void rawTimesMustBeSecondsBetween1970AndTheYear9999() {
		assertThatNoException().isThrownBy(() -> TimeRules.requireNumericDates(Map.of("exp", 253402300799L)));
		for (Object bad : new Object[] { -1, 253402300800L, "1700000000", true, Double.NaN }) {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> TimeRules.requireNumericDates(Map.of("nbf", bad)))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.CLAIMS))
				.withMessageContaining("nbf is not a valid time");
		}
	}

	private void assertAccepted(Map<String, Object> claims) {
		assertThatNoException().isThrownBy(() -> this.rules.check(claims));
	}

	private void assertRejected(Map<String, Object> claims, RejectionReason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.rules.check(claims))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private static Map<String, Object> times(Object... namesAndInstants) {
		Map<String, Object> claims = new HashMap<>();
		for (int i = 0; i < namesAndInstants.length; i += 2) {
			claims.put((String) namesAndInstants[i], namesAndInstants[i + 1]);
		}
		return claims;
	}

}
