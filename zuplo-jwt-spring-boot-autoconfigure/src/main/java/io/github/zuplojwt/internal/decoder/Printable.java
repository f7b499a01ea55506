package io.github.zuplojwt.internal.decoder;

import java.util.List;

/**
 * Makes attacker-chosen values (an {@code alg}, a {@code kid}, an issuer, an audience) safe to
 * log or to show in a rejection: short, and without control or markup characters, so that a
 * value can neither start a new log line nor close the quotes it is shown in.
 */
final class Printable {

	private static final int MAX_LENGTH = 100;

	/** How many values of a list are shown; the others are only counted. */
	private static final int MAX_VALUES = 3;

	private Printable() {
	}

	static String of(String value) {
		if (value == null) {
			return "-";
		}
		String shortened = (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) + "..." : value;
		return shortened.replaceAll("[^A-Za-z0-9._:/~+-]", "?");
	}

	/** The value {@link #of(String) made printable}, in double quotes. */
	static String quoted(String value) {
		return "\"" + of(value) + "\"";
	}

	/**
	 * The first few values {@link #quoted(String) quoted}, and how many more there are: as
	 * short as a list of three, whatever the number of values.
	 */
	static String quoted(List<String> values) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < Math.min(values.size(), MAX_VALUES); i++) {
			shown.append((i > 0) ? ", " : "").append(quoted(values.get(i)));
		}
		int more = values.size() - MAX_VALUES;
		return (more > 0) ? shown + " and " + more + " more" : shown.toString();
	}

}
