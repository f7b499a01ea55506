package io.github.zuplojwt.decoder;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zuplojwt.crypto.VerificationKeys;
import io.github.zuplojwt.crypto.ZuploJwsVerifierFactory;
import io.github.zuplojwt.jwks.JwksKeySelector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes and verifies a Zuplo gateway JWT. Cheap checks come first and need no network:
 * size, strict base64url shape, header ({@code alg} in the allow-list, {@code typ}, no
 * {@code crit}, no key of its own), time claims that are real times, then
 * the unverified {@code iss} picks the trusted issuer, whose own keys verify the signature
 * and whose validators check the claims. A token from an untrusted issuer never causes a
 * key fetch.
 */
public final class ZuploJwtDecoder implements JwtDecoder, DisposableBean {

	private static final Log logger = LogFactory.getLog(ZuploJwtDecoder.class);

	private static final String MALFORMED_CLAIMS = "token claims are malformed or of the wrong type";

	private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");

	/** 9999-12-31T23:59:59Z in seconds since 1970. */
	private static final double MAX_NUMERIC_DATE = 253402300799d;

	private final VerificationPolicy policy;

	private final Map<String, IssuerVerifier> verifiers;

	private final List<JwksKeySelector> keySelectors;

	private ZuploJwtDecoder(VerificationPolicy policy, Map<String, IssuerVerifier> verifiers,
			List<JwksKeySelector> keySelectors) {
		this.policy = policy;
		this.verifiers = verifiers;
		this.keySelectors = keySelectors;
	}

	/**
	 * Creates a decoder that trusts the given issuers. Nothing is fetched until the first
	 * token of an issuer arrives.
	 * @param issuers the trusted issuers, each with its own key set
	 * @param policy rules common to all tokens
	 * @param verificationKeys how published keys become verification keys
	 * @param additionalValidator validated after the starter's own checks, or {@code null}
	 */
	public static ZuploJwtDecoder create(List<TrustedIssuer> issuers, VerificationPolicy policy,
			VerificationKeys verificationKeys, OAuth2TokenValidator<Jwt> additionalValidator) {
		Map<String, IssuerVerifier> verifiers = new LinkedHashMap<>();
		List<JwksKeySelector> selectors = new ArrayList<>();
		ZuploJwsVerifierFactory verifierFactory = new ZuploJwsVerifierFactory();
		for (TrustedIssuer issuer : issuers) {
			JwksKeySelector selector = JwksKeySelector.remote(issuer.jwks(), verificationKeys);
			selectors.add(selector);
			verifiers.put(issuer.issuer(), new IssuerVerifier(issuer, selector, verifierFactory,
					TokenValidators.forIssuer(issuer, policy, additionalValidator)));
		}
		return new ZuploJwtDecoder(policy, Map.copyOf(verifiers), List.copyOf(selectors));
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		SignedJWT parsed = null;
		String issuer = null;
		try {
			parsed = parse(token);
			checkHeader(parsed.getHeader());
			issuer = issuerOf(parsed);
			IssuerVerifier verifier = this.verifiers.get(issuer);
			if (verifier == null) {
				throw new InvalidTokenException("token issuer is not trusted");
			}
			return verifier.verify(token, parsed);
		}
		catch (JwtException ex) {
			logRejection(ex, parsed, issuer);
			throw ex;
		}
		catch (RuntimeException ex) {
			// Fail closed: an error while judging a token rejects it; it never becomes a 500.
			logger.warn("Rejected token after an unexpected " + ex.getClass().getName() + " (issuer="
					+ printableOrNone(issuer) + ", kid=" + printableOrNone(kidOf(parsed)) + ")");
			throw new InvalidTokenException("token could not be verified");
		}
	}

	private SignedJWT parse(String token) {
		if (token.length() > this.policy.maxTokenLength()) {
			throw new InvalidTokenException(
					"token is larger than the " + this.policy.maxTokenLength() + " bytes allowed");
		}
		if (!CompactTokens.isStrictBase64url(token)) {
			throw new InvalidTokenException("token is malformed: its parts are not strict base64url (RFC 7515)");
		}
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new InvalidTokenException(CompactTokens.whyNotSigned(token));
		}
	}

	private void checkHeader(JWSHeader header) {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (!this.policy.algorithms().contains(algorithm)) {
			throw new InvalidTokenException("token algorithm " + printable(algorithm.getName()) + " is not allowed");
		}
		JOSEObjectType type = header.getType();
		if (type != null && !"JWT".equalsIgnoreCase(type.getType())
				&& !"application/jwt".equalsIgnoreCase(type.getType())) {
			throw new InvalidTokenException("token type (typ) is not JWT");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new InvalidTokenException("token has critical header parameters (crit) that are not supported");
		}
		if (!header.isBase64URLEncodePayload()) {
			throw new InvalidTokenException("token has an unencoded payload (b64), which is not supported");
		}
		if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
				|| header.getX509CertChain() != null) {
			throw new InvalidTokenException("token names its own signing key (jwk, jku, x5u or x5c header); "
					+ "only the issuer's published keys are trusted");
		}
		if (header.getKeyID() == null) {
			throw new InvalidTokenException("token has no key id (kid)");
		}
	}

	private static String issuerOf(SignedJWT parsed) {
		Map<String, Object> raw = parsed.getPayload().toJSONObject();
		if (raw == null) {
			throw new InvalidTokenException(MALFORMED_CLAIMS);
		}
		checkTimes(raw);
		JWTClaimsSet claims;
		try {
			claims = parsed.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new InvalidTokenException(MALFORMED_CLAIMS);
		}
		if (claims.getIssuer() == null) {
			throw new InvalidTokenException("token has no issuer (iss)");
		}
		return claims.getIssuer();
	}

	/**
	 * Refuses time claims that are not NumericDates a clock can compare: numbers of seconds
	 * from 1970 up to the year 9999, so that no overflow turns an absurd time into a valid
	 * one.
	 */
	private static void checkTimes(Map<String, Object> claims) {
		for (String name : TIME_CLAIMS) {
			Object value = claims.get(name);
			if (value != null && !(value instanceof Number number && number.doubleValue() >= 0
					&& number.doubleValue() <= MAX_NUMERIC_DATE)) {
				throw new InvalidTokenException("token claim " + name
						+ " is not a valid time (a number of seconds since 1970, before the year 10000)");
			}
		}
	}

	/** Makes an attacker-chosen value safe to log or show: short, and no control characters. */
	private static String printable(String value) {
		String shortened = (value.length() > 100) ? value.substring(0, 100) + "..." : value;
		return shortened.replaceAll("[^A-Za-z0-9._:/~+-]", "?");
	}

	private static void logRejection(JwtException ex, SignedJWT parsed, String issuer) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		logger.debug("Rejected token: " + ex.getMessage() + " (issuer=" + printableOrNone(issuer) + ", kid="
				+ printableOrNone(kidOf(parsed)) + ")");
	}

	private static String kidOf(SignedJWT parsed) {
		return (parsed != null) ? parsed.getHeader().getKeyID() : null;
	}

	private static String printableOrNone(String value) {
		return (value != null) ? printable(value) : "-";
	}

	/**
	 * Fetches every trusted issuer's key set in the background; returns at once.
	 */
	public void warmUp() {
		this.keySelectors.forEach(JwksKeySelector::warmUp);
	}

	@Override
	public void destroy() throws Exception {
		for (JwksKeySelector selector : this.keySelectors) {
			selector.close();
		}
	}

}
