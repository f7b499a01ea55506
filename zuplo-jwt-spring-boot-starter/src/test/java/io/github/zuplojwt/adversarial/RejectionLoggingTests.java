package io.github.zuplojwt.adversarial;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.adversarial.Forgery.claims;
import static io.github.zuplojwt.adversarial.Forgery.json;
import static io.github.zuplojwt.adversarial.Forgery.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees when tokens are rejected (with DEBUG on for the starter): one line
 * per rejection with the reason, the issuer and the {@code kid} where known, and never the
 * token or any part of it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ProtectedService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + RejectionLoggingTests.AUDIENCE,
				"logging.level.io.github.zuplojwt=DEBUG" })
abstract class RejectionLoggingTests {

	static final String AUDIENCE = "https://api.example.com";

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey key = TestKey.ed25519("ed-1");

	@LocalServerPort
	int port;

	HttpCalls http;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(key);
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	@Test
	void expiredTokenIsLoggedWithReasonIssuerAndKidButNotTheToken(CapturedOutput output) {
		String token = key.token()
			.withKid()
			.issuer(gateway.issuer())
			.audience(AUDIENCE)
			.issuedAt(Instant.now().minus(Duration.ofHours(2)))
			.expiresAt(Instant.now().minus(Duration.ofHours(1)))
			.sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token expired (issuer=" + gateway.issuer() + ", kid=ed-1)");
		assertNoPartOf(token, output);
	}

	@Test
	void badSignatureOfATokenWithoutAKidIsLoggedOnce(CapturedOutput output) {
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token signature is not valid (issuer=" + gateway.issuer() + ", kid=-)");
		assertNoPartOf(token, output);
	}

	@Test
	void untrustedIssuerIsLoggedWithTheIssuerItClaims(CapturedOutput output) {
		String token = key.token().issuer("https://evil.example/__zuplo/issuer").audience(AUDIENCE).sign();

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token issuer is not trusted (issuer=https://evil.example/__zuplo/issuer, kid=-)");
	}

	@Test
	void malformedTokenIsLoggedWithoutIssuerOrKid(CapturedOutput output) {
		assertThat(this.http.getWithToken("/protected", "bm90.YS50b2tlbg.c2ln").statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly("Rejected token: token is malformed: it is not a signed JWT"
				+ " (JWS compact serialization) (issuer=-, kid=-)");
		assertThat(output).doesNotContain("bm90.YS50b2tlbg");
	}

	@Test
	void attackerChosenKidCannotForgeLogLines(CapturedOutput output) {
		String token = signed(key, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"x\\r\\nRejected token: forged\"}",
				json(claims(gateway.issuer(), AUDIENCE)));

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).hasSize(1)
			.first()
			.asString()
			.contains("kid=x??Rejected?token:?forged)");
	}

	@Test
	void theGatewaysRequestIdIsInTheLine(CapturedOutput output) {
		String requestId = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.get("/protected", "Authorization", "Bearer " + token, "zp-rid", requestId).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly("Rejected token: token signature is not valid (issuer="
				+ gateway.issuer() + ", kid=-, requestId=" + requestId + ")");
	}

	@Test
	void theLineOfARequestWhoseKeysMustBeFetchedHasTheRequestIdToo(CapturedOutput output) {
		String requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
		String token = key.token().kid("not-published").issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.get("/protected", "Authorization", "Bearer " + token, "zp-rid", requestId).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).singleElement().asString().endsWith(", requestId=" + requestId + ")");
	}

	@Test
	void aForgedRequestIdIsNotLogged(CapturedOutput output) {
		String forged = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5\tRejected token: forged";
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(this.http.get("/protected", "Authorization", "Bearer " + token, "zp-rid", forged).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token signature is not valid (issuer=" + gateway.issuer() + ", kid=-)");
		assertThat(output).doesNotContain("forged");
	}

	@Test
	void everyRejectionIsOneLine(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			this.http.getWithToken("/protected", "not-a-token-" + i);
		}

		assertThat(rejectionLines(output)).hasSize(3);
	}

	private static List<String> rejectionLines(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("Rejected token"))
			.map((line) -> line.substring(line.indexOf("Rejected token")))
			.toList();
	}

	private static void assertNoPartOf(String token, CapturedOutput output) {
		for (String part : token.split("\\.")) {
			assertThat(output.getAll()).doesNotContain(part);
		}
	}

}
