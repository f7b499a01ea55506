package io.github.zuplojwt.internal.decoder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks of one issuer, after its time rules: the audience, the required claims,
 * then the application's own validators. Each failure names its reason in plain words.
 * <p>
 * A required claim matches when its value equals one of the accepted values: a string
 * exactly (case-sensitive, never split), a number or boolean by its JSON text; an array
 * matches when any of its elements does; objects never match.
 */
final class ClaimRules {

	private final Set<String> audiences;

	private final Map<String, Set<String>> requiredClaims;

	private final OAuth2TokenValidator<Jwt> additional;

	ClaimRules(Set<String> audiences, Map<String, List<String>> requiredClaims,
			OAuth2TokenValidator<Jwt> additional) {
		this.audiences = Set.copyOf(audiences);
		this.requiredClaims = requiredClaims.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> Set.copyOf(entry.getValue())));
		this.additional = additional;
	}

	void check(Jwt jwt) {
		if (!this.audiences.isEmpty()) {
			checkAudience(jwt.getAudience());
		}
		this.requiredClaims.forEach((name, allowed) -> checkRequired(name, jwt.getClaims().get(name), allowed));
		if (this.additional != null) {
			OAuth2TokenValidatorResult result = this.additional.validate(jwt);
			if (result.hasErrors()) {
				OAuth2Error error = result.getErrors().iterator().next();
				throw new InvalidTokenException(RejectionReason.VALIDATOR, (error.getDescription() != null)
						? error.getDescription() : "token was refused by the application's own checks");
			}
		}
	}

	private void checkAudience(List<String> audience) {
		if (audience == null || audience.isEmpty()) {
			throw new InvalidTokenException(RejectionReason.AUDIENCE, "token has no audience (aud)");
		}
		for (String candidate : audience) {
			if (this.audiences.contains(candidate)) {
				return;
			}
		}
		throw new InvalidTokenException(RejectionReason.AUDIENCE, "token audience is not accepted");
	}

	private static void checkRequired(String name, Object value, Set<String> allowed) {
		if (value == null) {
			throw new InvalidTokenException(RejectionReason.REQUIRED_CLAIM, "token lacks the required claim " + name);
		}
		if (!matches(value, allowed)) {
			throw new InvalidTokenException(RejectionReason.REQUIRED_CLAIM,
					"token claim " + name + " has a value that is not accepted");
		}
	}

	private static boolean matches(Object value, Set<String> allowed) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return allowed.contains(String.valueOf(value));
		}
		if (value instanceof Collection<?> values) {
			for (Object element : values) {
				if (matches(element, allowed)) {
					return true;
				}
			}
		}
		return false;
	}

}
