package io.github.zuplojwt.internal.decoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.principal.ZuploPrincipal;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recorded Zuplo token format vectors ({@code zuplo-format/vectors.json}: tokens laid out
 * byte for byte as the gateway's runtime signs them, with no {@code kid}), verified by the
 * decoder with their issuer's key set served over HTTP as Zuplo serves it, and a clock fixed
 * at the time the vectors were made for.
 */
class ZuploFormatVectorsTests {

	private static final Map<String, Object> VECTORS = vectors();

	private static final String ISSUER = (String) VECTORS.get("issuer");

	private static final Instant VERIFY_AT = Instant.ofEpochSecond((Long) VECTORS.get("verify_at_epoch_seconds"));

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final List<VerifyingJwtDecoder> decoders = new ArrayList<>();

	@BeforeEach
	void publishTheVectorsKeySet() {
		gateway.reset();
		publish(JSONObjectUtils.toJSONString(jwks()));
	}

	@AfterEach
	void close() throws Exception {
		for (VerifyingJwtDecoder decoder : this.decoders) {
			decoder.destroy();
		}
	}

	@Test
	void everyRecordedTokenIsAcceptedAndItsClaimsAreThePayload() throws Exception {
		VerifyingJwtDecoder decoder = decoder(Set.of(), VERIFY_AT);

		for (Map<String, Object> vector : tokens()) {
			Jwt jwt = decoder.decode(token(vector));

			Map<String, Object> payload = JSONObjectUtils.getJSONObject(vector, "payload");
			assertThat(jwt.getHeaders()).as(name(vector)).isEqualTo(Map.of("alg", "EdDSA"));
			assertThat(jwt.getClaims().keySet()).as(name(vector)).containsExactlyElementsOf(payload.keySet());
			assertThat(jwt.getIssuer()).hasToString(ISSUER);
			assertThat(jwt.getIssuedAt()).isEqualTo(Instant.ofEpochSecond((Long) payload.get("iat")));
			assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
		}
	}

	@Test
	void aRecordedTokenWithoutASubjectIsNamedByItsIssuerAndOneWithASubjectByIt() {
		VerifyingJwtDecoder decoder = decoder(Set.of(), VERIFY_AT);

		ZuploPrincipal withoutSubject = (ZuploPrincipal) decoder.decode(token("default"));
		ZuploPrincipal withSubject = (ZuploPrincipal) decoder.decode(token("audience-subject-claims"));

		assertThat(withoutSubject.getName()).isEqualTo(ISSUER);
		assertThat(withoutSubject.getConsumer()).isNull();
		assertThat(withSubject.getName()).isEqualTo("alice");
		assertThat(withSubject.getMetadata()).isEqualTo(Map.of("plan", "gold", "companyId", "c-42"));
		assertThat(withSubject.getAudience()).containsExactly("https://api.example.com");
	}

	@Test
	void withAnAudienceConfiguredTheDefaultPolicysTokenIsRefusedAndTheOthersAreAccepted() {
		VerifyingJwtDecoder decoder = decoder(Set.of("https://api.example.com"), VERIFY_AT);

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(token("default")))
			.withMessage("token has no audience (aud)")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.AUDIENCE));
		assertThat(decoder.decode(token("audience")).getAudience()).containsExactly("https://api.example.com");
		assertThat(decoder.decode(token("audience-subject-claims")).getSubject()).isEqualTo("alice");
	}

	@Test
	void theProjectKeyPublishedWithoutKidAlgOrUseVerifiesTheRecordedTokens() {
		Map<String, Object> key = new LinkedHashMap<>(publishedKey());
		key.keySet().removeAll(Set.of("kid", "alg", "use"));
		publish(JSONObjectUtils.toJSONString(Map.of("keys", List.of(key))));
		VerifyingJwtDecoder decoder = decoder(Set.of(), VERIFY_AT);

		for (Map<String, Object> vector : tokens()) {
			assertThat(decoder.decode(token(vector))).as(name(vector)).isNotNull();
		}
	}

	@Test
	void aRecordedTokenWithAnotherPayloadIsRefusedForItsSignature() {
		String token = token("audience");
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace("https://api.example.com", "https://api.example.org")
				.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		VerifyingJwtDecoder decoder = decoder(Set.of(), VERIFY_AT);

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(forged))
			.withMessage("token signature is not valid");
	}

	@Test
	void aRecordedTokenExpiresAnHourAfterItWasIssuedBeyondTheClockSkew() throws ParseException {
		Instant expiry = Instant.ofEpochSecond((Long) JSONObjectUtils
			.getJSONObject(tokens().get(0), "payload")
			.get("exp"));
		VerifyingJwtDecoder decoder = decoder(Set.of(), expiry.plus(Duration.ofSeconds(61)));

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(token("default")))
			.withMessage("token expired");
	}

	private VerifyingJwtDecoder decoder(Set<String> audiences, Instant now) {
		JwksSettings jwks = new JwksSettings(URI.create(gateway.jwksUri()), Duration.ofMinutes(10),
				Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1), 64 * 1024);
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256),
				Duration.ofSeconds(60), 8192, Clock.fixed(now, ZoneOffset.UTC));
		VerifyingJwtDecoder decoder = VerifyingJwtDecoder.create(List.of(new TrustedIssuer(ISSUER, jwks, audiences, Map.of())),
				policy, new VerificationKeys(new BouncyCastleEd25519Backend()), null);
		this.decoders.add(decoder);
		return decoder;
	}

	/** Serves a key set as Zuplo serves its issuer's, with its Cache-Control. */
	private static void publish(String json) {
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withHeader("Cache-Control", (String) VECTORS.get("cache_control"))
			.withBody(json)));
	}

	private static Map<String, Object> jwks() {
		try {
			return JSONObjectUtils.getJSONObject(VECTORS, "jwks");
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> publishedKey() {
		try {
			return JSONObjectUtils.getJSONObjectArray(jwks(), "keys")[0];
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Map<String, Object>> tokens() {
		try {
			return List.of(JSONObjectUtils.getJSONObjectArray(VECTORS, "tokens"));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String token(String name) {
		return tokens().stream()
			.filter((vector) -> name.equals(name(vector)))
			.map(ZuploFormatVectorsTests::token)
			.findFirst()
			.orElseThrow();
	}

	private static String token(Map<String, Object> vector) {
		return (String) vector.get("token");
	}

	private static String name(Map<String, Object> vector) {
		return (String) vector.get("name");
	}

	private static Map<String, Object> vectors() {
		try (InputStream in = ZuploFormatVectorsTests.class.getResourceAsStream("/zuplo-format/vectors.json")) {
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
