package io.github.zuplojwt.internal.decoder;

/**
 * Makes attacker-chosen values (an {@code alg}, a {@code kid}, an issuer) safe to log or to
 * show in a rejection: short, and without control or markup characters.
 */
final class Printable {

	private static final int MAX_LENGTH = 100;

	private Printable() {
	}

	static String of(String value) {
		if (value == null) {
			return "-";
		}
		String shortened = (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) + "..." : value;
		return shortened.replaceAll("[^A-Za-z0-9._:/~+-]", "?");
	}

}
