package io.github.zuplojwt.decoder;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The size and shape of a token, checked before anything is parsed, with plain reasons for
 * tokens that are not a signed JWT. A compact JWS has exactly three parts, each canonical
 * base64url (RFC 7515: the URL-safe alphabet, no padding, unused trailing bits zero), so that
 * one signature has exactly one spelling. The parts are decoded with the JDK's decoder.
 */
final class CompactTokens {

	private static final String MALFORMED = "token is malformed: it is not a signed JWT (JWS compact serialization)";

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** The value of each base64url character, -1 for every other character below 128. */
	private static final byte[] VALUES = new byte[128];

	static {
		Arrays.fill(VALUES, (byte) -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private CompactTokens() {
	}

	/**
	 * Splits a token no larger than {@code maxLength} into the three canonical parts of a
	 * compact JWS.
	 */
	static CompactToken split(String token, int maxLength) {
		if (token.length() > maxLength) {
			throw new InvalidTokenException(RejectionReason.TOO_LARGE,
					"token is larger than the " + maxLength + " bytes allowed");
		}
		if (!isStrictBase64url(token)) {
			throw new InvalidTokenException(RejectionReason.MALFORMED,
					"token is malformed: its parts are not strict base64url (RFC 7515)");
		}
		int firstDot = token.indexOf('.');
		int secondDot = (firstDot < 0) ? -1 : token.indexOf('.', firstDot + 1);
		if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0 || firstDot == 0
				|| secondDot == token.length() - 1) {
			throw malformed(token);
		}
		return new CompactToken(token, firstDot, secondDot);
	}

	/** Parses the header of a token that {@link #split} accepted. */
	static JWSHeader header(CompactToken token) {
		String part = token.headerPart();
		try {
			return JWSHeader.parse(JSONObjectUtils.parse(decodeToString(part)), new Base64URL(part));
		}
		catch (ParseException | RuntimeException ex) {
			throw malformed(token.value());
		}
	}

	static String decodeToString(String part) {
		return new String(DECODER.decode(part), StandardCharsets.UTF_8);
	}

	static byte[] decode(String part) {
		return DECODER.decode(part);
	}

	private static InvalidTokenException malformed(String token) {
		return new InvalidTokenException(RejectionReason.MALFORMED, whyNotSigned(token));
	}

	/** Whether every dot-separated part of the token is canonical base64url. */
	private static boolean isStrictBase64url(String token) {
		int start = 0;
		int length = token.length();
		for (int i = 0; i <= length; i++) {
			if (i == length || token.charAt(i) == '.') {
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
			char c = token.charAt(i);
			lastValue = (c < 128) ? VALUES[c] : -1;
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
			Map<String, Object> header = JSONObjectUtils.parse(decodeToString(part));
			return (header != null) ? header : Map.of();
		}
		catch (IllegalArgumentException | ParseException ex) {
			return Map.of();
		}
	}

	/**
	 * A token split into its three canonical base64url parts.
	 *
	 * @param value the whole token
	 * @param firstDot where the header part ends
	 * @param secondDot where the payload part ends
	 */
	record CompactToken(String value, int firstDot, int secondDot) {

		String headerPart() {
			return this.value.substring(0, this.firstDot);
		}

		String payloadPart() {
			return this.value.substring(this.firstDot + 1, this.secondDot);
		}

		String signaturePart() {
			return this.value.substring(this.secondDot + 1);
		}

		/** The bytes the signature covers: the header and payload parts with their dot. */
		byte[] signingInput() {
			return this.value.substring(0, this.secondDot).getBytes(StandardCharsets.US_ASCII);
		}

	}

}
