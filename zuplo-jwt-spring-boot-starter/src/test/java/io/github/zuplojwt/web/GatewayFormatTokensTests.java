package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens laid out exactly as the Upstream Zuplo JWT policy signs them, over real HTTP: header
 * {@code {"alg":"EdDSA"}} (or the plugin's RS256) with no {@code kid} and no {@code typ};
 * custom claims, then {@code iss}, {@code iat}, {@code exp} an hour later, then {@code aud}
 * and {@code sub} only when the policy sets them. Each gateway stand-in publishes its keys as
 * Zuplo does, with Zuplo's {@code Cache-Control}, and each is a trusted issuer of its own,
 * with its own key cache and refetch cooldown (the default 30 s):
 * <ul>
 * <li>{@code gateway}, {@code zuplo.issuer} with no audience configured;</li>
 * <li>{@code rotating} and {@code withdrawing}, which accept {@value #AUDIENCE};</li>
 * <li>{@code bare}, whose key is published without {@code kid}, {@code alg} or {@code use};</li>
 * <li>{@code discovered}, found through Zuplo's discovery document.</li>
 * </ul>
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.discovery=true", "zuplo.algorithms=EdDSA,RS256" })
abstract class GatewayFormatTokensTests {

	static final String AUDIENCE = "https://api.example.com";

	static final String ZUPLO_CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=15, stale-if-error=86400";

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	@RegisterExtension
	static final JwksServer rotating = JwksServer.create();

	@RegisterExtension
	static final JwksServer withdrawing = JwksServer.create();

	@RegisterExtension
	static final JwksServer bare = JwksServer.create();

	@RegisterExtension
	static final JwksServer discovered = JwksServer.create();

	static final TestKey gatewayKey = TestKey.ed25519("zp-project-key");

	static final TestKey gatewayRsaKey = TestKey.rsa("zp-project-rsa-key");

	static final TestKey oldKey = TestKey.ed25519("old");

	static final TestKey newKey = TestKey.ed25519("new");

	static final TestKey bareKey = TestKey.ed25519("bare");

	static final TestKey discoveredKey = TestKey.ed25519("discovered");

	@LocalServerPort
	int port;

	HttpCalls http;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
		registry.add("zuplo.jwks-uri", gateway::jwksUri);
		List<JwksServer> entries = List.of(rotating, withdrawing, bare);
		for (int i = 0; i < entries.size(); i++) {
			JwksServer entry = entries.get(i);
			registry.add("zuplo.issuers[" + i + "].issuer", entry::issuer);
			registry.add("zuplo.issuers[" + i + "].jwks-uri", entry::jwksUri);
			registry.add("zuplo.issuers[" + i + "].audiences", () -> AUDIENCE);
		}
		registry.add("zuplo.issuers[3].issuer", discovered::issuer);
	}

	@BeforeAll
	static void publishKeys() {
		publishAsZuplo(gateway, JwksServer.jwksJson(gatewayKey, gatewayRsaKey));
		publishAsZuplo(rotating, JwksServer.jwksJson(oldKey));
		publishAsZuplo(withdrawing, JwksServer.jwksJson(oldKey));
		publishAsZuplo(bare, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
				+ bareKey.publicJwk().toOctetKeyPair().getX() + "\"}]}");
		publishAsZuplo(discovered, JwksServer.jwksJson(discoveredKey));
		discovered.stubFor(get(urlPathEqualTo(JwksServer.ISSUER_PATH + "/.well-known/openid-configuration"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withHeader("Cache-Control", ZUPLO_CACHE_CONTROL)
				.withBody("{\"issuer\":\"" + discovered.issuer() + "\",\"jwks_uri\":\"" + discovered.jwksUri()
						+ "\",\"id_token_signing_alg_values_supported\":[\"EdDSA\"],"
						+ "\"subject_types_supported\":[\"public\"]}")));
	}

	/** Serves a key set as a Zuplo gateway serves it. */
	private static void publishAsZuplo(JwksServer server, String json) {
		server.stubFor(get(urlPathEqualTo(JwksServer.JWKS_PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withHeader("Cache-Control", ZUPLO_CACHE_CONTROL)
			.withBody(json)));
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	/** A token of the policy's defaults: no audience, no subject, an hour long. */
	private static TokenBuilder defaultPolicy(TestKey key, JwksServer issuer) {
		return key.token().issuer(issuer.issuer()).subject(null);
	}

	@Test
	void aDefaultPolicyTokenIsLaidOutAsTheGatewaySignsIt() throws Exception {
		String token = defaultPolicy(gatewayKey, gateway).sign();

		assertThat(part(token, 0)).isEqualTo("{\"alg\":\"EdDSA\"}");
		Map<String, Object> payload = JSONObjectUtils.parse(part(token, 1));
		assertThat(payload.keySet()).containsExactly("iss", "iat", "exp");
		assertThat((Long) payload.get("exp") - (Long) payload.get("iat")).isEqualTo(Duration.ofHours(1).toSeconds());
	}

	@Test
	void aDefaultPolicyTokenIsAcceptedWhereNoAudienceIsConfiguredAndNamedByItsIssuer() throws Exception {
		HttpResponse<String> response = this.http.getWithToken("/me", defaultPolicy(gatewayKey, gateway).sign());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> me = JSONObjectUtils.parse(response.body());
		assertThat(me).containsEntry("name", gateway.issuer()).containsEntry("consumer", null);
		assertThat(this.http.getWithToken("/whoami", defaultPolicy(gatewayKey, gateway).sign()).body())
			.startsWith(gateway.issuer() + " ");
	}

	@Test
	void aDefaultPolicyTokenIsRefusedForItsAudienceWhereAnAudienceIsConfigured() {
		assertInvalidToken(this.http.getWithToken("/protected", defaultPolicy(oldKey, rotating).sign()),
				"token has no audience (aud)");
	}

	@Test
	void aTokenOfAPolicyWithAudienceSubjectAndAdditionalClaimsIsAccepted() throws Exception {
		String token = oldKey.token()
			.claim("plan", "gold")
			.claim("companyId", "c-42")
			.issuer(rotating.issuer())
			.audience(AUDIENCE)
			.subject("alice")
			.sign();
		assertThat(JSONObjectUtils.parse(part(token, 1)).keySet()).containsExactly("plan", "companyId", "iss", "iat",
				"exp", "aud", "sub");

		HttpResponse<String> response = this.http.getWithToken("/protected", token);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> user = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(response.body()), "user");
		assertThat(user).containsEntry("sub", "alice")
			.containsEntry("plan", "gold")
			.containsEntry("companyId", "c-42")
			.containsEntry("aud", List.of(AUDIENCE));
	}

	@Test
	void anRs256TokenOfThePluginsAlgorithmOptionIsAccepted() {
		String token = defaultPolicy(gatewayRsaKey, gateway).sign();

		assertThat(part(token, 0)).isEqualTo("{\"alg\":\"RS256\"}");
		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void aKeyPublishedWithoutKidAlgOrUseVerifiesTheGatewaysTokens() {
		String token = bareKey.token().issuer(bare.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
		assertInvalidToken(this.http.getWithToken("/protected",
				gatewayRsaKey.token().issuer(bare.issuer()).audience(AUDIENCE).sign()),
				"no trusted signing key fits the token's algorithm");
	}

	@Test
	void keysFoundThroughZuplosDiscoveryDocumentVerifyTheGatewaysTokens() {
		String token = defaultPolicy(discoveredKey, discovered).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void aKeyPublishedBesideTheOldOneIsFoundByTheFirstTokenItSignsAndTheOldKeepsWorking() {
		String before = oldKey.token().issuer(rotating.issuer()).audience(AUDIENCE).sign();
		assertThat(this.http.getWithToken("/protected", before).statusCode()).isEqualTo(200);
		int fetches = rotating.fetchCount();

		publishAsZuplo(rotating, JwksServer.jwksJson(newKey, oldKey));
		String after = newKey.token().issuer(rotating.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", after).statusCode()).isEqualTo(200);
		assertThat(this.http.getWithToken("/protected", before).statusCode()).isEqualTo(200);
		assertThat(rotating.fetchCount()).isEqualTo(fetches + 1);
	}

	@Test
	void aWithdrawnKeyStopsVerifyingOnceTheKeySetWithoutItIsFetchedCachedTokensIncluded() {
		String old = oldKey.token().issuer(withdrawing.issuer()).audience(AUDIENCE).sign();
		assertThat(this.http.getWithToken("/protected", old).statusCode()).isEqualTo(200);
		assertThat(this.http.getWithToken("/protected", old).statusCode()).as("from the token cache").isEqualTo(200);

		publishAsZuplo(withdrawing, JwksServer.jwksJson(newKey));
		String next = newKey.token().issuer(withdrawing.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", next).statusCode()).isEqualTo(200);
		assertInvalidToken(this.http.getWithToken("/protected", old), "signature");
	}

	@Test
	void aFloodOfForgedTokensWithoutAKidCostsNoMoreFetchesThanAFloodOfMadeUpKids() {
		String genuine = defaultPolicy(gatewayKey, gateway).sign();
		assertThat(this.http.getWithToken("/protected", genuine).statusCode()).isEqualTo(200);

		int beforeForgeries = gateway.fetchCount();
		for (int i = 0; i < 50; i++) {
			String forged = defaultPolicy(TestKey.ed25519("forger"), gateway).sign();
			assertInvalidToken(this.http.getWithToken("/protected", forged), "token signature is not valid");
		}
		int forgeryFetches = gateway.fetchCount() - beforeForgeries;
		int beforeMadeUpKids = gateway.fetchCount();
		for (int i = 0; i < 50; i++) {
			String madeUp = defaultPolicy(gatewayKey, gateway).kid("made-up-" + i).sign();
			assertInvalidToken(this.http.getWithToken("/protected", madeUp), "no trusted signing key");
		}
		int madeUpKidFetches = gateway.fetchCount() - beforeMadeUpKids;

		assertThat(forgeryFetches).isLessThanOrEqualTo(1);
		assertThat(madeUpKidFetches).isLessThanOrEqualTo(1);
		assertThat(this.http.getWithToken("/protected", genuine).statusCode()).isEqualTo(200);
	}

	private static String part(String token, int index) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
	}

}
