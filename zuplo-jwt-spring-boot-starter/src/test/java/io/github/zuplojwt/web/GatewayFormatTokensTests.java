package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.BeforeEach;

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
 * Each stand-in publishes the test's own keys in place of the one it starts with.
 */
@BothStacks(classes = TestApplication.class, properties = { "zuplo.discovery=true", "zuplo.algorithms=EdDSA,RS256" })
class GatewayFormatTokensTests {

	static final String AUDIENCE = "https://api.example.com";

	static final String ZUPLO_CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=15, stale-if-error=86400";

	@TestGateway
	static Gateway gateway;

	@TestGateway(trustedAs = "zuplo.issuers[0]", audience = AUDIENCE)
	static Gateway rotating;

	@TestGateway(trustedAs = "zuplo.issuers[1]", audience = AUDIENCE)
	static Gateway withdrawing;

	@TestGateway(trustedAs = "zuplo.issuers[2]", audience = AUDIENCE)
	static Gateway bare;

	@TestGateway(trustedAs = "zuplo.issuers[3]")
	static Gateway discovered;

	static final TestKey gatewayKey = TestKey.ed25519("zp-project-key");

	static final TestKey gatewayRsaKey = TestKey.rsa("zp-project-rsa-key");

	static final TestKey oldKey = TestKey.ed25519("old");

	static final TestKey newKey = TestKey.ed25519("new");

	static final TestKey bareKey = TestKey.ed25519("bare");

	static final TestKey discoveredKey = TestKey.ed25519("discovered");

	/** The key set locations of all but {@code discovered}, which is found through discovery. */
	@DynamicPropertySource
	static void keySetLocations(DynamicPropertyRegistry registry) {
		registry.add("zuplo.jwks-uri", gateway::jwksUri);
		List<Gateway> entries = List.of(rotating, withdrawing, bare);
		for (int i = 0; i < entries.size(); i++) {
			registry.add("zuplo.issuers[" + i + "].jwks-uri", entries.get(i)::jwksUri);
		}
	}

