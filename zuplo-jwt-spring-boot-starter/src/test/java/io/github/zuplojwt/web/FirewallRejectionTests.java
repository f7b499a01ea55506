package io.github.zuplojwt.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request Spring Security's firewall refuses is answered as every other refusal of the
 * starter: 400 with a problem+json body that says why in plain words, and never names the
 * refused value, in the body or in the log, even with Spring Security's logging at DEBUG:
 * the refused value may be the header that holds the token.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.public-paths=/public/**",
				"logging.level.org.springframework.security=DEBUG", "logging.level.io.github.zuplojwt=DEBUG" })
abstract class FirewallRejectionTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	private final TestKey key = TestKey.ed25519("k1");

	@LocalServerPort
	int port;

	private HttpCalls http;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeEach
	void publish() {
		gateway.publish(this.key);
		this.http = new HttpCalls(this.port);
	}

	private String token() {
		return this.key.token().issuer(gateway.issuer()).audience("api").sign();
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

	@Test
	void headerWithRawNonAsciiBytesIsRefusedWithProblemJsonAndTheTokenIsNotLogged(CapturedOutput output)
			throws Exception {
		String token = token();

		EarlyResponse response = this.http.sendRaw("GET /protected HTTP/1.1", authorizationWithRawUtf8(token));

		assertRefusedProblem(response);
		assertThat(output.getAll()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
	}

	@Test
	void pathWithASemicolonIsRefusedWithProblemJson() throws Exception {
		assertRefusedProblem(this.http.sendRaw("GET /protected;jsessionid=abc HTTP/1.1",
				("Authorization: Bearer " + token()).getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void unknownMethodIsRefusedWithProblemJson() throws Exception {
		assertRefusedProblem(this.http.sendRaw("FOO /protected HTTP/1.1"));
	}

	@Test
	void publicPathWithARefusedHeaderIsRefusedWithProblemJsonToo() throws Exception {
		assertRefusedProblem(this.http.sendRaw("GET /public/hello HTTP/1.1", authorizationWithRawUtf8(token())));
	}

	@Test
	void sameRequestWithoutTheRawBytesIsServed() {
		assertThat(this.http.getWithToken("/protected", token()).statusCode()).isEqualTo(200);
	}

}
