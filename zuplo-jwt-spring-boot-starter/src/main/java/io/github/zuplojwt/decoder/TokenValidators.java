package io.github.zuplojwt.decoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks applied to every signature-verified token of one issuer: issuer,
 * lifetime ({@code exp} required, {@code nbf}, {@code iat} in the future), audience and
 * required claims. Each failure names its reason in plain words.
 */
final class TokenValidators {

	private TokenValidators() {
	}

	static OAuth2TokenValidator<Jwt> forIssuer(TrustedIssuer issuer, VerificationPolicy policy,
			OAuth2TokenValidator<Jwt> additional) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(issuer(issuer.issuer()));
		validators.add(lifetime(policy.clock(), policy.clockSkew()));
		validators.add(maxLifetime(policy.clock(), policy.clockSkew(), policy.maxTokenLifetime()));
		if (!issuer.audiences().isEmpty()) {
			validators.add(audience(issuer.audiences()));
		}
		issuer.requiredClaims().forEach((name, allowed) -> validators.add(requiredClaim(name, Set.copyOf(allowed))));
		if (additional != null) {
			validators.add(additional);
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	static OAuth2TokenValidator<Jwt> issuer(String expected) {
		return (jwt) -> check(expected.equals(jwt.getClaimAsString("iss")), "token issuer is not trusted");
	}

	static OAuth2TokenValidator<Jwt> lifetime(Clock clock, Duration skew) {
		return (jwt) -> {
			Instant now = clock.instant();
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return failure("token has no expiry time (exp)");
			}
			if (now.minus(skew).isAfter(expiresAt)) {
				return failure("token expired");
			}
			Instant notBefore = jwt.getNotBefore();
			if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
				return failure("token is not valid yet (nbf is in the future)");
			}
			Instant issuedAt = jwt.getIssuedAt();
			if (issuedAt != null && now.plus(skew).isBefore(issuedAt)) {
				return failure("token was issued in the future (iat)");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	/**
	 * Refuses tokens that expire further ahead than any gateway token should: a leaked token
	 * with a far-away expiry would otherwise stay usable for that long.
	 */
	static OAuth2TokenValidator<Jwt> maxLifetime(Clock clock, Duration skew, Duration maxLifetime) {
		return (jwt) -> {
			Instant expiresAt = jwt.getExpiresAt();
			return check(expiresAt == null || !expiresAt.isAfter(clock.instant().plus(maxLifetime).plus(skew)),
					"token expires too far in the future (more than " + describe(maxLifetime) + " ahead)");
		};
	}

	static OAuth2TokenValidator<Jwt> audience(Set<String> accepted) {
		return (jwt) -> {
			List<String> audiences = jwt.getAudience();
			if (audiences == null || audiences.isEmpty()) {
				return failure("token has no audience (aud)");
			}
			return check(audiences.stream().anyMatch(accepted::contains), "token audience is not accepted");
		};
	}

	static OAuth2TokenValidator<Jwt> requiredClaim(String name, Set<String> allowed) {
		return (jwt) -> {
			Object value = jwt.getClaims().get(name);
			if (value == null) {
				return failure("token lacks the required claim " + name);
			}
			return check(matches(value, allowed), "token claim " + name + " has a value that is not accepted");
		};
	}

	private static boolean matches(Object value, Set<String> allowed) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return allowed.contains(String.valueOf(value));
		}
		if (value instanceof Collection<?> values) {
			return values.stream().anyMatch((element) -> matches(element, allowed));
		}
		return false;
	}

	private static String describe(Duration duration) {
		return (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) ? duration.toHours() + " h"
				: duration.toMinutes() + " min";
	}

	private static OAuth2TokenValidatorResult check(boolean condition, String reason) {
		return condition ? OAuth2TokenValidatorResult.success() : failure(reason);
	}

	private static OAuth2TokenValidatorResult failure(String reason) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
	}

}