	/**
	 * Publishes each stand-in's key set before each test: a test that rotates or withdraws a
	 * key on one stack has changed it for the other stack too.
	 */
	@BeforeEach
	void publishKeys() {
		publishAsZuplo(gateway, Gateway.jwksJson(gatewayKey, gatewayRsaKey));
		publishAsZuplo(rotating, Gateway.jwksJson(oldKey));
		publishAsZuplo(withdrawing, Gateway.jwksJson(oldKey));
		publishAsZuplo(bare, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
				+ bareKey.publicJwk().toOctetKeyPair().getX() + "\"}]}");
		publishAsZuplo(discovered, Gateway.jwksJson(discoveredKey));
		discovered.stubFor(get(urlPathEqualTo(Gateway.ISSUER_PATH + "/.well-known/openid-configuration"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withHeader("Cache-Control", ZUPLO_CACHE_CONTROL)
				.withBody("{\"issuer\":\"" + discovered.issuer() + "\",\"jwks_uri\":\"" + discovered.jwksUri()
						+ "\",\"id_token_signing_alg_values_supported\":[\"EdDSA\"],"
						+ "\"subject_types_supported\":[\"public\"]}")));
	}

	/** Serves a key set as a Zuplo gateway serves it. */
	private static void publishAsZuplo(Gateway server, String json) {
		server.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withHeader("Cache-Control", ZUPLO_CACHE_CONTROL)
			.withBody(json)));
	}

	/** A token of the policy's defaults: no audience, no subject, an hour long. */
	private static TokenBuilder defaultPolicy(TestKey key, Gateway issuer) {
		return key.token().issuer(issuer.issuer()).subject(null);
	}

	@StackTest
	void aDefaultPolicyTokenIsLaidOutAsTheGatewaySignsIt(Stack stack) throws Exception {
		String token = defaultPolicy(gatewayKey, gateway).sign();

		assertThat(part(token, 0)).isEqualTo("{\"alg\":\"EdDSA\"}");
		Map<String, Object> payload = JSONObjectUtils.parse(part(token, 1));
		assertThat(payload.keySet()).containsExactly("iss", "iat", "exp");
		assertThat((Long) payload.get("exp") - (Long) payload.get("iat")).isEqualTo(Duration.ofHours(1).toSeconds());
	}

	@StackTest
	void aDefaultPolicyTokenIsAcceptedWhereNoAudienceIsConfiguredAndNamedByItsIssuer(Stack stack) throws Exception {
		HttpResponse<String> response = stack.http().getWithToken("/me", defaultPolicy(gatewayKey, gateway).sign());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> me = JSONObjectUtils.parse(response.body());
		assertThat(me).containsEntry("name", gateway.issuer()).containsEntry("consumer", null);
		assertThat(stack.http().getWithToken("/whoami", defaultPolicy(gatewayKey, gateway).sign()).body())
			.startsWith(gateway.issuer() + " ");
	}

	@StackTest
	void aDefaultPolicyTokenIsRefusedForItsAudienceWhereAnAudienceIsConfigured(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", defaultPolicy(oldKey, rotating).sign()),
				"token has no audience (aud)");
	}

	@StackTest
	void aTokenOfAPolicyWithAudienceSubjectAndAdditionalClaimsIsAccepted(Stack stack) throws Exception {
		String token = oldKey.token()
			.claim("plan", "gold")
			.claim("companyId", "c-42")
			.issuer(rotating.issuer())
			.audience(AUDIENCE)
			.subject("alice")
			.sign();
		assertThat(JSONObjectUtils.parse(part(token, 1)).keySet()).containsExactly("plan", "companyId", "iss", "iat",
				"exp", "aud", "sub");

		HttpResponse<String> response = stack.http().getWithToken("/protected", token);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> user = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(response.body()), "user");
		assertThat(user).containsEntry("sub", "alice")
			.containsEntry("plan", "gold")
			.containsEntry("companyId", "c-42")
			.containsEntry("aud", List.of(AUDIENCE));
	}

	@StackTest
	void anRs256TokenOfThePluginsAlgorithmOptionIsAccepted(Stack stack) {
		String token = defaultPolicy(gatewayRsaKey, gateway).sign();

		assertThat(part(token, 0)).isEqualTo("{\"alg\":\"RS256\"}");
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void aKeyPublishedWithoutKidAlgOrUseVerifiesTheGatewaysTokens(Stack stack) {
		String token = bareKey.token().issuer(bare.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
		assertInvalidToken(stack.http().getWithToken("/protected",
				gatewayRsaKey.token().issuer(bare.issuer()).audience(AUDIENCE).sign()),
				"no trusted signing key fits the token's algorithm");
	}

	@StackTest
	void keysFoundThroughZuplosDiscoveryDocumentVerifyTheGatewaysTokens(Stack stack) {
		String token = defaultPolicy(discoveredKey, discovered).sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void aKeyPublishedBesideTheOldOneIsFoundByTheFirstTokenItSignsAndTheOldKeepsWorking(Stack stack) {
		String before = oldKey.token().issuer(rotating.issuer()).audience(AUDIENCE).sign();
		assertThat(stack.http().getWithToken("/protected", before).statusCode()).isEqualTo(200);
		int fetches = rotating.fetchCount();

		publishAsZuplo(rotating, Gateway.jwksJson(newKey, oldKey));
		String after = newKey.token().issuer(rotating.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().getWithToken("/protected", after).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/protected", before).statusCode()).isEqualTo(200);
		assertThat(rotating.fetchCount()).isEqualTo(fetches + 1);
	}

	@StackTest
	void aWithdrawnKeyStopsVerifyingOnceTheKeySetWithoutItIsFetchedCachedTokensIncluded(Stack stack) {
		String old = oldKey.token().issuer(withdrawing.issuer()).audience(AUDIENCE).sign();
		assertThat(stack.http().getWithToken("/protected", old).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/protected", old).statusCode()).as("from the token cache").isEqualTo(200);

		publishAsZuplo(withdrawing, Gateway.jwksJson(newKey));
		String next = newKey.token().issuer(withdrawing.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().getWithToken("/protected", next).statusCode()).isEqualTo(200);
		assertInvalidToken(stack.http().getWithToken("/protected", old), "signature");
	}

	@StackTest
	void aFloodOfForgedTokensWithoutAKidCostsNoMoreFetchesThanAFloodOfMadeUpKids(Stack stack) {
		String genuine = defaultPolicy(gatewayKey, gateway).sign();
		assertThat(stack.http().getWithToken("/protected", genuine).statusCode()).isEqualTo(200);

		int beforeForgeries = gateway.fetchCount();
		for (int i = 0; i < 50; i++) {
			String forged = defaultPolicy(TestKey.ed25519("forger"), gateway).sign();
			assertInvalidToken(stack.http().getWithToken("/protected", forged), "token signature is not valid");
		}
		int forgeryFetches = gateway.fetchCount() - beforeForgeries;
		int beforeMadeUpKids = gateway.fetchCount();
		for (int i = 0; i < 50; i++) {
			String madeUp = defaultPolicy(gatewayKey, gateway).kid("made-up-" + i).sign();
			assertInvalidToken(stack.http().getWithToken("/protected", madeUp), "no trusted signing key");
		}
		int madeUpKidFetches = gateway.fetchCount() - beforeMadeUpKids;

		assertThat(forgeryFetches).isLessThanOrEqualTo(1);
		assertThat(madeUpKidFetches).isLessThanOrEqualTo(1);
		assertThat(stack.http().getWithToken("/protected", genuine).statusCode()).isEqualTo(200);
	}

	private static String part(String token, int index) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
	}

}
