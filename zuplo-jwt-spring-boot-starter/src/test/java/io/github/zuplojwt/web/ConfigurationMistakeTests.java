package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service meeting a gateway whose issuer, audience or algorithm differs from its
 * configuration, at the default log level, over real HTTP with really signed tokens: the
 * clients get the usual 401 bodies, the log gets one WARN line per reason that says which
 * value differs and how, however many tokens arrive, and the {@code zuplo} health component
 * shows the same. Each test starts a fresh application, since the lines are limited per
 * application and per minute: a subclass per stack, as {@code @BothStacks} starts its
 * applications once per class.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=when-authorized")
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
abstract class ConfigurationMistakeTests {

	static final String LINE = "Tokens refused, probably a configuration mistake: ";

	static final String CUSTOM_DOMAIN = "https://api.example.com/__zuplo/issuer";

	static final String REQUEST_ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	static final String AUDIENCE = "api";

	static final TestKey rs384 = TestKey.rsa("rs-1", 2048, JWSAlgorithm.RS384);

	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	@LocalServerPort
	int port;

	HttpCalls http;

	@BeforeAll
	static void publishTheGatewaysKeys() {
		gateway.publish(gateway.key(), rs384);
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	@Test
	void anotherIssuerIsNamedInOneWarnLineAndInTheHealth(CapturedOutput output) throws ParseException {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> refused = this.http.get("/protected", "Authorization",
					"Bearer " + gateway.token().issuer(CUSTOM_DOMAIN).sign(), "zp-rid", REQUEST_ID);
			assertInvalidToken(refused, "token issuer is not trusted");
			assertThat(refused.body()).doesNotContain("api.example.com");
		}

		assertThat(warnings(output)).containsExactly(LINE + "the latest names issuer \"" + CUSTOM_DOMAIN
				+ "\", which is not trusted (trusted: " + gateway.issuer() + "); 1 such token since startup. If they"
				+ " come from your gateway (a custom domain, another environment or the JWT Service plugin's basePath"
				+ " each make another issuer), trust that issuer with zuplo.issuer or an entry of zuplo.issuers."
				+ " At most one such line a minute; the latest came with requestId=" + REQUEST_ID + ".");
		assertThat(rejections()).containsOnlyKeys("issuer");
		assertThat(rejections().get("issuer")).containsEntry("lastMinute", 3L)
			.containsEntry("total", 3L)
			.containsEntry("latest",
					"names issuer \"" + CUSTOM_DOMAIN + "\", which is not trusted (trusted: " + gateway.issuer() + ")")
			.containsKey("last");
	}

	@Test
	void aPolicyThatSetsNoAudienceIsNamedInOneWarnLine(CapturedOutput output) throws ParseException {
		for (int i = 0; i < 2; i++) {
			String withoutAudience = gateway.key().token().issuer(gateway.issuer()).sign();
			assertInvalidToken(this.http.getWithToken("/protected", withoutAudience), "token has no audience (aud)");
		}

		assertThat(warnings(output)).singleElement()
			.asString()
			.startsWith(LINE + "the latest has no audience (aud), and issuer " + gateway.issuer()
					+ " requires one of: " + AUDIENCE + "; 1 such token since startup. Set the audience option of the"
					+ " gateway's Upstream Zuplo JWT policy");
		assertThat(rejections().get("audience")).containsEntry("lastMinute", 2L).containsEntry("total", 2L);
	}

	@Test
	void anAlgorithmOutsideTheAllowListIsNamedInOneWarnLine(CapturedOutput output) throws ParseException {
		for (int i = 0; i < 2; i++) {
			assertInvalidToken(
					this.http.getWithToken("/protected", rs384.token().issuer(gateway.issuer()).audience(AUDIENCE).sign()),
					"token algorithm RS384 is not allowed");
		}

		assertThat(warnings(output)).containsExactly(LINE + "the latest is signed with RS384, which is not allowed"
				+ " (allowed: EdDSA, RS256); 1 such token since startup. If your gateway signs with it (the JWT Service"
				+ " plugin's algorithm option), add it to zuplo.algorithms. At most one such line a minute.");
		assertThat(rejections().get("algorithm")).containsEntry("lastMinute", 2L)
			.containsEntry("latest", "is signed with RS384, which is not allowed (allowed: EdDSA, RS256)");
	}

	@Test
	void aFloodOfForgedRandomIssuersAddsOneLine(CapturedOutput output) throws ParseException {
		int flood = 200;
		for (int i = 0; i < flood; i++) {
			String forged = "https://" + UUID.randomUUID() + ".example/\r\n2026-12-02T12:00:00.000Z  WARN forged\u0000";
			assertThat(this.http.getWithToken("/protected", gateway.token().issuer(forged).sign()).statusCode())
				.isEqualTo(401);
		}

		assertThat(warnings(output)).singleElement()
			.asString()
			.contains(".example/??2026-12-02T12:00:00.000Z??WARN?forged?\", which is not trusted");
		assertThat(output.getOut()).doesNotContain("\n2026-12-02T12:00:00.000Z  WARN forged");
		assertThat(rejections().get("issuer")).containsEntry("lastMinute", (long) flood)
			.containsEntry("total", (long) flood);
	}

	@Test
	void expiredAndForgedTokensAreCountedButStayAtDebug(CapturedOutput output) throws ParseException {
		assertInvalidToken(this.http.getWithToken("/protected", gateway.expiredToken()), "token expired");
		String forged = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE).sign();
		assertInvalidToken(this.http.getWithToken("/protected", forged), "token signature is not valid");

		assertThat(warnings(output)).isEmpty();
		assertThat(output.getOut()).doesNotContain("Rejected token");
		assertThat(rejections()).containsOnlyKeys("expired", "signature");
		assertThat(rejections().get("expired")).containsEntry("total", 1L).doesNotContainKey("latest");
	}

	/** The refused tokens by reason, as the {@code zuplo} health component shows them to a caller with a token. */
	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> rejections() throws ParseException {
		HttpResponse<String> health = this.http.getWithToken("/actuator/health/zuplo", gateway.token().sign());
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		Map<String, Object> details = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(health.body()), "details");
		return (Map<String, Map<String, Object>>) (Map<String, ?>) details.get("rejections");
	}

	/** The lines of likely configuration mistakes, each logged at WARN, from their text on. */
	private static List<String> warnings(CapturedOutput output) {
		List<String> lines = output.getOut().lines().filter((line) -> line.contains(LINE)).toList();
		assertThat(lines).allSatisfy((line) -> assertThat(line).contains("WARN"));
		return lines.stream().map((line) -> line.substring(line.indexOf(LINE))).toList();
	}

}
