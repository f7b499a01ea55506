package io.github.zuplojwt.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request Spring Security's firewall refuses is answered as every other refusal of the
 * starter: 400 with a problem+json body that says why in plain words, and never names the
 * refused value, in the body or in the log, even with Spring Security's logging at DEBUG:
 * the refused value may be the header that holds the token. The firewall is
 * {@code StrictHttpFirewall} on the servlet stack and {@code StrictServerWebExchangeFirewall}
 * on the reactive stack.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.public-paths=/public/**", "logging.level.org.springframework.security=DEBUG",
				"logging.level.io.github.zuplojwt=DEBUG" })
class FirewallRejectionTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	private static String token() {
		return gateway.token().sign();
	}

	/** The header line {@code Authorization: Bearer <token>€}, the euro sign as raw UTF-8 bytes. */
	private static byte[] authorizationWithRawUtf8(String token) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		line.writeBytes(("Authorization: Bearer " + token).getBytes(StandardCharsets.US_ASCII));
		line.writeBytes("€".getBytes(StandardCharsets.UTF_8));
		return line.toByteArray();
	}

	private static void assertRefusedProblem(EarlyResponse response) throws Exception {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsEntry("status", 400L).containsEntry("title", "Bad Request");
		assertThat((String) body.get("detail")).contains("not allowed");
		assertThat(response.body()).doesNotContain("eyJ", "Exception");
	}

	@StackTest
	void headerWithRawNonAsciiBytesIsRefusedWithProblemJsonAndTheTokenIsNotLogged(Stack stack,
			CapturedOutput output) throws Exception {
		String token = token();

		EarlyResponse response = stack.http().sendRaw("GET /protected HTTP/1.1", authorizationWithRawUtf8(token));

		assertRefusedProblem(response);
		assertThat(output.getAll()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
	}

	@StackTest
	void pathWithASemicolonIsRefusedWithProblemJson(Stack stack) throws Exception {
		assertRefusedProblem(stack.http().sendRaw("GET /protected;jsessionid=abc HTTP/1.1",
				("Authorization: Bearer " + token()).getBytes(StandardCharsets.US_ASCII)));
	}

	@StackTest
	void unknownMethodIsRefusedWithProblemJson(Stack stack) throws Exception {
		assertRefusedProblem(stack.http().sendRaw("FOO /protected HTTP/1.1"));
	}

	@StackTest
	void publicPathWithARefusedHeaderIsRefusedWithProblemJsonToo(Stack stack) throws Exception {
		assertRefusedProblem(stack.http().sendRaw("GET /public/hello HTTP/1.1", authorizationWithRawUtf8(token())));
	}

	@StackTest
	void sameRequestWithoutTheRawBytesIsServed(Stack stack) {
		assertThat(stack.http().getWithToken("/protected", token()).statusCode()).isEqualTo(200);
	}

}
