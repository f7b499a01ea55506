package io.github.zuplojwt.internal.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;

/**
 * Every rule about a token's times, in one place: {@code exp}, {@code nbf} and {@code iat}
 * must be real times (checked before the signature, so that no overflow turns an absurd
 * value into a valid one); {@code exp} is required, not past, not further ahead than the
 * longest lifetime, and after {@code iat}; {@code nbf} and {@code iat} are not in the
 * future. The clock skew is the leeway on every comparison with now.
 */
final class TimeRules {

	private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");

	/** 9999-12-31T23:59:59Z in seconds since 1970. */
	private static final double MAX_NUMERIC_DATE = 253402300799d;

	private final Clock clock;

	private final Duration skew;

	private final Duration maxLifetime;

	TimeRules(VerificationPolicy policy) {
		this.clock = policy.clock();
		this.skew = policy.clockSkew();
		this.maxLifetime = policy.maxTokenLifetime();
	}

	/**
	 * Refuses time claims that are not NumericDates a clock can compare: numbers of seconds
	 * from 1970 up to the year 9999.
	 */
	static void requireNumericDates(Map<String, Object> rawClaims) {
		for (String name : TIME_CLAIMS) {
			Object value = rawClaims.get(name);
			if (value != null && !(value instanceof Number number && number.doubleValue() >= 0
					&& number.doubleValue() <= MAX_NUMERIC_DATE)) {
				throw new InvalidTokenException(RejectionReason.CLAIMS, "token claim " + name
						+ " is not a valid time (a number of seconds since 1970, before the year 10000)");
			}
		}
	}

	/**
	 * Checks the times of a verified token.
	 * @param claims the converted claims, whose times are {@link Instant}s
	 */
	void check(Map<String, Object> claims) {
		Instant expiresAt = (Instant) claims.get("exp");
		Instant notBefore = (Instant) claims.get("nbf");
		Instant issuedAt = (Instant) claims.get("iat");
		if (expiresAt == null) {
			throw new InvalidTokenException(RejectionReason.NO_EXPIRY, "token has no expiry time (exp)");
		}
		if (issuedAt != null && !expiresAt.isAfter(issuedAt)) {
			throw new InvalidTokenException(RejectionReason.LIFETIME,
					"token expires before it was issued (exp is not after iat)");
		}
		Instant now = this.clock.instant();
		if (now.minus(this.skew).isAfter(expiresAt)) {
			throw new InvalidTokenException(RejectionReason.EXPIRED, "token expired");
		}
		if (notBefore != null && now.plus(this.skew).isBefore(notBefore)) {
			throw new InvalidTokenException(RejectionReason.NOT_YET_VALID,
					"token is not valid yet (nbf is in the future)");
		}
		if (issuedAt != null && now.plus(this.skew).isBefore(issuedAt)) {
			throw new InvalidTokenException(RejectionReason.ISSUED_IN_FUTURE, "token was issued in the future (iat)");
		}
		if (expiresAt.isAfter(now.plus(this.maxLifetime).plus(this.skew))) {
			throw new InvalidTokenException(RejectionReason.LIFETIME,
					"token expires too far in the future (more than " + describe(this.maxLifetime) + " ahead)");
		}
	}

	private static String describe(Duration duration) {
		return (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) ? duration.toHours() + " h"
				: duration.toMinutes() + " min";
	}

}
