package io.github.zuplojwt.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Zuplo gateway JWT verification, bound from the {@code zuplo} prefix.
 * The key names are the starter's public contract; docs/configuration.md lists them all.
 */
@ConfigurationProperties("zuplo")
public class ZuploJwtProperties {

	/**
	 * Whether the Zuplo JWT auto-configuration is enabled.
	 */
	private boolean enabled = true;

	/**
	 * Trusted issuer, for example https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer. The
	 * token's "iss" claim must equal it exactly; a trailing slash in the configured value is
	 * ignored. Required unless zuplo.issuers is set.
	 */
	private URI issuer;

	/**
	 * Further trusted issuers, such as other environments of the same gateway or Zuplo's
	 * Identity Token issuer, each with its own keys and checks. Tokens of any issuer not
	 * trusted are rejected before any network call.
	 */
	private List<Issuer> issuers = new ArrayList<>();

	/**
	 * JSON Web Key Set URI of zuplo.issuer. Defaults to the issuer followed by
	 * /.well-known/jwks.json, or to the jwks_uri of its discovery document when discovery
	 * is enabled.
	 */
	private URI jwksUri;

	/**
	 * Whether to find each issuer's key set URI in its OpenID discovery document
	 * (issuer/.well-known/openid-configuration), read on the first token, when no JWKS URI
	 * is configured for it. The document's issuer must match exactly.
	 */
	private boolean discovery;

	/**
	 * Audiences accepted in the token's "aud" claim; at least one must be present. When
	 * empty, any audience is accepted and a warning is logged at startup.
	 */
	private List<String> audiences = new ArrayList<>();

	/**
	 * JWS algorithms accepted in the token header. Asymmetric algorithms only: EdDSA,
	 * RS256/384/512, PS256/384/512 and ES256/384/512; HMAC and none are refused at startup.
	 */
	private List<String> algorithms = new ArrayList<>(List.of("EdDSA", "RS256"));

	/**
	 * Leeway applied when checking "exp", "nbf" and "iat" against the current time, from 0s
	 * to 10m.
	 */
	private Duration clockSkew = Duration.ofSeconds(60);

	/**
	 * Claims the token must carry, by name, with the values allowed for each (a single
	 * value or a comma-separated list meaning any of them), for example account, project
	 * or environment_type.
	 */
	private Map<String, List<String>> requiredClaims = new LinkedHashMap<>();

	/**
	 * Path patterns that require a valid token.
	 */
	private List<String> protectedPaths = new ArrayList<>(List.of("/**"));

	/**
	 * Path patterns open to anyone; they win over protected paths and over the rules for
	 * Actuator's endpoints.
	 */
	private List<String> publicPaths = new ArrayList<>();

	/**
	 * Claim used as the name of the authenticated principal. A token without it is named
	 * by its issuer.
	 */
	private String principalClaim = "sub";

	/**
	 * Claim mapped to granted authorities: a string, a space-separated string or an array
	 * of strings; a dotted path such as data.roles reaches into nested objects. No
	 * authorities are granted from the token when unset.
	 */
	private String authoritiesClaim;

	/**
	 * Prefix added to every authority read from the authorities claim.
	 */
	private String authorityPrefix = "";

	/**
	 * Largest bearer token accepted, from 256B to 64KB; larger tokens are rejected before
	 * they are parsed.
	 */
	private DataSize maxTokenSize = DataSize.ofKilobytes(8);

	/**
	 * How far in the future a token's expiry may lie, from 1m to 30d. Zuplo's upstream
	 * tokens live an hour unless the policy's expiresIn says otherwise, and its Identity
	 * Tokens 10 hours.
	 */
	private Duration maxTokenLifetime = Duration.ofHours(24);

	/**
	 * Checks for Zuplo's Identity Token issuer, which every Zuplo customer shares.
	 */
	private final IdentityTokens identityTokens = new IdentityTokens();

	/**
	 * How the issuer's signing keys are fetched and cached.
	 */
	private final Jwks jwks = new Jwks();

	/**
	 * How verified tokens are cached.
	 */
	private final TokenCache tokenCache = new TokenCache();

