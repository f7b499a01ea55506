package io.github.zuplojwt.internal.decoder;

import java.util.List;
import java.util.Map;

/**
 * What a refused token carried, as far as it was read before it was refused: the values that
 * rejection lines and configuration-mistake warnings name. Every value comes from the token,
 * chosen by whoever sent it unless its signature verified, so it is made {@link Printable}
 * before it is shown, and it never reaches an error response.
 *
 * @param issuer its {@code iss}, or {@code null} if none was read
 * @param kid its {@code kid}, or {@code null}
 * @param algorithm its {@code alg}, or {@code null} if its header was not read
 * @param aud its {@code aud} as read, a string or a list, or {@code null}; kept as it is so
 * that a refusal costs no copy, and read through {@link #audience()} when it is shown
 */
record RefusedToken(String issuer, String kid, String algorithm, Object aud) {

	/**
	 * What was read of a token: its claims once its payload was parsed, {@code null} before.
	 */
	static RefusedToken of(String issuer, String kid, String algorithm, Map<String, Object> claims) {
		return new RefusedToken(issuer, kid, algorithm, (claims != null) ? claims.get("aud") : null);
	}

	/** Its audience as a list, or {@code null} if it has none (or one of the wrong type). */
	List<String> audience() {
		if (this.aud instanceof String single) {
			return List.of(single);
		}
		if (this.aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		return null;
	}

}
