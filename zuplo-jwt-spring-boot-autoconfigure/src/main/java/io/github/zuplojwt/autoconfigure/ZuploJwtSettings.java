package io.github.zuplojwt.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.internal.crypto.SupportedAlgorithms;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TokenCacheSettings;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.internal.jwks.KeySetLocations;
import io.github.zuplojwt.internal.web.HeaderValues;
import io.github.zuplojwt.principal.ClaimAuthoritiesConverter;
import io.github.zuplojwt.web.BearerTokenSettings;
import io.github.zuplojwt.web.RequestIdSettings;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Turns the bound {@link ZuploJwtProperties} into the decoder's immutable settings, and
 * refuses bad values with an exception that names the property, so that the application
 * fails at startup with a readable message instead of misbehaving at request time. Zuplo's
 * Identity Token issuer is trusted only with the pins {@link IdentityTokenPins} requires.
 */
final class ZuploJwtSettings {

	static final String JWKS_PATH = "/.well-known/jwks.json";

	static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

	private static final Duration MAX_OUTAGE_TOLERANCE = Duration.ofHours(24);

	private static final int MAX_WAITING_REQUESTS = 10_000;

	private static final String REQUEST_ID_HEADER_NAMES = "zuplo.request-id.header-names";

	private ZuploJwtSettings() {
	}

