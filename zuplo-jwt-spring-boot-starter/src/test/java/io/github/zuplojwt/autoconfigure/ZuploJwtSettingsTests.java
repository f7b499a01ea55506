package io.github.zuplojwt.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.internal.decoder.TokenCacheSettings;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.web.BearerTokenSettings;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings mapper on its own, without an application: what each group of {@code zuplo.*}
 * properties becomes, and, for each value it refuses, the property it names and the reason.
 * The end-to-end tests show the same failures as a stopped application.
 */
class ZuploJwtSettingsTests {

	private static final String ISSUER = "https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer";

	private static final String OTHER_ISSUER = "https://my-api-preview-4d5e6f.zuplo.app/__zuplo/issuer";

	@Test
	void oneIssuerTrustsItWithoutTrailingSlashAndFetchesItsKeysBelowIt() {
		ZuploJwtProperties properties = properties((p) -> p.setIssuer(URI.create(ISSUER + "/")));

		List<TrustedIssuer> issuers = ZuploJwtSettings.trustedIssuers(properties, null);

		assertThat(issuers).singleElement().satisfies((issuer) -> {
			assertThat(issuer.issuer()).isEqualTo(ISSUER);
			assertThat(issuer.jwks().uri()).hasToString(ISSUER + "/.well-known/jwks.json");
			assertThat(issuer.jwks().discoveryIssuer()).isNull();
			assertThat(issuer.jwks().cacheTtl()).isEqualTo(Duration.ofMinutes(10));
			assertThat(issuer.jwks().refreshCooldown()).isEqualTo(Duration.ofSeconds(30));
			assertThat(issuer.jwks().maxSizeBytes()).isEqualTo(64 * 1024);
			assertThat(issuer.audiences()).isEmpty();
			assertThat(issuer.requiredClaims()).isEmpty();
		});
	}

	@Test
	void anEntryOfIssuersInheritsAudiencesAndRequiredClaimsUnlessItHasItsOwn() {
		ZuploJwtProperties properties = properties((p) -> {
			p.setIssuer(URI.create(ISSUER));
			p.setAudiences(List.of(" api "));
			p.setRequiredClaims(Map.of("team", List.of("orders")));
			p.setIssuers(List.of(issuer(OTHER_ISSUER), issuer(OTHER_ISSUER.replace("preview", "staging"))));
			p.getIssuers().get(1).setAudiences(List.of("staging-api"));
			p.getIssuers().get(1).setRequiredClaims(Map.of());
			p.getIssuers().get(1).setJwksUri(URI.create("https://keys.example/jwks.json"));
		});

		List<TrustedIssuer> issuers = ZuploJwtSettings.trustedIssuers(properties, null);

		assertThat(issuers).extracting(TrustedIssuer::audiences)
			.containsExactly(Set.of("api"), Set.of("api"), Set.of("staging-api"));
		assertThat(issuers).extracting(TrustedIssuer::requiredClaims)
			.containsExactly(Map.of("team", List.of("orders")), Map.of("team", List.of("orders")), Map.of());
		assertThat(issuers.get(2).jwks().uri()).hasToString("https://keys.example/jwks.json");
	}

	@Test
	void withDiscoveryTheKeySetIsFoundThroughTheIssuersDiscoveryDocument() {
		ZuploJwtProperties properties = properties((p) -> {
			p.setIssuer(URI.create(ISSUER));
			p.setDiscovery(true);
		});

		assertThat(ZuploJwtSettings.trustedIssuers(properties, null)).singleElement()
			.satisfies((issuer) -> assertThat(issuer.jwks().discoveryIssuer()).isEqualTo(ISSUER));
	}

	@Test
	void issuersThatCannotWorkAreRefusedByProperty() {
		assertRefused(() -> ZuploJwtSettings.trustedIssuers(new ZuploJwtProperties(), null), "zuplo.issuer",
				"Set zuplo.issuer to your Zuplo gateway's issuer");
		assertRefused(() -> ZuploJwtSettings.trustedIssuers(properties((p) -> {
			p.setIssuers(List.of(issuer(ISSUER)));
			p.setJwksUri(URI.create("https://keys.example/jwks.json"));
		}), null), "zuplo.jwks-uri", "It belongs to zuplo.issuer, which is not set");
		assertRefused(() -> ZuploJwtSettings.trustedIssuers(
				properties((p) -> p.setIssuers(List.of(issuer(ISSUER), new ZuploJwtProperties.Issuer()))), null),
				"zuplo.issuers[1].issuer", "Each entry of zuplo.issuers needs its issuer URL.");
		assertRefused(() -> ZuploJwtSettings.trustedIssuers(properties((p) -> {
			p.setIssuer(URI.create(ISSUER));
			p.setIssuers(List.of(issuer(ISSUER + "/")));
		}), null), "zuplo.issuers[0].issuer", "This issuer is already trusted; list each issuer once.");
	}

