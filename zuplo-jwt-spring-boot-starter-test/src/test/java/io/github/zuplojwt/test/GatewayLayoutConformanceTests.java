package io.github.zuplojwt.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit mints the gateway's layout byte for byte: for each policy of the recorded Zuplo
 * token vectors ({@code zuplo-format/vectors.json}, made with the gateway's runtime), the
 * kit's token for the same options has exactly the recorded header and payload text, with
 * the test issuer in place of the recorded one.
 */
class GatewayLayoutConformanceTests {

	private static final Map<String, Object> VECTORS = vectors();

	private static ZuploTestIssuer issuer;

	@BeforeAll
	static void start() {
		issuer = ZuploTestIssuer.start();
	}

	@AfterAll
	static void close() {
		issuer.close();
	}

	@Test
	void theDefaultPolicysTokenIsTheGatewaysLayout() {
		assertSameLayout("default", UnaryOperator.identity());
	}

	@Test
	void aPolicyWithAnAudienceGivesTheGatewaysLayout() {
		assertSameLayout("audience", (token) -> token.audience("https://api.example.com"));
	}

	@Test
	void aPolicyWithAudienceSubjectAndAdditionalClaimsGivesTheGatewaysLayout() {
		assertSameLayout("audience-subject-claims", (token) -> token.subject("alice")
			.audience("https://api.example.com")
			.claim("plan", "gold")
			.claim("companyId", "c-42"));
	}

	/** The options of a policy, set on the kit's builder in any order, give the recorded layout. */
	private static void assertSameLayout(String name, UnaryOperator<ZuploTokenBuilder> policy) {
		Map<String, Object> vector = vector(name);
		Map<String, Object> payload = object(vector, "payload");
		String minted = policy.apply(issuer.token().issuedAt(Instant.ofEpochSecond((Long) payload.get("iat"))))
			.sign();

		String[] parts = minted.split("\\.");
		assertThat(decoded(parts[0])).isEqualTo(vector.get("header_json"));
		assertThat(decoded(parts[1])).isEqualTo(((String) vector.get("payload_json"))
			.replace("\"iss\":\"" + VECTORS.get("issuer") + "\"", "\"iss\":\"" + issuer.issuer() + "\""));
	}

	private static String decoded(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static Map<String, Object> vector(String name) {
		try {
			return List.of(JSONObjectUtils.getJSONObjectArray(VECTORS, "tokens"))
				.stream()
				.filter((vector) -> name.equals(vector.get("name")))
				.findFirst()
				.orElseThrow();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> object(Map<String, Object> json, String name) {
		try {
			return JSONObjectUtils.getJSONObject(json, name);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> vectors() {
		try (InputStream in = GatewayLayoutConformanceTests.class.getResourceAsStream("/zuplo-format/vectors.json")) {
			return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
