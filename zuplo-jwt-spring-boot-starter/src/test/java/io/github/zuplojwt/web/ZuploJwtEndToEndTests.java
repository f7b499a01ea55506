package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
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

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a request takes, over real HTTP: a gateway stand-in publishes keys, tokens
 * are really signed, and the service answers as the contract says.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=https://api.example.com", "zuplo.required-claims.account=acme",
				"zuplo.algorithms=EdDSA,RS256,ES256", "zuplo.public-paths=/public/**",
				"zuplo.authorities-claim=roles", "zuplo.authority-prefix=role:" })
abstract class ZuploJwtEndToEndTests {

	private static final String AUDIENCE = "https://api.example.com";

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey ed25519 = TestKey.ed25519("ed-1");

	static final TestKey rsa = TestKey.rsa("rsa-1");

	static final TestKey ec = TestKey.ec("ec-1");

	@LocalServerPort
	int port;

	HttpCalls http;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(ed25519, rsa, ec);
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	private TokenBuilder valid(TestKey key) {
		return key.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme");
	}

	@Test
	void eddsaTokenIsAcceptedAndItsClaimsReachTheController() throws Exception {
		HttpResponse<String> response = this.http.getWithToken("/protected", valid(ed25519).sign());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsEntry("message", "Access granted");
		assertThat(JSONObjectUtils.getJSONObject(body, "user")).containsEntry("sub", "consumer-alice")
			.containsEntry("account", "acme")
			.containsEntry("iss", gateway.issuer());
	}

	@Test
	void rs256TokenIsAccepted() {
		assertThat(this.http.getWithToken("/protected", valid(rsa).sign()).statusCode()).isEqualTo(200);
	}

	@Test
	void es256TokenIsAccepted() {
		assertThat(this.http.getWithToken("/protected", valid(ec).sign()).statusCode()).isEqualTo(200);
	}

	@Test
	void principalNameIsTheSubjectAndAuthoritiesComeFromTheConfiguredClaim() {
		String token = valid(ed25519).subject("consumer-bob").claim("roles", List.of("admin", "reader")).sign();

		HttpResponse<String> response = this.http.getWithToken("/whoami", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("consumer-bob ").contains("role:admin", "role:reader");
	}

	@Test
	void authorityProtectedEndpointAnswersTheHolder() {
		String token = valid(ed25519).claim("roles", "admin").sign();

		HttpResponse<String> response = this.http.getWithToken("/admin", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("admin area");
	}

	@Test
	void missingAuthorityIsForbiddenWithProblemDetails() {
		String token = valid(ed25519).claim("roles", "reader").sign();

		HttpResponse<String> response = this.http.getWithToken("/admin", token);

		assertProblem(response, 403, "authority");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void missingTokenIsUnauthorizedWithABareBearerChallenge() {
		HttpResponse<String> response = this.http.get("/protected");

		assertThat(assertProblem(response, 401, "bearer token is required")).containsEntry("detail",
				"a bearer token is required: send it in the Authorization header");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void publicPathNeedsNoToken() {
		HttpResponse<String> response = this.http.get("/public/hello");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	@Test
	void expiredTokenIsRejected() {
		String token = valid(ed25519).issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "expired");
	}

	@Test
	void expiryWithinTheClockSkewIsStillAccepted() {
		String token = valid(ed25519).issuedAt(Instant.now().minus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().minusSeconds(20))
			.sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenThatExpiresFurtherAheadThanTheMaximumLifetimeIsRejected() {
		String token = valid(ed25519).expiresAt(Instant.now().plus(Duration.ofDays(365))).sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "too far in the future");
	}

	@Test
	void tokenLivingAsLongAsAnIdentityTokenIsAccepted() {
		String token = valid(ed25519).expiresAt(Instant.now().plus(Duration.ofHours(10))).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithoutExpiryIsRejected() {
		assertInvalidToken(this.http.getWithToken("/protected", valid(ed25519).expiresAt(null).sign()), "exp");
	}

	@Test
	void notYetValidTokenIsRejected() {
		String token = valid(ed25519).notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "not valid yet");
	}

	@Test
	void tokenIssuedInTheFutureIsRejected() {
		String token = valid(ed25519).issuedAt(Instant.now().plus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().plus(Duration.ofMinutes(10)))
			.sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "issued in the future");
	}

	@Test
	void tokenThatExpiresBeforeItWasIssuedIsRejected() {
		String token = valid(ed25519).issuedAt(Instant.now()).expiresAt(Instant.now().minusSeconds(1)).sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "expires before it was issued");
	}

	@Test
	void wrongIssuerIsRejectedWithoutFetchingItsKeys() {
		int fetchesBefore = gateway.fetchCount();
		String token = valid(ed25519).issuer("https://evil.example/__zuplo/issuer").sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "issuer");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@Test
	void issuerWithATrailingSlashIsAnotherIssuer() {
		String token = valid(ed25519).issuer(gateway.issuer() + "/").sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "issuer");
	}

	@Test
	void wrongAudienceIsRejected() {
		String token = valid(ed25519).audience("https://other-backend.example.com").sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "audience");
	}

	@Test
	void audienceMayBeAnArrayContainingTheConfiguredOne() {
		String token = valid(ed25519).audience("https://other.example.com", AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void signatureByAnotherKeyWithTheSameKidIsRejected() {
		TestKey impostor = TestKey.ed25519(ed25519.kid());
		String token = impostor.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme").sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "signature");
	}

	@Test
	void tamperedPayloadIsRejected() {
		String[] parts = valid(ed25519).sign().split("\\.");
		String payload = new String(Base64URL.from(parts[1]).decode(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("consumer-alice", "consumer-admin");
		String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

		assertInvalidToken(this.http.getWithToken("/protected", tampered), "signature");
	}

	@Test
	void algorithmOutsideTheAllowListIsRejected() {
		TestKey rs384 = TestKey.rsa("rsa-384", 2048, JWSAlgorithm.RS384);
		String token = rs384.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme").sign();

		assertInvalidToken(this.http.getWithToken("/protected", token), "algorithm");
	}

	@Test
	void unsignedTokenIsRejected() {
		String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
		String payload = Base64URL.encode("{\"iss\":\"" + gateway.issuer() + "\",\"sub\":\"x\",\"aud\":\"" + AUDIENCE
				+ "\",\"account\":\"acme\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}").toString();

		assertInvalidToken(this.http.getWithToken("/protected", header + "." + payload + "."), "algorithm");
	}

	@Test
	void garbageIsRejectedAsMalformed() {
		assertInvalidToken(this.http.getWithToken("/protected", "not.a.jwt"), "malformed");
	}

	@Test
	void userValidatorRunsInAdditionToTheStartersChecks() {
		assertInvalidToken(this.http.getWithToken("/protected", valid(ed25519).subject("mallory").sign()), "banned");
		assertInvalidToken(this.http.getWithToken("/protected",
				valid(ed25519).subject("consumer-bob").audience("https://elsewhere.example").sign()), "audience");
	}

}
