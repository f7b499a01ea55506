package io.github.zuplojwt.internal.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TokenParser.ParsedToken;
import io.github.zuplojwt.internal.jwks.KeyFetchBulkhead;
import io.github.zuplojwt.internal.jwks.KeyFetchRequiredException;
import io.github.zuplojwt.internal.jwks.SigningKeySelector;
import io.github.zuplojwt.internal.web.GatewayRequestId;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The {@link ZuploJwtDecoder} the auto-configuration builds: it decodes and verifies a Zuplo
 * gateway JWT, the one verification core of both web stacks.
 * Cheap checks come first and need no network: size, strict base64url shape, header, claim
 * types and times that are real times; then the unverified {@code iss} picks the trusted
 * issuer, whose own keys verify the signature and whose rules check the claims. A token from
 * an untrusted issuer never causes a key fetch. Any unexpected error rejects the token.
 * Every rejection is logged at DEBUG and counted by reason, and one that looks like a mistake
 * in the configuration is reported at WARN, at most once a minute per reason
 * ({@link RejectionMonitor}).
 */
public final class VerifyingJwtDecoder implements ZuploJwtDecoder, DisposableBean {

	private static final Log logger = LogFactory.getLog(VerifyingJwtDecoder.class);

	private final VerificationPolicy policy;

	private final TokenParser parser;

	private final Map<String, IssuerVerifier> verifiers;

	private final VerifiedTokenCache tokenCache;

	private final List<TrustedIssuer> trustedIssuers;

	private final RejectionMonitor rejections;

	private VerifyingJwtDecoder(VerificationPolicy policy, List<TrustedIssuer> trustedIssuers,
			Map<String, IssuerVerifier> verifiers, VerifiedTokenCache tokenCache) {
		this.policy = policy;
		this.trustedIssuers = trustedIssuers;
		this.parser = new TokenParser(policy.maxTokenLength());
		this.verifiers = verifiers;
		this.tokenCache = tokenCache;
		this.rejections = new RejectionMonitor(trustedIssuers, policy);
	}

	/**
	 * Creates a decoder that trusts the given issuers, with the defaults of
	 * {@link #builder(List, VerificationPolicy, VerificationKeys)}.
	 * @param additionalValidator validated after the starter's own checks, or {@code null}
	 */
	public static VerifyingJwtDecoder create(List<TrustedIssuer> issuers, VerificationPolicy policy,
			VerificationKeys verificationKeys, OAuth2TokenValidator<Jwt> additionalValidator) {
		return builder(issuers, policy, verificationKeys).additionalValidator(additionalValidator).build();
	}

	/**
	 * Starts a decoder that trusts the given issuers: by default with the default token
	 * cache, principals named by {@code sub}, no additional validator, no observations, and
	 * at most {@value KeyFetchBulkhead#DEFAULT_MAX_WAITING_REQUESTS} requests waiting for key
	 * set fetches at once.
	 * Nothing is fetched until the first token of an issuer arrives.
	 * @param issuers the trusted issuers, each with its own key set
	 * @param policy rules common to all tokens
	 * @param verificationKeys how published keys become verification keys
	 */
	public static Builder builder(List<TrustedIssuer> issuers, VerificationPolicy policy,
			VerificationKeys verificationKeys) {
		return new Builder(issuers, policy, verificationKeys);
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		return attempt(token, true).finish();
	}

	/**
	 * Decodes and verifies a token as far as it can without ever waiting on the network: for
	 * callers that must not block, such as a reactive event loop.
	 * @return the verified token, or, if judging it needs keys that must be fetched first,
	 * the rest of its verification, to {@link Attempt#finish() finish} where blocking is
	 * allowed
	 * @throws JwtException if the token is rejected
	 */
	public Attempt decodeWithoutFetching(String token) throws JwtException {
		return attempt(token, false);
	}

