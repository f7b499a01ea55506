package io.github.zuplojwt.adversarial;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.decoder.VerificationPolicy;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.internal.jwks.KeyFetchBulkhead;
import io.github.zuplojwt.internal.jwks.KeySearch;
import io.github.zuplojwt.internal.jwks.SigningKeySelector;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.Wycheproof;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.jwt.BadJwtException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs every Project Wycheproof JWS vector through the real decoder, with the vector
 * group's key published in a JWKS on a real HTTP port.
 * <p>
 * No vector is a Zuplo token (their payloads carry no claims), so the decoder must reject
 * every one of them, always with a plain rejection. To prove that rejection is for the
 * right reason, each vector also goes through the decoder's own key selection and
 * signature verifiers: a signature verifies there exactly when the vector is valid and its
 * algorithm is allowed, and the decoder then rejects it for its claims, not its signature.
 * The tokens of the Wycheproof JWE file (encrypted, or HMAC-signed) are all rejected too.
 */
class WycheproofJwsTests {

	/** The allow-list the Wycheproof notes assume: EdDSA, RS256, ES256 and PS256. */
	private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256,
			JWSAlgorithm.ES256, JWSAlgorithm.PS256);

	/**
	 * Vectors whose upstream label is wrong, with the right one: 367 and 370 are
	 * byte-identical to the valid 357 (upstream issue #236); 372 and 373 contain '?' inside
	 * base64url. All four are HS256, so they are rejected whatever the label.
	 */
	private static final Map<Integer, Boolean> CORRECTED_LABELS = Map.of(367, true, 370, true, 372, false, 373,
			false);

	/** Serves each vector group's key set under a path of its own. */
	@TestGateway
	static Gateway gateway;

	private static final TestKey filler = TestKey.ed25519("filler");

	private static final VerificationKeys verificationKeys = new VerificationKeys(new BouncyCastleEd25519Backend());

	private static final Map<Integer, Group> groups = new ConcurrentHashMap<>();

	@AfterAll
	static void closeDecoders() throws Exception {
		for (Group group : groups.values()) {
			group.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void vectorIsNeverAcceptedAndItsSignatureVerifiesExactlyWhenValid(String name, int group, String jws,
			boolean signatureShouldVerify) throws Exception {
		Group keys = group(group);

		Throwable rejection = catchThrowable(() -> keys.decoder.decode(jws));
		boolean verified = keys.signatureVerifies(jws);

		assertThat(rejection).as("rejection of %s", name)
			.isInstanceOf(BadJwtException.class)
			.isNotInstanceOf(SigningKeysUnavailableException.class);
		assertThat(rejection.getMessage()).isNotBlank().doesNotContain("Exception");
		for (String part : jws.split("\\.")) {
			if (part.length() >= 8) {
				assertThat(rejection.getMessage()).as("rejection of %s echoes the token", name).doesNotContain(part);
			}
		}
		assertThat(verified).as("signature of %s verifies", name).isEqualTo(signatureShouldVerify);
		JWSAlgorithm algorithm = algorithmOf(jws);
		if (algorithm != null && !ALLOWED.contains(algorithm)) {
			assertThat(rejection.getMessage()).as(name).containsAnyOf("algorithm", "not strict base64url");
		}
		if (signatureShouldVerify) {
			assertThat(rejection.getMessage()).as(name)
				.contains("claims")
				.doesNotContain("signature")
				.doesNotContain("algorithm")
				.doesNotContain("kid");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cryptoVectors")
	void encryptedAndSymmetricVectorIsRejected(String name, String token) {
		Throwable rejection = catchThrowable(() -> group(0).decoder.decode(token));

		assertThat(rejection).as("rejection of %s", name)
			.isInstanceOf(BadJwtException.class)
			.isNotInstanceOf(SigningKeysUnavailableException.class);
		if (token.chars().filter((c) -> c == '.').count() == 4 && !token.startsWith(".")) {
			assertThat(rejection.getMessage()).as(name).contains("encrypted");
		}
	}

	static Stream<Arguments> cryptoVectors() {
		List<Arguments> vectors = new ArrayList<>();
		for (Map<String, Object> group : Wycheproof.groups("json_web_crypto_test.json")) {
			for (Map<String, Object> test : Wycheproof.objects(group.get("tests"))) {
				Object token = (test.get("jwe") != null) ? test.get("jwe") : test.get("jws");
				String serialized = (token instanceof String compact) ? compact
						: JSONObjectUtils.toJSONString(Wycheproof.object(token));
				vectors.add(Arguments.of("tcId " + test.get("tcId") + " " + test.get("result") + " "
						+ test.get("comment"), serialized));
			}
		}
		return vectors.stream();
	}

	@Test
	void everyVectorOfTheFileIsRunAndSomeOfThemVerify() {
		List<Arguments> vectors = vectors().toList();

		assertThat(vectors).hasSize(401);
		assertThat(vectors.stream().filter((vector) -> (boolean) vector.get()[3])).hasSize(16);
		assertThat(cryptoVectors()).hasSize(83);
	}

	static Stream<Arguments> vectors() {
		List<Arguments> vectors = new ArrayList<>();
		List<Map<String, Object>> groups = Wycheproof.groups("json_web_signature_test.json");
		for (int index = 0; index < groups.size(); index++) {
			for (Map<String, Object> test : Wycheproof.objects(groups.get(index).get("tests"))) {
				int tcId = ((Number) test.get("tcId")).intValue();
				String jws = (test.get("jws") instanceof String compact) ? compact
						: JSONObjectUtils.toJSONString(Wycheproof.object(test.get("jws")));
				boolean valid = CORRECTED_LABELS.getOrDefault(tcId, "valid".equals(test.get("result")));
				JWSAlgorithm algorithm = algorithmOf(jws);
				boolean shouldVerify = valid && algorithm != null && ALLOWED.contains(algorithm);
				String name = "tcId " + tcId + " " + test.get("result") + " " + test.get("comment") + " ("
						+ ((algorithm != null) ? algorithm : "unparseable") + ")";
				vectors.add(Arguments.of(name, index, jws, shouldVerify));
			}
		}
		return vectors.stream();
	}

	private static JWSAlgorithm algorithmOf(String jws) {
		try {
			return JWSObject.parse(jws).getHeader().getAlgorithm();
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static Group group(int index) {
		return groups.computeIfAbsent(index, (key) -> new Group(index,
				Wycheproof.groups("json_web_signature_test.json").get(index)));
	}

	/**
	 * One vector group: its key set published under its own issuer path, a decoder that
	 * trusts that issuer, and the decoder's key selection and verifiers on their own.
	 */
	private static final class Group {

		private final VerifyingJwtDecoder decoder;

		private final SigningKeySelector keySelector;

		Group(int index, Map<String, Object> group) {
			String path = "/wycheproof/group-" + index;
			List<JWK> keys = new ArrayList<>();
			keys.add(parse(group.get((group.get("public") != null) ? "public" : "private")));
			keys.add(filler.publicJwk());
			gateway.stubFor(get(urlPathEqualTo(path + "/.well-known/jwks.json")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json")
				.withBody(new JWKSet(keys).toString(false))));
			JwksSettings settings = new JwksSettings(URI.create(gateway.baseUrl() + path + "/.well-known/jwks.json"),
					Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2),
					Duration.ofHours(1), 64 * 1024);
			VerificationPolicy policy = new VerificationPolicy(ALLOWED, Duration.ofSeconds(60), 8192,
					Clock.systemUTC());
			this.decoder = VerifyingJwtDecoder.create(
					List.of(new TrustedIssuer(gateway.baseUrl() + path, settings, Set.of(), Map.of())), policy,
					verificationKeys, null);
			this.keySelector = SigningKeySelector.create(gateway.baseUrl() + path, settings, verificationKeys,
					ObservationRegistry.NOOP, Clock.systemUTC(), new KeyFetchBulkhead(20));
		}

		private static JWK parse(Object json) {
			try {
				return JWK.parse(Wycheproof.object(json));
			}
			catch (ParseException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Whether one of the keys the decoder would select verifies the signature with
		 * the decoder's verifiers. Any exception but a rejection fails the test.
		 */
		boolean signatureVerifies(String jws) throws Exception {
			JWSObject object;
			try {
				object = JWSObject.parse(jws);
			}
			catch (ParseException ex) {
				return false;
			}
			if (!ALLOWED.contains(object.getHeader().getAlgorithm())) {
				return false;
			}
			JWSObject parsed = object;
			KeySearch search = this.keySelector.find(object.getHeader(),
					(key) -> key.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature()), true);
			return search.outcome() == KeySearch.Outcome.VERIFIED;
		}

		void close() throws Exception {
			this.decoder.destroy();
			this.keySelector.close();
		}

	}

}
