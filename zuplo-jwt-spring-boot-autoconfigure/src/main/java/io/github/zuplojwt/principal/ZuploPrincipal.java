package io.github.zuplojwt.principal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the Zuplo gateway vouches for it: a verified {@link Jwt} with accessors
 * for what Zuplo puts in its tokens. Because it is a {@code Jwt}, a controller can take
 * either {@code @AuthenticationPrincipal Jwt} or {@code @AuthenticationPrincipal
 * ZuploPrincipal}.
 * <p>
 * Upstream Zuplo JWT policy tokens carry the consumer in {@code sub} and any custom claims
 * (consumer metadata such as {@code plan}); Zuplo Identity Tokens carry {@code account},
 * {@code project}, {@code deployment} and {@code environment_type}.
 */
public final class ZuploPrincipal extends Jwt implements OAuth2AuthenticatedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Registered JWT claims and Zuplo Identity Token claims: not consumer metadata. */
	private static final Set<String> STANDARD_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti",
			"account", "project", "deployment", "environment_type");

	private final String name;

	/**
	 * Wraps a verified token.
	 * @param jwt the verified token
	 * @param principalClaim the claim that names the principal, such as {@code sub}
	 */
	public ZuploPrincipal(Jwt jwt, String principalClaim) {
		this(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getHeaders(), jwt.getClaims(),
				principalClaim);
	}

	/**
	 * A verified token from its parts, as the starter's decoder makes it.
	 * @param tokenValue the token as received
	 * @param issuedAt its {@code iat}, or {@code null}
	 * @param expiresAt its {@code exp}
	 * @param headers its header parameters
	 * @param claims its claims, times as {@link Instant}s
	 * @param principalClaim the claim that names the principal, such as {@code sub}
	 */
	public ZuploPrincipal(String tokenValue, Instant issuedAt, Instant expiresAt, Map<String, Object> headers,
			Map<String, Object> claims, String principalClaim) {
		super(tokenValue, issuedAt, expiresAt, headers, claims);
		this.name = nameOf(this, principalClaim);
	}

	/**
	 * The value of {@code principalClaim}, or, when the token lacks it, the token's issuer:
	 * the gateway that vouches for the request. Zuplo's upstream tokens carry {@code sub} only
	 * when the policy sets a subject.
	 */
	private static String nameOf(Jwt jwt, String principalClaim) {
		String value = jwt.getClaimAsString(principalClaim);
		if (value != null) {
			return value;
		}
		String issuer = jwt.getClaimAsString("iss");
		return (issuer != null) ? issuer : "";
	}

	/**
	 * The value of the configured principal claim ({@code zuplo.principal-claim}), or the
	 * token's issuer ({@code iss}) if the token lacks it; never {@code null}.
	 */
	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * The authenticated consumer: the {@code sub} claim, such as the API key consumer's name,
	 * or {@code null} when the gateway's policy sets no subject.
	 */
	public String getConsumer() {
		return getSubject();
	}

	/** The Zuplo account ({@code account} claim of an Identity Token), or {@code null}. */
	public String getAccount() {
		return getClaimAsString("account");
	}

	/** The Zuplo project ({@code project} claim of an Identity Token), or {@code null}. */
	public String getProject() {
		return getClaimAsString("project");
	}

	/** The Zuplo deployment ({@code deployment} claim of an Identity Token), or {@code null}. */
	public String getDeployment() {
		return getClaimAsString("deployment");
	}

	/**
	 * The kind of environment that sent the request ({@code environment_type} claim of an
	 * Identity Token: {@code production}, {@code preview} or {@code development}), or
	 * {@code null}.
	 */
	public String getEnvironmentType() {
		return getClaimAsString("environment_type");
	}

	/**
	 * The custom claims: everything but the registered JWT claims and the Identity Token
	 * claims, such as consumer metadata the gateway adds ({@code plan}, {@code companyId}).
	 */
	public Map<String, Object> getMetadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		getClaims().forEach((name, value) -> {
			if (!STANDARD_CLAIMS.contains(name)) {
				metadata.put(name, value);
			}
		});
		return metadata;
	}

	/** One custom claim as a string, or {@code null}. */
	public String getMetadata(String name) {
		return STANDARD_CLAIMS.contains(name) ? null : getClaimAsString(name);
	}

	@Override
	public Map<String, Object> getAttributes() {
		return getClaims();
	}

	/**
	 * None of its own: the authentication carries the authorities mapped from
	 * {@code zuplo.authorities-claim}.
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of();
	}

}
