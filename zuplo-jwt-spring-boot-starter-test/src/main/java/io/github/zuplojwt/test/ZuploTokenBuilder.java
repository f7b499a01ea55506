package io.github.zuplojwt.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.principal.ZuploPrincipal;

/**
 * Builds a token laid out exactly as Zuplo signs it, with defaults that fit the application
 * under test: its issuer, its first audience and the first value of each required claim.
 * Change what a test is about; {@link #sign()} signs it with the test issuer's key.
 * <ul>
 * <li>An upstream token ({@link ZuploTestIssuer#token()}), as the Upstream Zuplo JWT policy
 * sends it: header {@code {"alg":"EdDSA"}}, with no {@code kid} and no {@code typ}; claims
 * in the gateway's order: custom claims (the policy's {@code additionalClaims}) first, then
 * {@code iss}, {@code iat}, {@code exp} an hour later, then {@code aud} (when the
 * application accepts an audience, as from a policy that sets {@code audience}) and
 * {@code sub} (only when {@link #subject(String)} sets one). No {@code nbf}, no
 * {@code jti}.</li>
 * <li>An Identity Token ({@link ZuploTestIssuer#identityToken()}): RS256, a {@code kid} like
 * {@code atky_…}, the claims {@code account}, {@code project}, {@code deployment},
 * {@code environment_type}, then {@code iss}, {@code iat}, {@code exp} ten hours later,
 * {@code aud} and {@code sub} (the deployment's client id).</li>
 * </ul>
 * A builder is for one token at a time and is not thread-safe.
 */
public final class ZuploTokenBuilder {

	/** The audience of a token meant for another backend ({@link #wrongAudience()}). */
	public static final String WRONG_AUDIENCE = "https://another-backend.zuplo-test.invalid";

	/** The issuer of a token from another gateway ({@link #otherIssuer()}). */
	public static final String OTHER_ISSUER = "https://another-gateway.zuplo-test.invalid/__zuplo/issuer";

	/** The issuer of tokens that no test issuer signs, when the application configures none. */
	static final String UNSIGNED_ISSUER = "https://gateway.zuplo-test.invalid/__zuplo/issuer";

	/** How far in the past an {@link #expired()} token expired: beyond any allowed clock skew. */
	private static final Duration EXPIRED_SINCE = Duration.ofHours(1);

	/** The claims Zuplo writes itself, after the custom claims, in this order. */
	private static final List<String> GATEWAY_CLAIMS = List.of("iss", "iat", "exp", "aud", "sub");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ZuploTestIssuer issuer;

	private final Kind kind;

	private String algorithm;

	private Duration lifetime;

	private Instant issuedAt;

	private Instant expiresAt;

	private boolean unpublishedKey;

	private KeyId keyId;

	private final Map<String, Object> defaults = new LinkedHashMap<>();

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private final Set<String> removed = new HashSet<>();

	private ZuploTokenBuilder(ZuploTestIssuer issuer, Kind kind) {
		this.issuer = issuer;
		this.kind = kind;
		this.algorithm = kind.algorithm;
		this.lifetime = kind.lifetime;
		this.keyId = kind.keyId;
	}

	/** An upstream-policy token; {@code issuer} signs it, or none when {@code null}. */
	static ZuploTokenBuilder upstream(ZuploTestIssuer issuer) {
		return new ZuploTokenBuilder(issuer, Kind.UPSTREAM);
	}

	/** An Identity Token; {@code issuer} signs it, or none when {@code null}. */
	static ZuploTokenBuilder identity(ZuploTestIssuer issuer) {
		ZuploTokenBuilder builder = new ZuploTokenBuilder(issuer, Kind.IDENTITY);
		builder.defaults.put("account", "test-account");
		builder.defaults.put("project", "test-project");
		builder.defaults.put("deployment", "test-project-main-0a1b2c3");
		builder.defaults.put("environment_type", "production");
		builder.defaults.put("sub", "test-client");
		return builder;
	}

	/** The consumer or client the token is about ({@code sub}). */
	public ZuploTokenBuilder subject(String subject) {
		return claim("sub", subject);
	}

	/**
	 * The audience ({@code aud}): one value is written as a string, several as an array.
	 * Without it, the application's first {@code zuplo.audiences} entry.
	 */
	public ZuploTokenBuilder audience(String... audiences) {
		return claim("aud", (audiences.length == 1) ? audiences[0] : List.of(audiences));
	}

	/** When the token was issued ({@code iat}); now unless set. */
	public ZuploTokenBuilder issuedAt(Instant issuedAt) {
		this.issuedAt = issuedAt;
		return this;
	}