	@Test
	void anIssuerMustBeAPlainAbsoluteHttpUrl() {
		for (String issuer : List.of("ftp://gw.example/__zuplo/issuer", "/__zuplo/issuer", "https:opaque")) {
			assertRefused(() -> ZuploJwtSettings.issuer("zuplo.issuer", URI.create(issuer)), "zuplo.issuer",
					"It must be an absolute http or https URL with a host.");
		}
		for (String issuer : List.of(ISSUER + "?x=1", ISSUER + "#top", "https://user@gw.example/__zuplo/issuer")) {
			assertRefused(() -> ZuploJwtSettings.issuer("zuplo.issuer", URI.create(issuer)), "zuplo.issuer",
					"It must not contain a query, a fragment or user information.");
		}
		assertThat(ZuploJwtSettings.issuer("zuplo.issuer", URI.create(ISSUER + "//"))).isEqualTo(ISSUER);
	}

	@Test
	void aKeySetOverPlainHttpIsRefusedUnlessAllowed() {
		String plain = "http://gateway.internal/__zuplo/issuer";

		assertRefused(() -> ZuploJwtSettings.trustedIssuers(properties((p) -> p.setIssuer(URI.create(plain))), null),
				"zuplo.issuer", "Keys would be fetched from " + plain + "/.well-known/jwks.json.");
		assertThat(ZuploJwtSettings.trustedIssuers(properties((p) -> {
			p.setIssuer(URI.create(plain));
			p.getJwks().setAllowHttp(true);
		}), null)).singleElement().satisfies((issuer) -> assertThat(issuer.jwks().allowHttp()).isTrue());
	}

