package io.github.zuplojwt.internal.decoder;

import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.decoder.TokenParser.ParsedToken;
import io.github.zuplojwt.internal.jwks.KeyFetchRequiredException;
import io.github.zuplojwt.internal.jwks.KeySearch;
import io.github.zuplojwt.internal.jwks.KeySetUnavailableException;
import io.github.zuplojwt.internal.jwks.SigningKeySelector;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Verifies tokens of one trusted issuer: the signature with the issuer's own keys, then the
 * time rules and the issuer's claim rules; and checks again a token it verified earlier.
 */
final class IssuerVerifier implements AutoCloseable {

	private final SigningKeySelector keySelector;

	private final TimeRules timeRules;

	private final ClaimRules claimRules;

	private final String principalClaim;

	IssuerVerifier(SigningKeySelector keySelector, TimeRules timeRules, ClaimRules claimRules,
			String principalClaim) {
		this.keySelector = keySelector;
		this.timeRules = timeRules;
		this.claimRules = claimRules;
		this.principalClaim = principalClaim;
	}

	/**
	 * Verifies a token in full: signature, times and claims.
	 * @return the verified token and the key that verified it
	 */
	VerifiedTokenCache.Entry verify(ParsedToken token, Map<String, Object> rawClaims, boolean mayFetch)
			throws KeyFetchRequiredException {
		VerificationKey key = verifySignature(token.header(), token.signingInput(), token.signature(), mayFetch);
		Map<String, Object> claims = Claims.convert(rawClaims);
		this.timeRules.check(claims);
		Jwt jwt = Claims.toJwt(token.compact().value(), token.parsedHeader().parameters(), claims,
				this.principalClaim);
		this.claimRules.check(jwt);
		return new VerifiedTokenCache.Entry(jwt, this, key);
	}

	/**
	 * Checks again, now, a token verified earlier: its key must still be published (known
	 * without fetching), and its times and claims must still pass.
	 * @return whether the earlier verification still holds; {@code false} if the key may have
	 * changed and the token must be verified in full
	 * @throws InvalidTokenException if the token is no longer valid
	 */
	boolean revalidate(VerifiedTokenCache.Entry verified) {
		if (!this.keySelector.isPublished(verified.key())) {
			return false;
		}
		this.timeRules.check(verified.jwt().getClaims());
		this.claimRules.check(verified.jwt());
		return true;
	}

	private VerificationKey verifySignature(JWSHeader header, byte[] signingInput, Base64URL signature,
			boolean mayFetch) throws KeyFetchRequiredException {
		KeySearch search;
		try {
			search = this.keySelector.find(header, (key) -> key.verify(header, signingInput, signature), mayFetch);
		}
		catch (KeySetUnavailableException ex) {
			throw new SigningKeysUnavailableException(
					"signing keys of the issuer cannot be obtained right now; try again later", ex.getRetryAfter(), ex);
		}
		return switch (search.outcome()) {
			case VERIFIED -> search.key();
			case NO_MATCHING_KEY -> throw new InvalidTokenException(RejectionReason.UNKNOWN_KEY,
					(header.getKeyID() != null) ? "no trusted signing key matches the token's key id (kid) and algorithm"
							: "no trusted signing key fits the token's algorithm");
			case TOO_MANY_KEYS -> throw new InvalidTokenException(RejectionReason.UNKNOWN_KEY,
					"more than " + SigningKeySelector.MAX_CANDIDATES + " of the issuer's signing keys fit the token, and"
							+ " at most " + SigningKeySelector.MAX_CANDIDATES + " are tried");
			case NOT_VERIFIED -> throw new InvalidTokenException(RejectionReason.SIGNATURE,
					"token signature is not valid");
		};
	}

	KeySetState keySet() {
		return this.keySelector.state();
	}

	void warmUp() {
		this.keySelector.warmUp();
	}

	@Override
	public void close() throws Exception {
		this.keySelector.close();
	}

}
