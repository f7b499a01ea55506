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
 * @param audience its {@code aud} as a list, or {@code null} if it has none or it was not
 * read
 */
record RefusedToken(String issuer, String kid, String algorithm, List<String> audience) {

	/**
	 * What was read of a token: its claims once its payload was parsed, {@code null} before.
	 */
	static RefusedToken of(String issuer, String kid, String algorithm, Map<String, Object> claims) {
		return new RefusedToken(issuer, kid, algorithm, (claims != null) ? audience(claims.get("aud")) : null);
	}

	private static List<String> audience(Object audience) {
		if (audience instanceof String single) {
			return List.of(single);
		}
		if (audience instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		return null;
	}

}
