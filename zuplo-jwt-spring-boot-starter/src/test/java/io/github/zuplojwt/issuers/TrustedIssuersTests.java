package io.github.zuplojwt.issuers;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that trusts its gateway's production environment ({@code zuplo.issuer}), a
 * preview environment and Zuplo's Identity Token issuer ({@code zuplo.issuers}), each with
 * its own keys and checks, and nothing else, on both stacks. The Identity Token issuer is
 * the one Zuplo documents, shared by every Zuplo customer, pinned to one account and
 * project; its keys come from a stand-in on loopback ({@code jwks-uri}), since Zuplo's own
 * cannot sign test tokens.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.audiences=https://api.example.com", "zuplo.algorithms=EdDSA,RS256" })
class TrustedIssuersTests {

	static final String IDENTITY_ISSUER = "https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD";

	static final String IDENTITY_JWKS_PATH = "/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD/.well-known/jwks.json";

	@TestGateway
	static Gateway production;

	@TestGateway(trustedAs = "zuplo.issuers[0]")
	static Gateway preview;

	/** Serves the Identity Token issuer's keys, which {@code zuplo.issuers[1]} names. */
	@TestGateway(trustedAs = "")
	static Gateway identity;

	@TestGateway(trustedAs = "")
	static Gateway stranger;

	static final TestKey productionKey = TestKey.ed25519("prod-1");

	static final TestKey previewKey = TestKey.ed25519("preview-1");

	static final TestKey identityKey = TestKey.rsa("atky_abc123");

	static final TestKey strangerKey = TestKey.ed25519("stranger-1");

	@DynamicPropertySource
	static void identityIssuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuers[1].issuer", () -> IDENTITY_ISSUER);
		registry.add("zuplo.issuers[1].jwks-uri", () -> identity.baseUrl() + IDENTITY_JWKS_PATH);
		registry.add("zuplo.issuers[1].audiences", () -> "https://backend.example.com");
		registry.add("zuplo.issuers[1].required-claims.account", () -> "acme-corp");
		registry.add("zuplo.issuers[1].required-claims.project", () -> "billing-api");
		registry.add("zuplo.issuers[1].required-claims.environment_type", () -> "production,preview");
	}

	/**
	 * Each environment signs with a key of its own {@code kid}, in place of the gateways'
	 * own {@code ed-1}, so that a key of one is never found in the key set of another.
	 */
	@BeforeAll
	static void publishKeys() {
		production.publish(productionKey);
		preview.publish(previewKey);
		stranger.publish(strangerKey);
		identity.stubFor(get(urlPathEqualTo(IDENTITY_JWKS_PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(new JWKSet(identityKey.publicJwk()).toString())));
	}

	/** An Identity Token of the pinned account and project; every Zuplo customer's is signed by the same key. */
	private TokenBuilder identityToken() {
		return identityKey.token()
			.issuer(IDENTITY_ISSUER)
			.subject("atcl_client_123")
			.audience("https://backend.example.com")
			.claim("account", "acme-corp")
			.claim("project", "billing-api")
			.claim("deployment", "billing-api-main-8f2d1c")
			.claim("environment_type", "production");
	}

	@StackTest
	void tokensFromEachTrustedEnvironmentAreAccepted(Stack stack) {
		String fromProduction = productionKey.token().issuer(production.issuer()).audience("https://api.example.com")
			.sign();
		String fromPreview = previewKey.token().issuer(preview.issuer()).audience("https://api.example.com").sign();

		assertThat(stack.http().getWithToken("/protected", fromProduction).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/protected", fromPreview).statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenFromAnUntrustedIssuerIsRejectedWithoutAnyRequestToIt(Stack stack) {
		String token = strangerKey.token().issuer(stranger.issuer()).audience("https://api.example.com").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "issuer");
		assertThat(stranger.fetchCount()).isZero();
	}

	@StackTest
	void tokenClaimingOneIssuerButSignedWithAnotherIssuersKeyIsRejected(Stack stack) {
		String unnamed = previewKey.token().issuer(production.issuer()).audience("https://api.example.com").sign();
		String named = previewKey.token()
			.withKid()
			.issuer(production.issuer())
			.audience("https://api.example.com")
			.sign();

		assertInvalidToken(stack.http().getWithToken("/protected", unnamed), "signature");
		assertInvalidToken(stack.http().getWithToken("/protected", named), "no trusted signing key");
	}

	@StackTest
	void identityTokenForTheRightAccountProjectAndEnvironmentIsAccepted(Stack stack) throws Exception {
		HttpResponse<String> response = stack.http().getWithToken("/me", identityToken().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> me = JSONObjectUtils.parse(response.body());
		assertThat(me).containsEntry("account", "acme-corp")
			.containsEntry("project", "billing-api")
			.containsEntry("deployment", "billing-api-main-8f2d1c")
			.containsEntry("environmentType", "production")
			.containsEntry("consumer", "atcl_client_123");
	}

	@StackTest
	void identityTokenFromAPreviewEnvironmentIsAcceptedToo(Stack stack) {
		String token = identityToken().claim("environment_type", "preview").sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void identityTokenOfAnotherZuploCustomerIsRejectedForItsAccount(Stack stack) {
		// Same issuer, same key, this service's audience: only the account tells it apart.
		String token = identityToken().claim("account", "globex").claim("project", "billing-api").sign();

		HttpResponse<String> response = stack.http().getWithToken("/protected", token);

		assertInvalidToken(response, "token claim account has a value that is not accepted");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((challenge) -> assertThat(
				challenge).contains("error_description=\"token claim account has a value that is not accepted\""));
	}

	@StackTest
	void identityTokenWithoutAnAccountIsRejected(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", identityToken().claim("account", null).sign()),
				"token lacks the required claim account");
	}

	@StackTest
	void identityTokenOfAnotherProjectIsRejected(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", identityToken().claim("project", "other").sign()),
				"token claim project has a value that is not accepted");
	}

	@StackTest
	void identityTokenFromADevelopmentEnvironmentIsRejected(Stack stack) {
		String token = identityToken().claim("environment_type", "development").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "environment_type");
	}

	@StackTest
	void eachIssuerHasItsOwnAudience(Stack stack) {
		String identityForGatewayAudience = identityToken().audience("https://api.example.com").sign();
		String productionForIdentityAudience = productionKey.token().issuer(production.issuer())
			.audience("https://backend.example.com").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", identityForGatewayAudience), "audience");
		assertInvalidToken(stack.http().getWithToken("/protected", productionForIdentityAudience), "audience");
	}

	@StackTest
	void entriesWithoutTheirOwnAudiencesTakeTheTopLevelOnes(Stack stack) {
		// The preview entry sets no audiences, so zuplo.audiences applies to it.
		String token = previewKey.token().issuer(preview.issuer()).audience("https://backend.example.com").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "audience");
	}

}
