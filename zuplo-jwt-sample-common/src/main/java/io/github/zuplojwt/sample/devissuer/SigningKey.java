package io.github.zuplojwt.sample.devissuer;

import java.time.Duration;
import java.util.Map;

/**
 * DEVELOPMENT ONLY. What the {@link DevIssuer} needs from a key: its public half as a JSON
 * Web Key Set, and tokens signed with it. The one seam between the development issuer and
 * the code that makes keys and tokens ({@link DevSigningKey}), so that code can be swapped
 * for another implementation without touching the rest.
 */
public interface SigningKey {

	/** Makes the key of the development issuer. */
	static SigningKey generate(String issuer) {
		return new DevSigningKey(issuer);
	}

	/** The issuer the tokens name in {@code iss}. */
	String issuer();

	/** The public key as a JSON Web Key Set, as Zuplo publishes it. */
	String jwksJson();

	/**
	 * Signs a token for a consumer, with Zuplo-like claims and the given lifetime.
	 * @param subject the consumer, in {@code sub}
	 * @param audience the audience, in {@code aud}
	 * @param extraClaims custom claims, such as consumer metadata
	 * @param lifetime how long the token is valid from now
	 */
	String mint(String subject, String audience, Map<String, Object> extraClaims, Duration lifetime);

}