	private Attempt attempt(String token, boolean mayFetch) {
		String issuer = null;
		String kid = null;
		String algorithm = null;
		Map<String, Object> claims = null;
		try {
			VerifiedTokenCache.Entry cached = (this.tokenCache != null) ? this.tokenCache.get(token) : null;
			if (cached != null) {
				issuer = cached.jwt().getClaimAsString("iss");
				kid = (String) cached.jwt().getHeaders().get("kid");
				claims = cached.jwt().getClaims();
				if (revalidate(token, cached)) {
					return new Attempt(cached.jwt(), null);
				}
			}
			else if (this.tokenCache != null) {
				this.tokenCache.miss();
			}
			ParsedToken parsed = this.parser.parse(token);
			JWSHeader header = parsed.header();
			kid = header.getKeyID();
			algorithm = header.getAlgorithm().getName();
			HeaderRules.check(header, this.policy.algorithms());
			claims = Claims.parse(parsed.payloadJson());
			issuer = Claims.issuer(claims);
			IssuerVerifier verifier = this.verifiers.get(issuer);
			if (verifier == null) {
				throw new InvalidTokenException(RejectionReason.ISSUER, "token issuer is not trusted");
			}
			Map<String, Object> payload = claims;
			try {
				return new Attempt(verify(parsed, payload, verifier, mayFetch), null);
			}
			catch (KeyFetchRequiredException ex) {
				RefusedToken ifRefused = RefusedToken.of(issuer, kid, algorithm, payload);
				return new Attempt(null, () -> verifyFetchingKeys(parsed, payload, verifier, ifRefused));
			}
		}
		catch (RuntimeException ex) {
			throw rejected(ex, RefusedToken.of(issuer, kid, algorithm, claims));
		}
	}

	private Jwt verify(ParsedToken token, Map<String, Object> claims, IssuerVerifier verifier, boolean mayFetch)
			throws KeyFetchRequiredException {
		VerifiedTokenCache.Entry verified = verifier.verify(token, claims, mayFetch);
		this.parser.verified(token);
		if (this.tokenCache != null) {
			this.tokenCache.put(token.compact().value(), verified);
		}
		return verified.jwt();
	}

	/** The rest of a verification stopped where keys had to be fetched: from the key selection on. */
	private Jwt verifyFetchingKeys(ParsedToken token, Map<String, Object> claims, IssuerVerifier verifier,
			RefusedToken ifRefused) {
		try {
			return verify(token, claims, verifier, true);
		}
		catch (KeyFetchRequiredException ex) {
			throw rejected(new IllegalStateException("a verification that may fetch was asked to fetch", ex),
					ifRefused);
		}
		catch (RuntimeException ex) {
			throw rejected(ex, ifRefused);
		}
	}

	/**
	 * The exception a rejected token ends with: its own reason, or, for any unexpected error
	 * while judging it, a plain rejection. Fail closed: such an error never becomes a 500.
	 * Either way the rejection is counted, and logged.
	 */
	private InvalidTokenException rejected(RuntimeException ex, RefusedToken token) {
		InvalidTokenException rejection;
		if (ex instanceof InvalidTokenException invalid) {
			logRejection(invalid, token);
			rejection = invalid;
		}
		else {
			logger.warn("Rejected token after an unexpected " + ex.getClass().getName() + where(token));
			rejection = new InvalidTokenException(RejectionReason.ERROR, "token could not be verified");
		}
		this.rejections.refused(rejection.getReason(), token);
		return rejection;
	}

	/**
	 * Checks again a token from the cache: whether it is served from there (its key is still
	 * published and it still passes every time and claim rule), or must be verified in full.
	 * A token that no longer passes is rejected and leaves the cache.
	 */
	private boolean revalidate(String token, VerifiedTokenCache.Entry cached) {
		boolean stillVerified;
		try {
			stillVerified = cached.verifier().revalidate(cached);
		}
		catch (RuntimeException ex) {
			this.tokenCache.remove(token);
			throw ex;
		}
		if (stillVerified) {
			this.tokenCache.hit();
			return true;
		}
		this.tokenCache.remove(token);
		this.tokenCache.miss();
		return false;
	}

