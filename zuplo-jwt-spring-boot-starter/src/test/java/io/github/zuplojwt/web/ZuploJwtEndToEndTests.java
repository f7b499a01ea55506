package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.BeforeAll;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a request takes, over real HTTP: a gateway stand-in publishes keys, tokens
 * are really signed, and the service answers as the contract says.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.required-claims.account=acme", "zuplo.algorithms=EdDSA,RS256,ES256",
				"zuplo.public-paths=/public/**", "zuplo.authorities-claim=roles", "zuplo.authority-prefix=role:" })
class ZuploJwtEndToEndTests {

	private static final String AUDIENCE = "https://api.example.com";

	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	static final TestKey rsa = TestKey.rsa("rsa-1");

	static final TestKey ec = TestKey.ec("ec-1");

	@BeforeAll
	static void publishKeys() {
		gateway.publish(gateway.key(), rsa, ec);
	}

	/** A token the application accepts, signed by the gateway's Ed25519 key. */
	private static TokenBuilder valid() {
		return gateway.token().claim("account", "acme");
	}

	/** The same token signed by the given key instead: accepted if the gateway publishes it. */
	private static TokenBuilder valid(TestKey key) {
		return key.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme");
	}

	@StackTest
	void eddsaTokenIsAcceptedAndItsClaimsReachTheController(Stack stack) throws Exception {
		HttpResponse<String> response = stack.http().getWithToken("/protected", valid().sign());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsEntry("message", "Access granted");
		assertThat(JSONObjectUtils.getJSONObject(body, "user")).containsEntry("sub", "consumer-alice")
			.containsEntry("account", "acme")
			.containsEntry("iss", gateway.issuer());
	}

	@StackTest
	void rs256TokenIsAccepted(Stack stack) {
		assertThat(stack.http().getWithToken("/protected", valid(rsa).sign()).statusCode()).isEqualTo(200);
	}

	@StackTest
	void es256TokenIsAccepted(Stack stack) {
		assertThat(stack.http().getWithToken("/protected", valid(ec).sign()).statusCode()).isEqualTo(200);
	}

	@StackTest
	void principalNameIsTheSubjectAndAuthoritiesComeFromTheConfiguredClaim(Stack stack) {
		String token = valid().subject("consumer-bob").claim("roles", List.of("admin", "reader")).sign();

		HttpResponse<String> response = stack.http().getWithToken("/whoami", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("consumer-bob ").contains("role:admin", "role:reader");
	}

	@StackTest
	void authorityProtectedEndpointAnswersTheHolder(Stack stack) {
		String token = valid().claim("roles", "admin").sign();

		HttpResponse<String> response = stack.http().getWithToken("/admin", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("admin area");
	}

	@StackTest
	void missingAuthorityIsForbiddenWithProblemDetails(Stack stack) {
		String token = valid().claim("roles", "reader").sign();

		HttpResponse<String> response = stack.http().getWithToken("/admin", token);

		assertProblem(response, 403, "authority");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@StackTest
	void missingTokenIsUnauthorizedWithABareBearerChallenge(Stack stack) {
		HttpResponse<String> response = stack.http().get("/protected");

		assertThat(assertProblem(response, 401, "bearer token is required")).containsEntry("detail",
				"a bearer token is required: send it in the Authorization header");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@StackTest
	void publicPathNeedsNoToken(Stack stack) {
		HttpResponse<String> response = stack.http().get("/public/hello");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	@StackTest
	void expiredTokenIsRejected(Stack stack) {
		String token = valid().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "expired");
	}

	@StackTest
	void expiryWithinTheClockSkewIsStillAccepted(Stack stack) {
		String token = valid().issuedAt(Instant.now().minus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().minusSeconds(20))
			.sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenThatExpiresFurtherAheadThanTheMaximumLifetimeIsRejected(Stack stack) {
		String token = valid().expiresAt(Instant.now().plus(Duration.ofDays(365))).sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "too far in the future");
	}

	@StackTest
	void tokenLivingAsLongAsAnIdentityTokenIsAccepted(Stack stack) {
		String token = valid().expiresAt(Instant.now().plus(Duration.ofHours(10))).sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void tokenWithoutExpiryIsRejected(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", valid().expiresAt(null).sign()), "exp");
	}

	@StackTest
	void notYetValidTokenIsRejected(Stack stack) {
		String token = valid().notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "not valid yet");
	}

	@StackTest
	void tokenIssuedInTheFutureIsRejected(Stack stack) {
		String token = valid().issuedAt(Instant.now().plus(Duration.ofMinutes(5)))
			.expiresAt(Instant.now().plus(Duration.ofMinutes(10)))
			.sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "issued in the future");
	}

	@StackTest
	void tokenThatExpiresBeforeItWasIssuedIsRejected(Stack stack) {
		String token = valid().issuedAt(Instant.now()).expiresAt(Instant.now().minusSeconds(1)).sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "expires before it was issued");
	}

	@StackTest
	void wrongIssuerIsRejectedWithoutFetchingItsKeys(Stack stack) {
		int fetchesBefore = gateway.fetchCount();
		String token = valid().issuer("https://evil.example/__zuplo/issuer").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "issuer");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@StackTest
	void issuerWithATrailingSlashIsAnotherIssuer(Stack stack) {
		String token = valid().issuer(gateway.issuer() + "/").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "issuer");
	}

	@StackTest
	void wrongAudienceIsRejected(Stack stack) {
		String token = valid().audience("https://other-backend.example.com").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "audience");
	}

	@StackTest
	void audienceMayBeAnArrayContainingTheConfiguredOne(Stack stack) {
		String token = valid().audience("https://other.example.com", AUDIENCE).sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest
	void signatureByAnotherKeyWithTheSameKidIsRejected(Stack stack) {
		TestKey impostor = TestKey.ed25519(gateway.key().kid());
		String token = impostor.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "signature");
	}

	@StackTest
	void tamperedPayloadIsRejected(Stack stack) {
		String[] parts = valid().sign().split("\\.");
		String payload = new String(Base64URL.from(parts[1]).decode(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("consumer-alice", "consumer-admin");
		String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

		assertInvalidToken(stack.http().getWithToken("/protected", tampered), "signature");
	}

	@StackTest
	void algorithmOutsideTheAllowListIsRejected(Stack stack) {
		TestKey rs384 = TestKey.rsa("rsa-384", 2048, JWSAlgorithm.RS384);
		String token = rs384.token().issuer(gateway.issuer()).audience(AUDIENCE).claim("account", "acme").sign();

		assertInvalidToken(stack.http().getWithToken("/protected", token), "algorithm");
	}

	@StackTest
	void unsignedTokenIsRejected(Stack stack) {
		String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
		String payload = Base64URL.encode("{\"iss\":\"" + gateway.issuer() + "\",\"sub\":\"x\",\"aud\":\"" + AUDIENCE
				+ "\",\"account\":\"acme\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}").toString();

		assertInvalidToken(stack.http().getWithToken("/protected", header + "." + payload + "."), "algorithm");
	}

	@StackTest
	void garbageIsRejectedAsMalformed(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", "not.a.jwt"), "malformed");
	}

	@StackTest
	void userValidatorRunsInAdditionToTheStartersChecks(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", valid().subject("mallory").sign()), "banned");
		assertInvalidToken(stack.http().getWithToken("/protected",
				valid().subject("consumer-bob").audience("https://elsewhere.example").sign()), "audience");
	}

}
