package io.github.zuplojwt.decoder;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The {@link JwtDecoder} that verifies the tokens of the trusted Zuplo issuers, as the
 * auto-configuration builds it from the {@code zuplo.*} properties. Inject it to read how its
 * key sets and its verified-token cache are doing; to replace it, declare a
 * {@link JwtDecoder} of your own.
 */
public interface ZuploJwtDecoder extends JwtDecoder {

	/**
	 * Verifies a token and returns it; never fetches keys for an issuer that is not trusted.
	 * @throws InvalidTokenException if the token is rejected, with the
	 * {@link InvalidTokenException#getReason() reason}
	 * @throws SigningKeysUnavailableException if the issuer's keys cannot be fetched and none
	 * are cached
	 */
	@Override
	Jwt decode(String token) throws JwtException;

	/**
	 * How the verified-token cache is doing; {@link TokenCacheStatistics#NONE} without one.
	 */
	TokenCacheStatistics tokenCacheStatistics();

	/**
	 * The state of every trusted issuer's key set, in the order the issuers are configured,
	 * read without fetching anything.
	 */
	List<KeySetState> keySets();

}
