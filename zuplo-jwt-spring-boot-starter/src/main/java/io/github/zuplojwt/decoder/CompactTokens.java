package io.github.zuplojwt.decoder;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

/**
 * The size and shape of a token, checked before and while a JOSE parser reads it, with plain
 * reasons for tokens the parser refuses. Every part of a compact JWS must be canonical
 * base64url (RFC 7515: the URL-safe alphabet, no padding, unused trailing bits zero), so that
 * one signature has exactly one spelling.
 */
final class CompactTokens {

	private static final String MALFORMED = "token is malformed: it is not a signed JWT (JWS compact serialization)";

	private CompactTokens() {
	}

	/**
	 * Parses a token that is no larger than {@code maxLength} and a canonical compact JWS.
	 */
	static SignedJWT parse(String token, int maxLength) {
		if (token.length() > maxLength) {
			throw new InvalidTokenException(RejectionReason.TOO_LARGE,
					"token is larger than the " + maxLength + " bytes allowed");
		}
		if (!isStrictBase64url(token)) {
			throw new InvalidTokenException(RejectionReason.MALFORMED,
					"token is malformed: its parts are not strict base64url (RFC 7515)");
		}
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new InvalidTokenException(RejectionReason.MALFORMED, whyNotSigned(token));
		}
	}

	/** Whether every dot-separated part of the token is canonical base64url. */
	private static boolean isStrictBase64url(String token) {
		int start = 0;
		for (int i = 0; i <= token.length(); i++) {
			if (i == token.length() || token.charAt(i) == '.') {
				if (!isCanonical(token, start, i)) {
					return false;
				}
				start = i + 1;
			}
		}
		return true;
	}

	private static boolean isCanonical(String token, int start, int end) {
		int lastValue = 0;
		for (int i = start; i < end; i++) {
			lastValue = valueOf(token.charAt(i));
			if (lastValue < 0) {
				return false;
			}
		}
		return switch ((end - start) % 4) {
			case 1 -> false;
			case 2 -> (lastValue & 0x0F) == 0;
			case 3 -> (lastValue & 0x03) == 0;
			default -> true;
		};
	}

	private static int valueOf(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		if (c == '-') {
			return 62;
		}
		return (c == '_') ? 63 : -1;
	}

	/**
	 * Why a token that is canonical base64url is still not a signed JWT: unsigned
	 * ({@code alg} none in any casing), encrypted, without a signature, or malformed.
	 */
	private static String whyNotSigned(String token) {
		String[] parts = token.split("\\.", -1);
		Object algorithm = headerOf(parts[0]).get("alg");
		if (algorithm instanceof String name && "none".equalsIgnoreCase(name)) {
			return "token algorithm none is not allowed: unsigned tokens are never accepted";
		}
		if (parts.length == 5 && headerOf(parts[0]).get("enc") != null) {
			return "token is encrypted (JWE); a signed JWT is expected";
		}
		if (parts.length == 3 && parts[2].isEmpty() && algorithm != null) {
			return "token has no signature";
		}
		return MALFORMED;
	}

	private static Map<String, Object> headerOf(String part) {
		try {
			return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | ParseException ex) {
			return Map.of();
		}
	}

}