	private static void logRejection(InvalidTokenException ex, RefusedToken token) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected token: " + ex.getMessage() + where(token));
		}
	}

	/**
	 * The issuer and {@code kid} a rejection names, and the gateway's request id when the
	 * request carried one, so the line can be found from Zuplo's own log of the request.
	 */
	private static String where(RefusedToken token) {
		String requestId = GatewayRequestId.current();
		return " (issuer=" + Printable.of(token.issuer()) + ", kid=" + Printable.of(token.kid())
				+ ((requestId != null) ? ", requestId=" + requestId : "") + ")";
	}

	@Override
	public TokenCacheStatistics tokenCacheStatistics() {
		return (this.tokenCache != null) ? this.tokenCache.statistics() : TokenCacheStatistics.NONE;
	}

	@Override
	public List<KeySetState> keySets() {
		List<KeySetState> states = new ArrayList<>(this.verifiers.size());
		this.verifiers.values().forEach((verifier) -> states.add(verifier.keySet()));
		return states;
	}

	/** The issuers whose tokens this decoder trusts, in the order they were configured. */
	public List<TrustedIssuer> trustedIssuers() {
		return this.trustedIssuers;
	}

	/** The rules every token meets, whatever its issuer. */
	public VerificationPolicy policy() {
		return this.policy;
	}

	/** How many tokens this decoder has refused, by reason: since it was built, and recently. */
	public List<RejectionMonitor.Count> rejections() {
		return this.rejections.counts();
	}

	/**
	 * Fetches every trusted issuer's key set in the background; returns at once.
	 */
	public void warmUp() {
		this.verifiers.values().forEach(IssuerVerifier::warmUp);
	}

	@Override
	public void destroy() throws Exception {
		for (IssuerVerifier verifier : this.verifiers.values()) {
			verifier.close();
		}
	}

	/**
	 * A token decoded as far as possible without waiting on the network: either verified, or
	 * stopped where its issuer's keys must be fetched first.
	 */
	public static final class Attempt {

		private final Jwt jwt;

		private final Supplier<Jwt> rest;

		private Attempt(Jwt jwt, Supplier<Jwt> rest) {
			this.jwt = jwt;
			this.rest = rest;
		}

		/** The verified token, or {@code null} if keys must be fetched first. */
		public Jwt jwt() {
			return this.jwt;
		}

		/**
		 * The verified token, fetching the issuer's keys first if needed, so it may wait on
		 * the network. The checks already done are not repeated, and the token-cache lookup
		 * is not counted again.
		 * @throws JwtException if the token is rejected
		 */
		public Jwt finish() throws JwtException {
			return (this.rest != null) ? this.rest.get() : this.jwt;
		}

	}

	/**
	 * Builds a {@link VerifyingJwtDecoder}.
	 */
	public static final class Builder {

		private final List<TrustedIssuer> issuers;

		private final VerificationPolicy policy;

		private final VerificationKeys verificationKeys;

		private OAuth2TokenValidator<Jwt> additionalValidator;

		private TokenCacheSettings tokenCache = TokenCacheSettings.DEFAULTS;

		private ObservationRegistry observations = ObservationRegistry.NOOP;

		private String principalClaim = "sub";

		private int maxWaitingRequests = KeyFetchBulkhead.DEFAULT_MAX_WAITING_REQUESTS;

		private Builder(List<TrustedIssuer> issuers, VerificationPolicy policy, VerificationKeys verificationKeys) {
			this.issuers = List.copyOf(issuers);
			this.policy = policy;
			this.verificationKeys = verificationKeys;
		}

		/** Validated after the starter's own checks; {@code null} for none. */
		public Builder additionalValidator(OAuth2TokenValidator<Jwt> additionalValidator) {
			this.additionalValidator = additionalValidator;
			return this;
		}

		/** How many verified tokens to keep. */
		public Builder tokenCache(TokenCacheSettings tokenCache) {
			this.tokenCache = tokenCache;
			return this;
		}

		/** Where key set fetches are observed. */
		public Builder observations(ObservationRegistry observations) {
			this.observations = observations;
			return this;
		}

		/** The claim that names the principal of a verified token. */
		public Builder principalClaim(String principalClaim) {
			this.principalClaim = principalClaim;
			return this;
		}

		/**
		 * Most requests that may wait for key set fetches at once, across all issuers; the
		 * others are refused at once while keys are being fetched.
		 */
		public Builder maxWaitingRequests(int maxWaitingRequests) {
			this.maxWaitingRequests = maxWaitingRequests;
			return this;
		}

		public VerifyingJwtDecoder build() {
			TimeRules timeRules = new TimeRules(this.policy);
			KeyFetchBulkhead bulkhead = new KeyFetchBulkhead(this.maxWaitingRequests);
			Map<String, IssuerVerifier> verifiers = new LinkedHashMap<>();
			for (TrustedIssuer issuer : this.issuers) {
				SigningKeySelector keys = SigningKeySelector.create(issuer.issuer(), issuer.jwks(),
						this.verificationKeys, this.observations, this.policy.clock(), bulkhead);
				verifiers.put(issuer.issuer(), new IssuerVerifier(keys, timeRules,
						new ClaimRules(issuer.audiences(), issuer.requiredClaims(), this.additionalValidator),
						this.principalClaim));
			}
			VerifiedTokenCache cache = this.tokenCache.enabled()
					? new VerifiedTokenCache(this.tokenCache.maxEntries(), this.tokenCache.maxBytes()) : null;
			return new VerifyingJwtDecoder(this.policy, this.issuers, verifiers, cache);
		}

	}

}
