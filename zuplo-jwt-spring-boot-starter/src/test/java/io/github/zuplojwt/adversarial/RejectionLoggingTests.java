package io.github.zuplojwt.adversarial;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.zuplojwt.adversarial.Forgery.claims;
import static io.github.zuplojwt.adversarial.Forgery.json;
import static io.github.zuplojwt.adversarial.Forgery.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees when tokens are rejected (with DEBUG on for the starter), on both
 * stacks: one line per rejection with the reason, the issuer and the {@code kid} where
 * known, and never the token or any part of it.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothStacks(classes = ProtectedService.class, properties = "logging.level.io.github.zuplojwt=DEBUG")
class RejectionLoggingTests {

	static final String AUDIENCE = "https://api.example.com";

	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	@StackTest
	void expiredTokenIsLoggedWithReasonIssuerAndKidButNotTheToken(Stack stack, CapturedOutput output) {
		String token = gateway.token()
			.withKid()
			.issuedAt(Instant.now().minus(Duration.ofHours(2)))
			.expiresAt(Instant.now().minus(Duration.ofHours(1)))
			.sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token expired (issuer=" + gateway.issuer() + ", kid=ed-1)");
		assertNoPartOf(token, output);
	}

	@StackTest
	void badSignatureOfATokenWithoutAKidIsLoggedOnce(Stack stack, CapturedOutput output) {
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token signature is not valid (issuer=" + gateway.issuer() + ", kid=-)");
		assertNoPartOf(token, output);
	}

	@StackTest
	void untrustedIssuerIsLoggedWithTheIssuerItClaims(Stack stack, CapturedOutput output) {
		String token = gateway.token().issuer("https://evil.example/__zuplo/issuer").sign();

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token issuer is not trusted (issuer=https://evil.example/__zuplo/issuer, kid=-)");
	}

	@StackTest
	void malformedTokenIsLoggedWithoutIssuerOrKid(Stack stack, CapturedOutput output) {
		assertThat(stack.http().getWithToken("/protected", "bm90.YS50b2tlbg.c2ln").statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly("Rejected token: token is malformed: it is not a signed JWT"
				+ " (JWS compact serialization) (issuer=-, kid=-)");
		assertThat(output).doesNotContain("bm90.YS50b2tlbg");
	}

	@StackTest
	void attackerChosenKidCannotForgeLogLines(Stack stack, CapturedOutput output) {
		String token = signed(gateway.key(),
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"x\\r\\nRejected token: forged\"}",
				json(claims(gateway.issuer(), AUDIENCE)));

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(401);

		assertThat(rejectionLines(output)).hasSize(1)
			.first()
			.asString()
			.contains("kid=x??Rejected?token:?forged)");
	}

	@StackTest
	void theGatewaysRequestIdIsInTheLine(Stack stack, CapturedOutput output) {
		String requestId = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().get("/protected", "Authorization", "Bearer " + token, "zp-rid", requestId).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly("Rejected token: token signature is not valid (issuer="
				+ gateway.issuer() + ", kid=-, requestId=" + requestId + ")");
	}

	@StackTest
	void theLineOfARequestWhoseKeysMustBeFetchedHasTheRequestIdToo(Stack stack, CapturedOutput output) {
		String requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
		String token = gateway.token().kid("not-published").sign();

		assertThat(stack.http().get("/protected", "Authorization", "Bearer " + token, "zp-rid", requestId).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).singleElement().asString().endsWith(", requestId=" + requestId + ")");
	}

	@StackTest
	void aForgedRequestIdIsNotLogged(Stack stack, CapturedOutput output) {
		String forged = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5\tRejected token: forged";
		String token = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();

		assertThat(stack.http().get("/protected", "Authorization", "Bearer " + token, "zp-rid", forged).statusCode())
			.isEqualTo(401);

		assertThat(rejectionLines(output)).containsExactly(
				"Rejected token: token signature is not valid (issuer=" + gateway.issuer() + ", kid=-)");
		assertThat(output).doesNotContain("forged");
	}

	@StackTest
	void everyRejectionIsOneLine(Stack stack, CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			stack.http().getWithToken("/protected", "not-a-token-" + i);
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