	@Test
	void theDefaultPolicyAllowsTheGatewaysAlgorithmsWithAMinuteOfSkew() {
		VerificationPolicy policy = ZuploJwtSettings.policy(new ZuploJwtProperties());

		assertThat(policy.algorithms()).containsExactly(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256);
		assertThat(policy.clockSkew()).isEqualTo(Duration.ofSeconds(60));
		assertThat(policy.maxTokenLength()).isEqualTo(8192);
		assertThat(policy.maxTokenLifetime()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void policyValuesAreAcceptedUpToTheirBoundsAndRefusedBeyond() {
		assertThat(ZuploJwtSettings.policy(properties((p) -> p.setClockSkew(Duration.ofMinutes(10)))).clockSkew())
			.isEqualTo(Duration.ofMinutes(10));
		assertThat(ZuploJwtSettings.policy(properties((p) -> p.setClockSkew(Duration.ZERO))).clockSkew()).isZero();
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setClockSkew(Duration.ofSeconds(601)))),
				"zuplo.clock-skew", "It must be between 0s and 10m.");
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setClockSkew(Duration.ofSeconds(-1)))),
				"zuplo.clock-skew", "It must be between 0s and 10m.");
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setMaxTokenLifetime(Duration.ofSeconds(59)))),
				"zuplo.max-token-lifetime", "It must be between 1m and 30d.");
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setMaxTokenLifetime(Duration.ofDays(31)))),
				"zuplo.max-token-lifetime", "It must be between 1m and 30d.");
		assertThat(ZuploJwtSettings.policy(properties((p) -> p.setMaxTokenSize(DataSize.ofBytes(256))))
			.maxTokenLength()).isEqualTo(256);
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setMaxTokenSize(DataSize.ofBytes(255)))),
				"zuplo.max-token-size", "It must be between 256B and 64KB.");
		assertRefused(() -> ZuploJwtSettings.policy(properties((p) -> p.setMaxTokenSize(DataSize.ofKilobytes(65)))),
				"zuplo.max-token-size", "It must be between 256B and 64KB.");
	}

	@Test
	void algorithmsAreTrimmedAndEachRefusalSaysWhy() {
		assertThat(ZuploJwtSettings.algorithms(List.of(" ES256 ", "PS512"))).containsExactly(JWSAlgorithm.ES256,
				JWSAlgorithm.PS512);
		assertRefused(() -> ZuploJwtSettings.algorithms(List.of()), "zuplo.algorithms",
				"At least one algorithm is required; Zuplo signs with EdDSA by default.");
		assertRefused(() -> ZuploJwtSettings.algorithms(List.of("None")), "zuplo.algorithms",
				"Unsigned tokens are never accepted.");
		assertRefused(() -> ZuploJwtSettings.algorithms(List.of("HS256")), "zuplo.algorithms",
				"Symmetric (HMAC) algorithms are never accepted");
		assertRefused(() -> ZuploJwtSettings.algorithms(List.of("eddsa")), "zuplo.algorithms",
				"Unknown algorithm. Supported: EdDSA, RS256");
	}

	@Test
	void keySetTimingsMustFitTogether() {
		assertRefused(() -> trustIssuerWith((jwks) -> jwks.setCacheTtl(Duration.ofSeconds(4))), "zuplo.jwks.cache-ttl",
				"It must be longer than zuplo.jwks.connect-timeout plus zuplo.jwks.read-timeout.");
		assertRefused(() -> trustIssuerWith((jwks) -> jwks.setReadTimeout(Duration.ZERO)), "zuplo.jwks.read-timeout",
				"It must be positive.");
		assertRefused(() -> trustIssuerWith((jwks) -> jwks.setRefreshCooldown(Duration.ofSeconds(-1))),
				"zuplo.jwks.refresh-cooldown", "It must be zero or positive.");
		assertThat(trustIssuerWith((jwks) -> jwks.setRefreshCooldown(Duration.ZERO)).jwks().refreshCooldown())
			.isZero();
		assertRefused(() -> trustIssuerWith((jwks) -> jwks.setOutageTolerance(Duration.ofHours(25))),
				"zuplo.jwks.outage-tolerance", "It must be between 0s and 24h.");
		assertRefused(() -> trustIssuerWith((jwks) -> jwks.setMaxSize(DataSize.ofBytes(1023))), "zuplo.jwks.max-size",
				"It must be between 1KB and 10MB.");
	}

	@Test
	void withDiscoveryTheCacheMustOutlastTwoFetches() {
		ZuploJwtProperties properties = properties((p) -> {
			p.setIssuer(URI.create(ISSUER));
			p.setDiscovery(true);
			p.getJwks().setCacheTtl(Duration.ofSeconds(8));
		});

		assertRefused(() -> ZuploJwtSettings.trustedIssuers(properties, null), "zuplo.jwks.cache-ttl",
				"With zuplo.discovery, the first fetch reads two documents");
	}

	@Test
	void waitingRequestsAreBounded() {
		ZuploJwtProperties.Jwks jwks = new ZuploJwtProperties.Jwks();
		assertThat(ZuploJwtSettings.maxWaitingRequests(jwks)).isEqualTo(20);
		jwks.setMaxWaitingRequests(0);
		assertRefused(() -> ZuploJwtSettings.maxWaitingRequests(jwks), "zuplo.jwks.max-waiting-requests",
				"It must be between 1 and 10000");
		jwks.setMaxWaitingRequests(10_001);
		assertRefused(() -> ZuploJwtSettings.maxWaitingRequests(jwks), "zuplo.jwks.max-waiting-requests",
				"It must be between 1 and 10000");
	}

	@Test
	void aProxyIsAnHttpHostAndPortAndItsCredentialsAreNeverEchoed() {
		assertThat(ZuploJwtSettings.proxy(null)).isNull();
		assertThat(ZuploJwtSettings.proxy(URI.create("http://proxy.internal:3128/"))).hasPort(3128);
		for (String proxy : List.of("https://proxy.internal:3128", "http://proxy.internal", "http://proxy.internal:3128/x",
				"http://proxy.internal:3128?x")) {
			assertRefused(() -> ZuploJwtSettings.proxy(URI.create(proxy)), "zuplo.jwks.proxy",
					"It must be an HTTP proxy as http://host:port");
		}
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ZuploJwtSettings.proxy(URI.create("http://user:secret@proxy.internal:3128")))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("http://***@proxy.internal"))
			.withMessageNotContaining("secret");
	}

	@Test
	void theTokenCacheIsOnByDefaultAndBounded() {
		ZuploJwtProperties.TokenCache cache = new ZuploJwtProperties.TokenCache();
		assertThat(ZuploJwtSettings.tokenCache(cache)).isEqualTo(TokenCacheSettings.DEFAULTS);
		cache.setMaxEntries(0);
		assertRefused(() -> ZuploJwtSettings.tokenCache(cache), "zuplo.token-cache.max-entries",
				"It must be between 1 and 1000000");
		cache.setEnabled(false);
		assertThat(ZuploJwtSettings.tokenCache(cache)).isEqualTo(TokenCacheSettings.DISABLED);
		ZuploJwtProperties.TokenCache small = new ZuploJwtProperties.TokenCache();
		small.setMaxSize(DataSize.ofKilobytes(63));
		assertRefused(() -> ZuploJwtSettings.tokenCache(small), "zuplo.token-cache.max-size",
				"It must be between 64KB and 1GB.");
	}

	@Test
	void theBearerHeaderIsAuthorizationWithBearerUnlessConfigured() {
		assertThat(ZuploJwtSettings.bearer(new ZuploJwtProperties())).isEqualTo(BearerTokenSettings.DEFAULTS);
		assertThat(ZuploJwtSettings.bearer(properties((p) -> {
			p.getBearer().setHeaderName("X-Gateway-Token");
			p.getBearer().setTokenPrefix("");
		}))).isEqualTo(new BearerTokenSettings("X-Gateway-Token", "", false));
		assertRefused(() -> ZuploJwtSettings.bearer(properties((p) -> p.getBearer().setHeaderName("X Token"))),
				"zuplo.bearer.header-name", "It is not a valid HTTP header name");
		assertRefused(() -> ZuploJwtSettings.bearer(properties((p) -> p.getBearer().setTokenPrefix("Bearer "))),
				"zuplo.bearer.token-prefix", "It must be one word without spaces");
	}

	@Test
	void theRequestIdNeedsAtLeastOneValidHeaderName() {
		assertThat(ZuploJwtSettings.requestId(new ZuploJwtProperties()).headerNames()).containsExactly("zp-rid",
				"zuplo-request-id");
		assertRefused(() -> ZuploJwtSettings.requestId(properties((p) -> p.getRequestId().setHeaderNames(List.of()))),
				"zuplo.request-id.header-names", "Set zuplo.request-id.enabled=false to ignore it.");
		assertRefused(
				() -> ZuploJwtSettings.requestId(properties((p) -> p.getRequestId().setHeaderNames(List.of("zp rid")))),
				"zuplo.request-id.header-names", "It is not a valid HTTP header name");
	}

	@Test
	void pathsMustBeValidPatterns() {
		assertThat(ZuploJwtSettings.protectedPaths(new ZuploJwtProperties())).containsExactly("/**");
		assertRefused(() -> ZuploJwtSettings.publicPaths(properties((p) -> p.setPublicPaths(List.of("/orders/{id")))),
				"zuplo.public-paths", "It is not a valid path pattern");
	}

	@Test
	void thePrincipalClaimIsTrimmedAndMustNameAClaim() {
		assertThat(ZuploJwtSettings.principalClaim(properties((p) -> p.setPrincipalClaim(" consumer ")))).isEqualTo(
				"consumer");
		assertRefused(() -> ZuploJwtSettings.principalClaim(properties((p) -> p.setPrincipalClaim(" "))),
				"zuplo.principal-claim", "It must name a claim, such as sub.");
	}

	@Test
	void authoritiesComeFromTheNamedClaimWithThePrefixAndNoneWithoutAClaim() {
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "EdDSA").claim("roles", List.of("reader", "writer")).build();

		assertThat(ZuploJwtSettings.authorities(new ZuploJwtProperties()).convert(jwt)).isEmpty();
		assertThat(ZuploJwtSettings.authorities(properties((p) -> {
			p.setAuthoritiesClaim(" roles ");
			p.setAuthorityPrefix("role:");
		})).convert(jwt)).extracting(Object::toString).containsExactly("role:reader", "role:writer");
	}

	private static TrustedIssuer trustIssuerWith(Consumer<ZuploJwtProperties.Jwks> jwks) {
		return ZuploJwtSettings.trustedIssuers(properties((p) -> {
			p.setIssuer(URI.create(ISSUER));
			jwks.accept(p.getJwks());
		}), null).get(0);
	}

	private static ZuploJwtProperties properties(Consumer<ZuploJwtProperties> customizer) {
		ZuploJwtProperties properties = new ZuploJwtProperties();
		customizer.accept(properties);
		return properties;
	}

	private static ZuploJwtProperties.Issuer issuer(String issuer) {
		ZuploJwtProperties.Issuer entry = new ZuploJwtProperties.Issuer();
		entry.setIssuer(URI.create(issuer));
		return entry;
	}

	private static void assertRefused(ThrowingCallable mapping, String property, String reason) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(mapping)
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo(property);
				assertThat(ex.getReason()).contains(reason);
			});
	}

}