	/**
	 * The trusted issuers, each with the settings of its key set.
	 * @param properties the bound properties
	 * @param sslContext TLS context for key set fetches, or {@code null} for the JVM's
	 */
	static List<TrustedIssuer> trustedIssuers(ZuploJwtProperties properties, SSLContext sslContext) {
		if (properties.getIssuer() == null && properties.getIssuers().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.issuer", null,
					"Set zuplo.issuer to your Zuplo gateway's issuer, for example "
							+ "https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer (or list several in zuplo.issuers).");
		}
		if (properties.getIssuer() == null && properties.getJwksUri() != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks-uri", properties.getJwksUri(),
					"It belongs to zuplo.issuer, which is not set; give each zuplo.issuers entry its own jwks-uri.");
		}
		Set<String> audiences = audiences("zuplo.audiences", properties.getAudiences());
		Map<String, List<String>> requiredClaims = requiredClaims("zuplo.required-claims",
				properties.getRequiredClaims());
		boolean allowUnpinnedAccount = properties.getIdentityTokens().isAllowUnpinnedAccount();
		Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
		if (properties.getIssuer() != null) {
			TrustedIssuer issuer = trustedIssuer(properties, sslContext, "zuplo.issuer", properties.getIssuer(),
					"zuplo.jwks-uri", properties.getJwksUri(), audiences, requiredClaims);
			IdentityTokenPins.requireAccountPin("zuplo.issuer", issuer, "zuplo.required-claims",
					"zuplo.required-claims", allowUnpinnedAccount);
			add(issuers, "zuplo.issuer", issuer);
		}
		for (int i = 0; i < properties.getIssuers().size(); i++) {
			ZuploJwtProperties.Issuer entry = properties.getIssuers().get(i);
			String prefix = "zuplo.issuers[" + i + "].";
			if (entry.getIssuer() == null) {
				throw new InvalidConfigurationPropertyValueException(prefix + "issuer", null,
						"Each entry of zuplo.issuers needs its issuer URL.");
			}
			Set<String> entryAudiences = (entry.getAudiences() != null)
					? audiences(prefix + "audiences", entry.getAudiences()) : audiences;
			String ownClaimsProperty = prefix + "required-claims";
			String claimsProperty = (entry.getRequiredClaims() != null) ? ownClaimsProperty : "zuplo.required-claims";
			Map<String, List<String>> entryClaims = (entry.getRequiredClaims() != null)
					? requiredClaims(ownClaimsProperty, entry.getRequiredClaims()) : requiredClaims;
			TrustedIssuer issuer = trustedIssuer(properties, sslContext, prefix + "issuer", entry.getIssuer(),
					prefix + "jwks-uri", entry.getJwksUri(), entryAudiences, entryClaims);
			IdentityTokenPins.requireAccountPin(prefix + "issuer", issuer, claimsProperty, ownClaimsProperty,
					allowUnpinnedAccount);
			add(issuers, prefix + "issuer", issuer);
		}
		return List.copyOf(issuers.values());
	}

	/**
	 * The decoder the {@code zuplo.*} properties describe.
	 * @param sslBundles the application's SSL bundles, or {@code null} if it has none
	 * @param additionalValidator the application's own token checks, or {@code null}
	 */
	static VerifyingJwtDecoder decoder(ZuploJwtProperties properties, Supplier<SslBundles> sslBundles,
			VerificationKeys verificationKeys, OAuth2TokenValidator<Jwt> additionalValidator,
			ObservationRegistry observations) {
		SSLContext sslContext = sslContext(properties.getJwks().getSslBundle(), sslBundles);
		return VerifyingJwtDecoder.builder(trustedIssuers(properties, sslContext), policy(properties), verificationKeys)
			.additionalValidator(additionalValidator)
			.tokenCache(tokenCache(properties.getTokenCache()))
			.observations(observations)
			.principalClaim(principalClaim(properties))
			.maxWaitingRequests(maxWaitingRequests(properties.getJwks()))
			.build();
	}

	/** The TLS context of the SSL bundle {@code zuplo.jwks.ssl-bundle} names, or {@code null}. */
	private static SSLContext sslContext(String bundle, Supplier<SslBundles> sslBundles) {
		if (!StringUtils.hasText(bundle)) {
			return null;
		}
		SslBundles bundles = sslBundles.get();
		if (bundles == null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.ssl-bundle", bundle,
					"SSL bundles are not available in this application.");
		}
		try {
			return bundles.getBundle(bundle).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.ssl-bundle", bundle,
					"No SSL bundle of that name is configured under spring.ssl.bundle.");
		}
	}

	private static TrustedIssuer trustedIssuer(ZuploJwtProperties properties, SSLContext sslContext,
			String issuerProperty, URI configured, String jwksProperty, URI configuredJwksUri, Set<String> audiences,
			Map<String, List<String>> requiredClaims) {
		String issuer = issuer(issuerProperty, configured);
		boolean allowHttp = properties.getJwks().isAllowHttp();
		JwksSettings jwks;
		if (configuredJwksUri != null) {
			keySetLocation(jwksProperty, configuredJwksUri, configuredJwksUri, allowHttp);
			jwks = jwks(properties.getJwks(), configuredJwksUri, null, sslContext);
		}
		else if (properties.isDiscovery()) {
			keySetLocation(issuerProperty, configured, URI.create(issuer + DISCOVERY_PATH), allowHttp);
			jwks = jwks(properties.getJwks(), URI.create(issuer + JWKS_PATH), issuer, sslContext);
		}
		else {
			URI uri = URI.create(issuer + JWKS_PATH);
			keySetLocation(issuerProperty, configured, uri, allowHttp);
			jwks = jwks(properties.getJwks(), uri, null, sslContext);
		}
		return new TrustedIssuer(issuer, jwks, audiences, requiredClaims);
	}

	/**
	 * Refuses a location keys must not be fetched from, naming the property it comes from.
	 */
	private static void keySetLocation(String property, URI configured, URI location, boolean allowHttp) {
		String refused = KeySetLocations.whyRefused(location, allowHttp);
		if (refused != null) {
			String where = configured.equals(location) ? "" : "Keys would be fetched from " + location + ". ";
			throw new InvalidConfigurationPropertyValueException(property, configured, where + refused);
		}
	}

	private static void add(Map<String, TrustedIssuer> issuers, String property, TrustedIssuer issuer) {
		if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
			throw new InvalidConfigurationPropertyValueException(property, issuer.issuer(),
					"This issuer is already trusted; list each issuer once.");
		}
	}

	static VerificationPolicy policy(ZuploJwtProperties properties) {
		return new VerificationPolicy(algorithms(properties.getAlgorithms()), clockSkew(properties.getClockSkew()),
				maxTokenSize(properties.getMaxTokenSize()), maxTokenLifetime(properties.getMaxTokenLifetime()),
				Clock.systemUTC());
	}

	/** The issuer as tokens carry it: Zuplo's issuers have no trailing slash. */
	static String issuer(String property, URI configured) {
		String issuer = httpUri(property, configured).toString();
		while (issuer.endsWith("/")) {
			issuer = issuer.substring(0, issuer.length() - 1);
		}
		return issuer;
	}

	private static URI httpUri(String property, URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
			throw new InvalidConfigurationPropertyValueException(property, uri,
					"It must be an absolute http or https URL with a host.");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new InvalidConfigurationPropertyValueException(property, uri,
					"It must not contain a query, a fragment or user information.");
		}
		return uri;
	}

	static Set<JWSAlgorithm> algorithms(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.algorithms", names,
					"At least one algorithm is required; Zuplo signs with EdDSA by default.");
		}
		Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			JWSAlgorithm algorithm = SupportedAlgorithms.forName(name.trim());
			if (algorithm == null) {
				throw new InvalidConfigurationPropertyValueException("zuplo.algorithms", name, whyUnsupported(name));
			}
			algorithms.add(algorithm);
		}
		return algorithms;
	}

	private static String whyUnsupported(String name) {
		String upper = name.trim().toUpperCase(Locale.ROOT);
		if (upper.equals("NONE")) {
			return "Unsigned tokens are never accepted.";
		}
		if (upper.startsWith("HS")) {
			return "Symmetric (HMAC) algorithms are never accepted: Zuplo signs with asymmetric keys, and a "
					+ "shared secret would let anyone who holds it mint tokens.";
		}
		return "Unknown algorithm. Supported: EdDSA, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512"
				+ " (names are case-sensitive).";
	}

	private static Duration clockSkew(Duration skew) {
		if (skew == null || skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
			throw new InvalidConfigurationPropertyValueException("zuplo.clock-skew", skew,
					"It must be between 0s and " + MAX_CLOCK_SKEW.toMinutes() + "m.");
		}
		return skew;
	}

	private static Duration maxTokenLifetime(Duration lifetime) {
		if (lifetime == null || lifetime.compareTo(Duration.ofMinutes(1)) < 0
				|| lifetime.compareTo(Duration.ofDays(30)) > 0) {
			throw new InvalidConfigurationPropertyValueException("zuplo.max-token-lifetime", lifetime,
					"It must be between 1m and 30d.");
		}
		return lifetime;
	}

	private static int maxTokenSize(DataSize size) {
		if (size == null || size.toBytes() < 256 || size.toBytes() > DataSize.ofKilobytes(64).toBytes()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.max-token-size", size,
					"It must be between 256B and 64KB.");
		}
		return (int) size.toBytes();
	}

	private static Set<String> audiences(String property, List<String> audiences) {
		Set<String> result = new LinkedHashSet<>();
		for (String audience : audiences) {
			if (!StringUtils.hasText(audience)) {
				throw new InvalidConfigurationPropertyValueException(property, audiences,
						"Audiences must not be blank.");
			}
			result.add(audience.trim());
		}
		return result;
	}

	private static Map<String, List<String>> requiredClaims(String property,
			Map<String, List<String>> requiredClaims) {
		requiredClaims.forEach((name, values) -> {
			if (values == null || values.isEmpty() || values.stream().anyMatch((v) -> !StringUtils.hasText(v))) {
				throw new InvalidConfigurationPropertyValueException(property + "." + name, values,
						"Give the accepted value, or several separated by commas.");
			}
		});
		return requiredClaims;
	}

	private static JwksSettings jwks(ZuploJwtProperties.Jwks jwks, URI uri, String discoveryIssuer,
			SSLContext sslContext) {
		positive("zuplo.jwks.cache-ttl", jwks.getCacheTtl());
		positive("zuplo.jwks.connect-timeout", jwks.getConnectTimeout());
		positive("zuplo.jwks.read-timeout", jwks.getReadTimeout());
		if (jwks.getRefreshCooldown() == null || jwks.getRefreshCooldown().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.refresh-cooldown",
					jwks.getRefreshCooldown(), "It must be zero or positive.");
		}
		if (jwks.getCacheTtl().compareTo(jwks.getConnectTimeout().plus(jwks.getReadTimeout())) <= 0) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.cache-ttl", jwks.getCacheTtl(),
					"It must be longer than zuplo.jwks.connect-timeout plus zuplo.jwks.read-timeout.");
		}
		Duration outage = jwks.getOutageTolerance();
		if (outage == null || outage.isNegative() || outage.compareTo(MAX_OUTAGE_TOLERANCE) > 0) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.outage-tolerance", outage,
					"It must be between 0s and 24h.");
		}
		DataSize maxSize = jwks.getMaxSize();
		if (maxSize == null || maxSize.toBytes() < 1024 || maxSize.toBytes() > DataSize.ofMegabytes(10).toBytes()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.max-size", maxSize,
					"It must be between 1KB and 10MB.");
		}
		Duration waitLimit = jwks.getConnectTimeout().plus(jwks.getReadTimeout());
		if (discoveryIssuer != null && jwks.getCacheTtl().compareTo(waitLimit.multipliedBy(2)) <= 0) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.cache-ttl", jwks.getCacheTtl(),
					"With zuplo.discovery, the first fetch reads two documents: it must be longer than twice"
							+ " zuplo.jwks.connect-timeout plus zuplo.jwks.read-timeout.");
		}
		return new JwksSettings(uri, discoveryIssuer, jwks.getCacheTtl(), jwks.getRefreshCooldown(),
				jwks.getConnectTimeout(), jwks.getReadTimeout(), outage, (int) maxSize.toBytes(),
				proxy(jwks.getProxy()), sslContext, jwks.isAllowHttp());
	}

	/** Most requests that may wait for key set fetches at once. */
	static int maxWaitingRequests(ZuploJwtProperties.Jwks jwks) {
		int max = jwks.getMaxWaitingRequests();
		if (max < 1 || max > MAX_WAITING_REQUESTS) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.max-waiting-requests", max,
					"It must be between 1 and " + MAX_WAITING_REQUESTS + ": at least one request waits for a key"
							+ " fetch, and the others are answered 503 at once instead of holding a server thread.");
		}
		return max;
	}

	/** The claim that names the principal. */
	static String principalClaim(ZuploJwtProperties properties) {
		String principalClaim = properties.getPrincipalClaim();
		if (!StringUtils.hasText(principalClaim)) {
			throw new InvalidConfigurationPropertyValueException("zuplo.principal-claim", principalClaim,
					"It must name a claim, such as sub.");
		}
		return principalClaim.trim();
	}

	/**
	 * The authorities of a verified token: from the claim {@code zuplo.authorities-claim}
	 * names, with {@code zuplo.authority-prefix}; none when no claim is named.
	 */
	static Converter<Jwt, Collection<GrantedAuthority>> authorities(ZuploJwtProperties properties) {
		if (!StringUtils.hasText(properties.getAuthoritiesClaim())) {
			return (jwt) -> List.of();
		}
		return new ClaimAuthoritiesConverter(properties.getAuthoritiesClaim().trim(), properties.getAuthorityPrefix());
	}

	/** How many verified tokens to cache, if any. */
	static TokenCacheSettings tokenCache(ZuploJwtProperties.TokenCache cache) {
		if (!cache.isEnabled()) {
			return TokenCacheSettings.DISABLED;
		}
		if (cache.getMaxEntries() < 1 || cache.getMaxEntries() > 1_000_000) {
			throw new InvalidConfigurationPropertyValueException("zuplo.token-cache.max-entries",
					cache.getMaxEntries(), "It must be between 1 and 1000000; set zuplo.token-cache.enabled=false to"
							+ " turn the cache off.");
		}
		DataSize maxSize = cache.getMaxSize();
		if (maxSize == null || maxSize.toBytes() < DataSize.ofKilobytes(64).toBytes()
				|| maxSize.toBytes() > DataSize.ofGigabytes(1).toBytes()) {
			throw new InvalidConfigurationPropertyValueException("zuplo.token-cache.max-size", maxSize,
					"It must be between 64KB and 1GB.");
		}
		return new TokenCacheSettings(cache.getMaxEntries(), maxSize.toBytes());
	}

	/** The proxy for key set fetches: http://host:port, or {@code null} for the JVM's. */
	static URI proxy(URI proxy) {
		if (proxy == null) {
			return null;
		}
		boolean bare = proxy.getPath() == null || proxy.getPath().isEmpty() || proxy.getPath().equals("/");
		if (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null || proxy.getPort() <= 0 || !bare
				|| proxy.getRawQuery() != null || proxy.getRawFragment() != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.proxy", proxy,
					"It must be an HTTP proxy as http://host:port (https key sets are tunnelled through it).");
		}
		if (proxy.getRawUserInfo() != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.jwks.proxy", "http://***@" + proxy.getHost(),
					"Proxy credentials are not supported in the URI.");
		}
		return proxy;
	}

	private static void positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, duration, "It must be positive.");
		}
	}

	/** Where tokens are read, from {@code zuplo.bearer.*}. */
	static BearerTokenSettings bearer(ZuploJwtProperties properties) {
		ZuploJwtProperties.Bearer bearer = properties.getBearer();
		String headerName = bearer.getHeaderName();
		String invalidHeaderName = HeaderValues.whyNotAHeaderName(headerName,
				"A header name is required; the standard one is Authorization.");
		if (invalidHeaderName != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.bearer.header-name", headerName,
					invalidHeaderName);
		}
		String tokenPrefix = bearer.getTokenPrefix();
		String invalidTokenPrefix = HeaderValues.whyNotATokenPrefix(tokenPrefix);
		if (invalidTokenPrefix != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.bearer.token-prefix", tokenPrefix,
					invalidTokenPrefix);
		}
		return new BearerTokenSettings(headerName, tokenPrefix, bearer.isFormParameter());
	}

	/** Where the gateway's request id is read, from {@code zuplo.request-id.header-names}. */
	static RequestIdSettings requestId(ZuploJwtProperties properties) {
		List<String> headerNames = properties.getRequestId().getHeaderNames();
		if (headerNames == null || headerNames.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(REQUEST_ID_HEADER_NAMES, headerNames,
					HeaderValues.whyNotRequestIdHeaders(headerNames)
							+ " Set zuplo.request-id.enabled=false to ignore it.");
		}
		for (String headerName : headerNames) {
			String invalid = HeaderValues.whyNotARequestIdHeader(headerName);
			if (invalid != null) {
				throw new InvalidConfigurationPropertyValueException(REQUEST_ID_HEADER_NAMES, headerName, invalid);
			}
		}
		return new RequestIdSettings(headerNames);
	}

	/** {@code zuplo.public-paths}, each a valid path pattern. */
	static String[] publicPaths(ZuploJwtProperties properties) {
		return paths("zuplo.public-paths", properties.getPublicPaths());
	}

	/** {@code zuplo.protected-paths}, each a valid path pattern. */
	static String[] protectedPaths(ZuploJwtProperties properties) {
		return paths("zuplo.protected-paths", properties.getProtectedPaths());
	}

	private static String[] paths(String property, List<String> patterns) {
		for (String pattern : patterns) {
			try {
				PathPatternParser.defaultInstance.parse(pattern);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(property, pattern,
						"It is not a valid path pattern: " + ex.getMessage());
			}
		}
		return patterns.toArray(String[]::new);
	}

	/**
	 * The failure of a web application that the starter cannot protect, so that it stops
	 * instead of starting with every request denied, or none checked, without a word.
	 */
	static InvalidConfigurationPropertyValueException cannotProtect(String reason) {
		return new InvalidConfigurationPropertyValueException("zuplo.enabled", "true", reason
				+ " Set zuplo.enabled=false to run the application without the Zuplo JWT starter.");
	}

}
