package io.github.zuplojwt.internal.decoder;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The payload, parsed once: the registered claims' types, the issuer, and how the claims
 * become Spring Security's {@link Jwt}. {@code iss}, {@code sub} and {@code jti} are strings,
 * {@code aud} a string or an array of strings (always a list once converted), and
 * {@code exp}, {@code nbf} and {@code iat} become {@link Instant}s, as Spring's own decoder
 * presents them.
 */
final class Claims {

	private static final String WRONG_TYPES = "token claims are malformed or of the wrong type";

	private Claims() {
	}

	/**
	 * Parses the payload of a JWS (its JSON text) into its claims, refusing registered claims
	 * of the wrong type and times that are not real times.
	 */
	static Map<String, Object> parse(String payloadJson) {
		Map<String, Object> claims;
		try {
			claims = JSONObjectUtils.parse(payloadJson);
		}
		catch (ParseException ex) {
			claims = null;
		}
		if (claims == null) {
			throw new InvalidTokenException(RejectionReason.CLAIMS, WRONG_TYPES);
		}
		TimeRules.requireNumericDates(claims);
		requireRegisteredTypes(claims);
		return claims;
	}

	/** The issuer a parsed payload claims, not yet verified. */
	static String issuer(Map<String, Object> claims) {
		Object issuer = claims.get("iss");
		if (issuer == null) {
			throw new InvalidTokenException(RejectionReason.ISSUER, "token has no issuer (iss)");
		}
		return (String) issuer;
	}

	private static void requireRegisteredTypes(Map<String, Object> rawClaims) {
		for (String name : List.of("iss", "sub", "jti")) {
			Object value = rawClaims.get(name);
			if (value != null && !(value instanceof String)) {
				throw new InvalidTokenException(RejectionReason.CLAIMS, WRONG_TYPES);
			}
		}
		Object audience = rawClaims.get("aud");
		if (audience != null && !(audience instanceof String)
				&& !(audience instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
			throw new InvalidTokenException(RejectionReason.CLAIMS, WRONG_TYPES);
		}
	}

	/**
	 * The claims as a {@link Jwt} presents them: times as instants, the audience as a list,
	 * and claims whose value is null left out.
	 */
	static Map<String, Object> convert(Map<String, Object> rawClaims) {
		Map<String, Object> claims = new LinkedHashMap<>(rawClaims.size() * 2);
		rawClaims.forEach((name, value) -> {
			if (value != null) {
				claims.put(name, convert(name, value));
			}
		});
		return claims;
	}

	private static Object convert(String name, Object value) {
		return switch (name) {
			case "exp", "nbf", "iat" -> Instant.ofEpochSecond(((Number) value).longValue());
			case "aud" -> (value instanceof String audience) ? List.of(audience) : frozen(value);
			default -> frozen(value);
		};
	}

	/**
	 * Nested objects and arrays made read-only: a verified token may serve many requests, and
	 * one request must not change what the next one sees.
	 */
	private static Object frozen(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
			map.forEach((key, element) -> copy.put(key, frozen(element)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((element) -> copy.add(frozen(element)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

	/**
	 * The verified token as the application sees it: a {@link ZuploPrincipal}, which is a
	 * {@link Jwt}, named by {@code principalClaim}.
	 */
	static Jwt toJwt(String token, Map<String, Object> headers, Map<String, Object> claims, String principalClaim) {
		return new ZuploPrincipal(token, (Instant) claims.get("iat"), (Instant) claims.get("exp"), headers, claims,
				principalClaim);
	}

}