	/** When the token expires ({@code exp}); without it, its lifetime after {@code iat}. */
	public ZuploTokenBuilder expiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
		return this;
	}

	/**
	 * How long after {@code iat} the token expires: an hour for upstream tokens (the
	 * policy's {@code expiresIn}), ten hours for Identity Tokens.
	 */
	public ZuploTokenBuilder expiresIn(Duration lifetime) {
		this.lifetime = lifetime;
		this.expiresAt = null;
		return this;
	}

	/** When the token becomes valid ({@code nbf}); Zuplo sends none. */
	public ZuploTokenBuilder notBefore(Instant notBefore) {
		return claim("nbf", notBefore);
	}

	/** The Zuplo account ({@code account}, an Identity Token claim). */
	public ZuploTokenBuilder account(String account) {
		return claim("account", account);
	}

	/** The Zuplo project ({@code project}, an Identity Token claim). */
	public ZuploTokenBuilder project(String project) {
		return claim("project", project);
	}

	/** The Zuplo deployment ({@code deployment}, an Identity Token claim). */
	public ZuploTokenBuilder deployment(String deployment) {
		return claim("deployment", deployment);
	}

	/** The kind of environment: {@code production}, {@code preview} or {@code development}. */
	public ZuploTokenBuilder environmentType(String environmentType) {
		return claim("environment_type", environmentType);
	}

	/**
	 * Sets a claim, such as consumer metadata ({@code plan}, {@code companyId}); a string,
	 * number, boolean, {@link Instant}, list or map. {@code null} leaves the claim out of
	 * the token, defaults included.
	 */
	public ZuploTokenBuilder claim(String name, Object value) {
		if (value == null) {
			this.claims.remove(name);
			this.removed.add(name);
		}
		else {
			this.claims.put(name, value);
			this.removed.remove(name);
		}
		return this;
	}

	/** Sets each of the given claims, as {@link #claim(String, Object)} does. */
	public ZuploTokenBuilder claims(Map<String, ?> claims) {
		claims.forEach(this::claim);
		return this;
	}

	/**
	 * Signs with {@code EdDSA} (Ed25519) or {@code RS256} (the JWT Service plugin's
	 * {@code algorithm} option); the test issuer publishes a key for each.
	 */
	public ZuploTokenBuilder algorithm(String algorithm) {
		IssuerKey.requireSupported(algorithm);
		this.algorithm = algorithm;
		return this;
	}

	/**
	 * Names the signing key's published {@code kid} in the header. Upstream tokens carry
	 * none (the gateway's keys are found by algorithm); Identity Tokens always do.
	 */
	public ZuploTokenBuilder keyId() {
		this.keyId = KeyId.PUBLISHED;
		return this;
	}

	/**
	 * Names this {@code kid} in the header, whatever key signs: a made-up one makes a token
	 * whose key the application cannot find. {@code null} leaves the {@code kid} out.
	 */
	public ZuploTokenBuilder keyId(String kid) {
		this.keyId = (kid != null) ? KeyId.named(kid) : KeyId.NONE;
		return this;
	}

	/** A token that expired an hour ago, beyond any clock skew the application allows. */
	public ZuploTokenBuilder expired() {
		Instant expired = Instant.now().minus(EXPIRED_SINCE).truncatedTo(ChronoUnit.SECONDS);
		return issuedAt(expired.minus(this.lifetime)).expiresAt(expired);
	}

	/** A token meant for another backend: {@code aud} is {@value #WRONG_AUDIENCE}. */
	public ZuploTokenBuilder wrongAudience() {
		return audience(WRONG_AUDIENCE);
	}

	/**
	 * A token from another gateway: {@code iss} is {@value #OTHER_ISSUER}, and it is signed
	 * by a key that the test issuer does not publish.
	 */
	public ZuploTokenBuilder otherIssuer() {
		this.unpublishedKey = true;
		return claim("iss", OTHER_ISSUER);
	}

	/**
	 * A token that names the trusted issuer but is signed by a key that issuer does not
	 * publish, as a forger would make it. The application looks the key up once more before
	 * rejecting it.
	 */
	public ZuploTokenBuilder unpublishedKey() {
		this.unpublishedKey = true;
		return this;
	}

	/**
	 * Signs the token with the test issuer's current key for its algorithm (or with a key
	 * it does not publish, for {@link #otherIssuer()} and {@link #unpublishedKey()}).
	 * @return the token in compact serialization, ready for the bearer header
	 * @throws IllegalStateException if no test issuer is behind this builder
	 */
	public String sign() {
		if (this.issuer == null) {
			throw new IllegalStateException("This token has no issuer to sign it: it only gives claims to a test"
					+ " principal. Take signed tokens from ZuploTestIssuer.token() or identityToken().");
		}
		IssuerKey key = this.unpublishedKey ? this.issuer.unpublishedKey(this.algorithm)
				: this.issuer.signingKey(this.algorithm);
		String signingInput = encode(header(key.kid())) + "." + encode(toJson(claims(this.issuer.applicationSettings())));
		return signingInput + "." + BASE64URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * The principal the application's decoder would make of this token, without a
	 * signature: claims as a {@code Jwt} presents them (times as instants, the audience as
	 * a list), named by the application's principal claim.
	 */
	ZuploPrincipal principal(ApplicationSettings application) {
		String kid = (this.issuer != null) ? this.issuer.signingKey(this.algorithm).kid() : "zuplo-test-unsigned";
		Map<String, Object> header = header(kid);
		Map<String, Object> claims = claims(application);
		Map<String, Object> principalClaims = new LinkedHashMap<>();
		claims.forEach((name, value) -> principalClaims.put(name, switch (name) {
			case "aud" -> (value instanceof String audience) ? List.of(audience) : value;
			default -> value;
		}));
		String unsigned = encode(header) + "." + encode(toJson(claims)) + ".";
		return new ZuploPrincipal(unsigned, (Instant) claims.get("iat"), (Instant) claims.get("exp"), header,
				Collections.unmodifiableMap(principalClaims), application.principalClaim());
	}

	/** The header: {@code alg}, then {@code typ} and {@code kid} where this kind of token has them. */
	private Map<String, Object> header(String signingKid) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", this.algorithm);
		if (this.kind.typed) {
			header.put("typ", "JWT");
		}
		String kid = this.keyId.value(signingKid);
		if (kid != null) {
			header.put("kid", kid);
		}
		return header;
	}

	/**
	 * The claims in the gateway's order, times as instants: the custom claims (defaults,
	 * the first value of each required claim, then what the test set), then {@code iss},
	 * {@code iat}, {@code exp}, {@code aud} and {@code sub}. A claim set to {@code null} is
	 * left out.
	 */
	private Map<String, Object> claims(ApplicationSettings application) {
		Map<String, Object> given = new LinkedHashMap<>(this.defaults);
		application.requiredClaims().forEach((name, values) -> given.put(name, values.get(0)));
		given.putAll(this.claims);
		Instant issued = (this.issuedAt != null) ? this.issuedAt : Instant.now().truncatedTo(ChronoUnit.SECONDS);
		given.putIfAbsent("iss", issuer(application));
		given.putIfAbsent("iat", issued);
		given.putIfAbsent("exp", (this.expiresAt != null) ? this.expiresAt : issued.plus(this.lifetime));
		String audience = defaultAudience(application);
		if (audience != null) {
			given.putIfAbsent("aud", audience);
		}
		Map<String, Object> all = new LinkedHashMap<>();
		given.forEach((name, value) -> {
			if (!GATEWAY_CLAIMS.contains(name)) {
				all.put(name, value);
			}
		});
		GATEWAY_CLAIMS.forEach((name) -> {
			if (given.containsKey(name)) {
				all.put(name, given.get(name));
			}
		});
		all.keySet().removeAll(this.removed);
		return all;
	}

	/**
	 * The audience when the test sets none: the application's first, as from a policy set
	 * up for it; without one, none for an upstream token (the policy's default) and the
	 * kit's own for an Identity Token (which Zuplo mints for an audience).
	 */
	private String defaultAudience(ApplicationSettings application) {
		if (!application.audiences().isEmpty()) {
			return application.audiences().get(0);
		}
		return (this.kind == Kind.IDENTITY) ? ZuploTestIssuer.DEFAULT_AUDIENCE : null;
	}

	private String issuer(ApplicationSettings application) {
		if (this.issuer != null) {
			return this.issuer.issuer();
		}
		return (application.issuer() != null) ? application.issuer() : UNSIGNED_ISSUER;
	}

	private static Map<String, Object> toJson(Map<String, Object> claims) {
		Map<String, Object> json = new LinkedHashMap<>();
		claims.forEach((name, value) -> json.put(name, (value instanceof Instant instant) ? instant.getEpochSecond()
				: value));
		return json;
	}

	private static String encode(Map<String, Object> json) {
		return BASE64URL.encodeToString(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8));
	}

	/** The two kinds of token Zuplo signs, with what tells them apart. */
	private enum Kind {

		UPSTREAM(IssuerKey.EDDSA, Duration.ofHours(1), false, KeyId.NONE),

		IDENTITY(IssuerKey.RS256, Duration.ofHours(10), true, KeyId.PUBLISHED);

		private final String algorithm;

		private final Duration lifetime;

		private final boolean typed;

		private final KeyId keyId;

		Kind(String algorithm, Duration lifetime, boolean typed, KeyId keyId) {
			this.algorithm = algorithm;
			this.lifetime = lifetime;
			this.typed = typed;
			this.keyId = keyId;
		}

	}

	/** Which {@code kid} the header names: none, the signing key's, or a given one. */
	private record KeyId(boolean published, String named) {

		static final KeyId NONE = new KeyId(false, null);

		static final KeyId PUBLISHED = new KeyId(true, null);

		static KeyId named(String kid) {
			return new KeyId(false, kid);
		}

		String value(String signingKid) {
			return this.published ? signingKid : this.named;
		}

	}

}
