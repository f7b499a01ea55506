package io.github.zuplojwt.sample.devissuer;

import java.time.Duration;
import java.util.Map;

/**
 * DEVELOPMENT ONLY. What the {@link DevIssuer} needs from its key: an issuer that publishes
 * the public half as a JSON Web Key Set on a loopback port, and tokens signed with it. The
 * one seam between the development issuer and the code that makes keys and tokens
 * ({@link DevSigningKey}, which uses the starter's test kit), so that code can be swapped
 * for another implementation without touching the rest.
 */
public interface SigningKey extends AutoCloseable {

	/** Makes the key of the development issuer and starts publishing it. */
	static SigningKey generate() {
		return new DevSigningKey();
	}

	/** The issuer the tokens name in {@code iss}; its key set is at {@code <issuer>/.well-known/jwks.json}. */
	String issuer();

	/**
	 * Signs a token for a consumer, with Zuplo-like claims and the given lifetime.
	 * @param subject the consumer, in {@code sub}
	 * @param audience the audience, in {@code aud}
	 * @param extraClaims custom claims, such as consumer metadata
	 * @param lifetime how long the token is valid from now
	 */
	String mint(String subject, String audience, Map<String, Object> extraClaims, Duration lifetime);

	/** Stops publishing the key. */
	@Override
	void close();

}
