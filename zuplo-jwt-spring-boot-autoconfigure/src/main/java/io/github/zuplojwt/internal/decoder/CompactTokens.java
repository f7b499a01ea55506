package io.github.zuplojwt.internal.decoder;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;

/**
 * The size and shape of a token, with plain reasons for tokens that are not a signed JWT. A
 * compact JWS has exactly three parts, each canonical base64url (RFC 7515: the URL-safe
 * alphabet, no padding, unused trailing bits zero), so that one signature has exactly one
 * spelling. The parts are decoded with the JDK's decoder, which refuses any other character.
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
	 * Splits a token no larger than {@code maxLength} into the three parts of a compact JWS,
	 * each of which must then be decoded with {@link #decode}: together they check that every
	 * part is canonical base64url. Splitting checks what decoding does not: no padding, and
	 * no set bits after the last full byte.
	 */
	static CompactToken split(String token, int maxLength) {
		if (token.length() > maxLength) {
			throw new InvalidTokenException(RejectionReason.TOO_LARGE,
					"token is larger than the " + maxLength + " bytes allowed");
		}
		int firstDot = token.indexOf('.');
		int secondDot = (firstDot < 0) ? -1 : token.indexOf('.', firstDot + 1);
		if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0 || firstDot == 0
				|| secondDot == token.length() - 1 || token.indexOf('=') >= 0
				|| !endsCanonically(token, 0, firstDot) || !endsCanonically(token, firstDot + 1, secondDot)
				|| !endsCanonically(token, secondDot + 1, token.length())) {
			throw rejection(token);
		}
		return new CompactToken(token, firstDot, secondDot);
	}

	/**
	 * Parses the header of a token that {@link #split} accepted.
	 * @throws IllegalArgumentException if the part is not base64url
	 * @throws ParseException if it is not the JSON of a JWS header
	 */
	static JWSHeader header(CompactToken token) throws ParseException {
		String part = token.headerPart();
		Map<String, Object> json = JSONObjectUtils.parse(decodeToString(part));
		// A null member would read as an absent one: {"kid":null} is malformed, not a token without a kid.
		if (json.containsValue(null)) {
			throw new ParseException("a header member is null", 0);
		}
		return JWSHeader.parse(json, new Base64URL(part));
	}

	/** Decodes a part to text; throws {@link IllegalArgumentException} if it is not base64url. */
	static String decodeToString(String part) {
		return new String(DECODER.decode(part), StandardCharsets.UTF_8);
	}

	/** Decodes a part; throws {@link IllegalArgumentException} if it is not base64url. */
	static byte[] decode(String part) {
		return DECODER.decode(part);
	}

	/**
	 * Why a token is refused that could not be split or decoded, judged in a fixed order
	 * whatever step refused it: first whether all its parts are canonical base64url, then
	 * whether it is a signed JWT at all.
	 */
	static InvalidTokenException rejection(String token) {
		if (!isStrictBase64url(token)) {
			return new InvalidTokenException(RejectionReason.MALFORMED,
					"token is malformed: its parts are not strict base64url (RFC 7515)");
		}
		return new InvalidTokenException(RejectionReason.MALFORMED, whyNotSigned(token));
	}

	/**
	 * Whether a part's length and last character leave no partial byte with set bits; the
	 * decoder checks the other characters.
	 */
	private static boolean endsCanonically(String token, int start, int end) {
		if (start == end) {
			return true;
		}
		char last = token.charAt(end - 1);
		int value = (last < 128) ? VALUES[last] : -1;
		return switch ((end - start) % 4) {
			case 1 -> false;
			case 2 -> value >= 0 && (value & 0x0F) == 0;
			case 3 -> value >= 0 && (value & 0x03) == 0;
			default -> true;
		};
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
