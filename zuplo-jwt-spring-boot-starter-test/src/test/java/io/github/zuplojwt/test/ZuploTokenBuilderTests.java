package io.github.zuplojwt.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tokens as Zuplo shapes them, really signed: each is checked against the key set the test
 * issuer publishes over HTTP, with the starter's own signature verification.
 */
class ZuploTokenBuilderTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static ZuploTestIssuer sharedIssuer;

	private final ZuploTestIssuer issuer = sharedIssuer;

	@BeforeAll
	static void start() {
		sharedIssuer = ZuploTestIssuer.start();
	}

	@AfterAll
	static void close() {
		sharedIssuer.close();
	}

	@Test
	void anUpstreamTokenIsLaidOutAsTheGatewaySignsItWithTheDefaultPolicy() throws Exception {
		String compact = this.issuer.token().sign();
		SignedJWT token = SignedJWT.parse(compact);

		assertThat(decodedPart(compact, 0)).isEqualTo("{\"alg\":\"EdDSA\"}");
		assertThat(verifiedByAPublishedKey(token)).isTrue();
		Map<String, Object> claims = JSONObjectUtils.parse(decodedPart(compact, 1));
		assertThat(claims.keySet()).containsExactly("iss", "iat", "exp");
		assertThat(claims).containsEntry("iss", this.issuer.issuer());
		assertThat(token.getJWTClaimsSet().getIssueTime().toInstant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
		assertThat(lifetime(token)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void anUpstreamTokenCanNameItsKeyWhenATestWantsOne() throws Exception {
		SignedJWT published = SignedJWT.parse(this.issuer.token().keyId().sign());
		SignedJWT madeUp = SignedJWT.parse(this.issuer.token().keyId("made-up").sign());

		assertThat(publishedKeyIds()).contains(published.getHeader().getKeyID());
		assertThat(verifiedByAPublishedKey(published)).isTrue();
		assertThat(madeUp.getHeader().getKeyID()).isEqualTo("made-up");
		assertThat(SignedJWT.parse(this.issuer.token().keyId().keyId(null).sign()).getHeader().getKeyID()).isNull();
	}

	@Test
	void anIdentityTokenIsRs256SignedWithAnAtkyKeyAndZuploIdentityClaimsForTenHours() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.identityToken().sign());

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(token.getHeader().getKeyID()).startsWith("atky_");
		assertThat(verifiedByAPublishedKey(token)).isTrue();
		assertThat(token.getJWTClaimsSet().toJSONObject()).containsEntry("iss", this.issuer.issuer())
			.containsEntry("aud", ZuploTestIssuer.DEFAULT_AUDIENCE)
			.containsKeys("sub", "account", "project", "deployment")
			.containsEntry("environment_type", "production");
		assertThat(lifetime(token)).isEqualTo(Duration.ofHours(10));
	}

	@Test
	void setClaimsReplaceTheDefaults() throws Exception {
		Instant expiry = Instant.parse("2030-01-02T03:04:05Z");
		SignedJWT token = SignedJWT.parse(this.issuer.token()
			.subject("consumer-7")
			.audience("https://a.example", "https://b.example")
			.expiresAt(expiry)
			.claim("plan", "gold")
			.claims(Map.of("companyId", 42, "roles", List.of("reader")))
			.sign());

		Map<String, Object> claims = token.getJWTClaimsSet().toJSONObject();
		assertThat(claims).containsEntry("sub", "consumer-7")
			.containsEntry("aud", List.of("https://a.example", "https://b.example"))
			.containsEntry("exp", expiry.getEpochSecond())
			.containsEntry("plan", "gold")
			.containsEntry("companyId", 42L)
			.containsEntry("roles", List.of("reader"));
	}

	@Test
	void identityClaimsHaveSetters() throws Exception {
		Map<String, Object> claims = SignedJWT
			.parse(this.issuer.identityToken()
				.account("acme")
				.project("orders")
				.deployment("orders-main-1a2b3c")
				.environmentType("preview")
				.sign())
			.getJWTClaimsSet()
			.toJSONObject();

		assertThat(claims).containsEntry("account", "acme")
			.containsEntry("project", "orders")
			.containsEntry("deployment", "orders-main-1a2b3c")
			.containsEntry("environment_type", "preview");
	}

	@Test
	void aNullClaimLeavesEvenADefaultOut() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().claim("aud", null).claim("exp", null).sign());

		assertThat(token.getJWTClaimsSet().toJSONObject()).doesNotContainKeys("aud", "exp");
	}

	@Test
	void expiresInSetsTheLifetime() throws Exception {
		assertThat(lifetime(SignedJWT.parse(this.issuer.token().expiresIn(Duration.ofHours(2)).sign())))
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void anUpstreamTokenCanBeSignedWithRs256AsZuplosPolicyAllows() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().algorithm("RS256").sign());

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(verifiedByAPublishedKey(token)).isTrue();
	}

	@Test
	void algorithmsTheIssuerHasNoKeyForAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.issuer.token().algorithm("HS256"))
			.withMessageContaining("EdDSA or RS256");
	}

	@Test
	void anExpiredTokenExpiredAnHourAgoAfterItsLifetime() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().expired().sign());

		assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant())
			.isCloseTo(Instant.now().minus(Duration.ofHours(1)), within(Duration.ofSeconds(5)));
		assertThat(lifetime(token)).isEqualTo(Duration.ofHours(1));
		assertThat(verifiedByAPublishedKey(token)).isTrue();
	}

	@Test
	void aWrongAudienceTokenIsMeantForAnotherBackend() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().wrongAudience().sign());

		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(ZuploTokenBuilder.WRONG_AUDIENCE);
		assertThat(verifiedByAPublishedKey(token)).isTrue();
	}

	@Test
	void anOtherIssuerTokenNamesAnotherIssuerAndNoPublishedKeyVerifiesIt() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().otherIssuer().sign());

		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ZuploTokenBuilder.OTHER_ISSUER);
		assertThat(publishedKeyIds()).doesNotContain(token.getHeader().getKeyID());
		assertThat(verifiedByAPublishedKey(token)).isFalse();
	}

	@Test
	void anUnpublishedKeyTokenNamesTheIssuerButNoPublishedKeyVerifiesIt() throws Exception {
		SignedJWT token = SignedJWT.parse(this.issuer.token().unpublishedKey().sign());

		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(this.issuer.issuer());
		assertThat(publishedKeyIds()).doesNotContain(token.getHeader().getKeyID());
		assertThat(verifiedByAPublishedKey(token)).isFalse();
	}

	@Test
	void afterARotationTokensAreSignedWithTheNewKeys() throws Exception {
		try (ZuploTestIssuer rotating = ZuploTestIssuer.start()) {
			String before = SignedJWT.parse(rotating.token().keyId().sign()).getHeader().getKeyID();

			rotating.rotateKeys();
			SignedJWT token = SignedJWT.parse(rotating.token().sign());

			assertThat(verifyingKeyId(rotating, token)).isNotEqualTo(before);
			assertThat(publishedKeys(rotating).stream().map(JWK::getKeyID)).contains(before);
		}
	}

	@Test
	void claimsOnlyTokensCannotBeSigned() {
		assertThatIllegalStateException().isThrownBy(() -> ZuploTokens.upstreamToken().sign())
			.withMessageContaining("ZuploTestIssuer.token()");
	}

	private static Duration lifetime(SignedJWT token) throws Exception {
		return Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
				token.getJWTClaimsSet().getExpirationTime().toInstant());
	}

	private boolean verifiedByAPublishedKey(SignedJWT token) throws Exception {
		return verifiedByAPublishedKey(this.issuer, token);
	}

	private static boolean verifiedByAPublishedKey(ZuploTestIssuer issuer, SignedJWT token) throws Exception {
		return verifyingKeyId(issuer, token) != null;
	}

	/**
	 * The {@code kid} of the published key that verifies the token: the one it names, or,
	 * without a {@code kid}, any that fits its algorithm; {@code null} if none verifies.
	 */
	private static String verifyingKeyId(ZuploTestIssuer issuer, SignedJWT token) throws Exception {
		VerificationKeys keys = new VerificationKeys(new BouncyCastleEd25519Backend());
		String kid = token.getHeader().getKeyID();
		for (JWK jwk : publishedKeys(issuer)) {
			if (kid != null && !kid.equals(jwk.getKeyID())) {
				continue;
			}
			VerificationKey key = keys.toVerificationKey(jwk);
			if (key.accepts(token.getHeader().getAlgorithm())
					&& key.verify(token.getHeader(), token.getSigningInput(), token.getSignature())) {
				return jwk.getKeyID();
			}
		}
		return null;
	}

	private static String decodedPart(String compact, int index) {
		return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[index]), StandardCharsets.UTF_8);
	}

	private List<String> publishedKeyIds() throws Exception {
		return publishedKeys(this.issuer).stream().map(JWK::getKeyID).toList();
	}

	private static List<JWK> publishedKeys(ZuploTestIssuer issuer) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(issuer.jwksUri())).build(),
				HttpResponse.BodyHandlers.ofString());
		return JWKSet.parse(response.body()).getKeys();
	}

}