	/**
	 * Where the bearer token is read from.
	 */
	private final Bearer bearer = new Bearer();

	/**
	 * How the request id Zuplo sends upstream ties this service's logs, traces and error
	 * bodies to the gateway's log of the same request.
	 */
	private final RequestId requestId = new RequestId();

	/**
	 * How Actuator's endpoints are secured.
	 */
	private final Actuator actuator = new Actuator();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public URI getIssuer() {
		return this.issuer;
	}

	public void setIssuer(URI issuer) {
		this.issuer = issuer;
	}

	public List<Issuer> getIssuers() {
		return this.issuers;
	}

	public void setIssuers(List<Issuer> issuers) {
		this.issuers = issuers;
	}

	public boolean isDiscovery() {
		return this.discovery;
	}

	public void setDiscovery(boolean discovery) {
		this.discovery = discovery;
	}

	public URI getJwksUri() {
		return this.jwksUri;
	}

	public void setJwksUri(URI jwksUri) {
		this.jwksUri = jwksUri;
	}

	public List<String> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

	public List<String> getAlgorithms() {
		return this.algorithms;
	}

	public void setAlgorithms(List<String> algorithms) {
		this.algorithms = algorithms;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public Map<String, List<String>> getRequiredClaims() {
		return this.requiredClaims;
	}

	public void setRequiredClaims(Map<String, List<String>> requiredClaims) {
		this.requiredClaims = requiredClaims;
	}

	public List<String> getProtectedPaths() {
		return this.protectedPaths;
	}

	public void setProtectedPaths(List<String> protectedPaths) {
		this.protectedPaths = protectedPaths;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public String getPrincipalClaim() {
		return this.principalClaim;
	}

	public void setPrincipalClaim(String principalClaim) {
		this.principalClaim = principalClaim;
	}

	public String getAuthoritiesClaim() {
		return this.authoritiesClaim;
	}

	public void setAuthoritiesClaim(String authoritiesClaim) {
		this.authoritiesClaim = authoritiesClaim;
	}

	public String getAuthorityPrefix() {
		return this.authorityPrefix;
	}

	public void setAuthorityPrefix(String authorityPrefix) {
		this.authorityPrefix = authorityPrefix;
	}

	public DataSize getMaxTokenSize() {
		return this.maxTokenSize;
	}

	public void setMaxTokenSize(DataSize maxTokenSize) {
		this.maxTokenSize = maxTokenSize;
	}

	public Duration getMaxTokenLifetime() {
		return this.maxTokenLifetime;
	}

	public void setMaxTokenLifetime(Duration maxTokenLifetime) {
		this.maxTokenLifetime = maxTokenLifetime;
	}

	public IdentityTokens getIdentityTokens() {
		return this.identityTokens;
	}

	public Jwks getJwks() {
		return this.jwks;
	}

	public TokenCache getTokenCache() {
		return this.tokenCache;
	}

	public Bearer getBearer() {
		return this.bearer;
	}

	public RequestId getRequestId() {
		return this.requestId;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	/**
	 * One more trusted issuer. Audiences and required claims left unset are taken from
	 * zuplo.audiences and zuplo.required-claims.
	 */
	public static class Issuer {

		/**
		 * Issuer URI; the token's "iss" claim must equal it exactly.
		 */
		private URI issuer;

		/**
		 * JSON Web Key Set URI of this issuer. Defaults to the issuer followed by
		 * /.well-known/jwks.json.
		 */
		private URI jwksUri;

		/**
		 * Audiences accepted from this issuer; when unset, zuplo.audiences.
		 */
		private List<String> audiences;

		/**
		 * Claims this issuer's tokens must carry, with their accepted values; when unset,
		 * zuplo.required-claims.
		 */
		private Map<String, List<String>> requiredClaims;

		public URI getIssuer() {
			return this.issuer;
		}

		public void setIssuer(URI issuer) {
			this.issuer = issuer;
		}

		public URI getJwksUri() {
			return this.jwksUri;
		}

		public void setJwksUri(URI jwksUri) {
			this.jwksUri = jwksUri;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public Map<String, List<String>> getRequiredClaims() {
			return this.requiredClaims;
		}

		public void setRequiredClaims(Map<String, List<String>> requiredClaims) {
			this.requiredClaims = requiredClaims;
		}

	}

	/**
	 * Checks for Zuplo's Identity Token issuer,
	 * https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD. Zuplo mints the
	 * Identity Tokens of every customer under that one issuer, so trusting it needs an
	 * "account" required claim: without one the application does not start.
	 */
	public static class IdentityTokens {

		/**
		 * Whether the application may start although it trusts Zuplo's Identity Token issuer
		 * without an "account" required claim. Identity Tokens minted by any Zuplo
		 * customer's gateway are then accepted unless the application's own checks refuse
		 * them; a warning is logged at startup.
		 */
		private boolean allowUnpinnedAccount;

		public boolean isAllowUnpinnedAccount() {
			return this.allowUnpinnedAccount;
		}

		public void setAllowUnpinnedAccount(boolean allowUnpinnedAccount) {
			this.allowUnpinnedAccount = allowUnpinnedAccount;
		}

	}

	/**
	 * How the JSON Web Key Set is fetched, cached and refreshed.
	 */
	public static class Jwks {

		/**
		 * How long a fetched key set is used. It is refreshed in the background once per
		 * TTL, shortly before it ends; longer than the connect timeout plus the read
		 * timeout (twice that with discovery).
		 */
		private Duration cacheTtl = Duration.ofMinutes(10);

		/**
		 * Minimum time between two fetches triggered by a token whose "kid" is not in
		 * the cached key set, or by a token without a "kid" that no cached key verifies.
		 */
		private Duration refreshCooldown = Duration.ofSeconds(30);

		/**
		 * Longest time to establish the connection of one key set fetch: TCP (to the proxy
		 * when there is one), the proxy's tunnel and the TLS handshake.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Longest time, from the moment the connection stands, until the whole key set
		 * response has arrived, however the server paces its bytes. A fetch never takes
		 * longer than the connect timeout plus this, and about this when connecting is
		 * instant.
		 */
		private Duration readTimeout = Duration.ofSeconds(2);

		/**
		 * Most requests that may wait for key set fetches at once, across all issuers.
		 * While keys are being fetched and none are cached, further requests are answered
		 * at once with 503 and Retry-After instead of holding a server thread. From 1 to
		 * 10000.
		 */
		private int maxWaitingRequests = 20;

		/**
		 * How long, after the cache TTL, previously fetched keys keep working while the key
		 * set URI is failing, from 0s to 24h.
		 */
		private Duration outageTolerance = Duration.ofHours(1);

		/**
		 * Largest key set response accepted, from 1KB to 10MB.
		 */
		private DataSize maxSize = DataSize.ofKilobytes(64);

		/**
		 * Whether to fetch the key sets in the background once the application has
		 * started, so that the first request does not wait for them. Never delays or fails
		 * startup.
		 */
		private boolean warmUp;

		/**
		 * Proxy for key set fetches, as http://host:port. When unset, the JVM's standard
		 * proxy settings (https.proxyHost, http.proxyHost, http.nonProxyHosts) apply. Proxy
		 * credentials are not supported.
		 */
		private URI proxy;

		/**
		 * Name of an SSL bundle (spring.ssl.bundle.*) whose trust material verifies the key
		 * set server, for example a private certificate authority. When unset, the JVM's
		 * default trust store is used.
		 */
		private String sslBundle;

		/**
		 * Whether key sets may be fetched over plain http from hosts other than loopback.
		 * Anyone who can intercept such a fetch can publish keys and mint accepted tokens;
		 * a warning is logged at startup when this is on.
		 */
		private boolean allowHttp;

		public URI getProxy() {
			return this.proxy;
		}

		public void setProxy(URI proxy) {
			this.proxy = proxy;
		}

		public String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public boolean isAllowHttp() {
			return this.allowHttp;
		}

		public void setAllowHttp(boolean allowHttp) {
			this.allowHttp = allowHttp;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getRefreshCooldown() {
			return this.refreshCooldown;
		}

		public void setRefreshCooldown(Duration refreshCooldown) {
			this.refreshCooldown = refreshCooldown;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public int getMaxWaitingRequests() {
			return this.maxWaitingRequests;
		}

		public void setMaxWaitingRequests(int maxWaitingRequests) {
			this.maxWaitingRequests = maxWaitingRequests;
		}

		public Duration getOutageTolerance() {
			return this.outageTolerance;
		}

		public void setOutageTolerance(Duration outageTolerance) {
			this.outageTolerance = outageTolerance;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public boolean isWarmUp() {
			return this.warmUp;
		}

		public void setWarmUp(boolean warmUp) {
			this.warmUp = warmUp;
		}

	}

	/**
	 * The verified-token cache: a token that verified once is not parsed and
	 * signature-checked again while its key stays published; its times, claims and the
	 * application's validators are still checked on every request.
	 */
	public static class TokenCache {

		/**
		 * Whether verified tokens are cached.
		 */
		private boolean enabled = true;

		/**
		 * Most tokens kept, from 1 to 1000000. Once it is full, a new token enters when it
		 * verifies a second time, and the oldest makes way.
		 */
		private int maxEntries = 10_000;

		/**
		 * Most memory the cached tokens may take, estimated as twice a token's length plus
		 * 1 KB per entry, from 64KB to 1GB.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(16);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Where the bearer token is read from: the request header and prefix the gateway uses,
	 * and whether a form field counts too.
	 */
	public static class Bearer {

		/**
		 * Request header that carries the token. With another header than Authorization,
		 * only that header is read and the Authorization header is left to the application.
		 */
		private String headerName = "Authorization";

		/**
		 * Word before the token in the header, matched case-insensitively and followed by
		 * one or more spaces. Empty when the header's whole value is the token.
		 */
		private String tokenPrefix = "Bearer";

		/**
		 * Whether a token in the access_token field of a form-encoded
		 * (application/x-www-form-urlencoded) POST body is accepted too. Other bodies, such
		 * as multipart uploads, and the query string are never read for a token.
		 */
		private boolean formParameter;

		public String getHeaderName() {
			return this.headerName;
		}

		public void setHeaderName(String headerName) {
			this.headerName = headerName;
		}

		public String getTokenPrefix() {
			return this.tokenPrefix;
		}

		public void setTokenPrefix(String tokenPrefix) {
			this.tokenPrefix = tokenPrefix;
		}

		public boolean isFormParameter() {
			return this.formParameter;
		}

		public void setFormParameter(boolean formParameter) {
			this.formParameter = formParameter;
		}

	}

	/**
	 * The request id Zuplo gives each request it forwards (the requestId of its logs). When
	 * one of Zuplo's shape (a UUID) comes in, it is in the logging MDC under
	 * zuplo.requestId while the request runs, in the starter's rejection log lines, on the
	 * token verification observation and in the starter's error bodies as
	 * "trace":{"requestId":...}; any other value is ignored.
	 */
	public static class RequestId {

		/**
		 * Whether the gateway's request id is read and passed on to logs, observations and
		 * error bodies.
		 */
		private boolean enabled = true;

		/**
		 * Request headers that carry the id, the preferred one first: the first that the
		 * request carries is read, and ignored unless it appears once and holds a UUID.
		 */
		private List<String> headerNames = new ArrayList<>(List.of("zp-rid", "zuplo-request-id"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getHeaderNames() {
			return this.headerNames;
		}

		public void setHeaderNames(List<String> headerNames) {
			this.headerNames = headerNames;
		}

	}

	/**
	 * How Actuator's endpoints are secured: every endpoint needs a valid token unless it is
	 * listed in zuplo.public-paths, except the health endpoint when it is public.
	 */
	public static class Actuator {

		/**
		 * Whether the health endpoint, its groups (such as liveness and readiness) and their
		 * additional paths are open without a token, as in Spring Boot's own management
		 * security.
		 */
		private boolean publicHealth = true;

		public boolean isPublicHealth() {
			return this.publicHealth;
		}

		public void setPublicHealth(boolean publicHealth) {
			this.publicHealth = publicHealth;
		}

	}

}
