package io.github.zuplojwt.adversarial;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.adversarial.Forgery.base64;
import static io.github.zuplojwt.adversarial.Forgery.claims;
import static io.github.zuplojwt.adversarial.Forgery.json;
import static io.github.zuplojwt.adversarial.Forgery.signed;
import static io.github.zuplojwt.adversarial.Forgery.withSignature;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known attacks on JWT verifiers, each sent over real HTTP to a service protected by the
 * starter: every one is answered 401 with a problem+json reason, never 200 and never 5xx.
 * Tokens are really signed wherever the attack allows, so that a missing check would let
 * them through.
 */
@SpringBootTest(classes = ProtectedService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AttackCatalogueTests.AUDIENCE, "zuplo.algorithms=EdDSA,RS256,ES256",
				"zuplo.max-token-size=4KB", "zuplo.jwks.refresh-cooldown=0s" })
abstract class AttackCatalogueTests {

	static final String AUDIENCE = "https://api.example.com";

	/** Order of the P-256 group. */
	private static final BigInteger P256_ORDER = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	@RegisterExtension
	static final JwksServer attacker = JwksServer.create();

	static final TestKey ed25519 = TestKey.ed25519("ed-1");

	static final TestKey rsa = TestKey.rsa("rsa-1");

	static final TestKey ec = TestKey.ec("ec-1");

	static final TestKey mallory = TestKey.ed25519("mallory-1");

	@LocalServerPort
	int port;

	HttpCalls http;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	static final TestKey weakRsa = TestKey.rsa("rsa-1024", 1024, JWSAlgorithm.RS256);

	static final TestKey leaked = TestKey.rsa("leaked-1");

	private static final String P384_KID = "ec-384";

	/** A P-384 key without an "alg", which must serve ES384 only. */
	private static ECKey p384() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		return new ECKey.Builder(Curve.P_384, (ECPublicKey) generator.generateKeyPair().getPublic()).keyID(P384_KID)
			.keyUse(KeyUse.SIGNATURE)
			.build();
	}

	@BeforeAll
	static void publishKeys() throws GeneralSecurityException {
		RSAKey leakedWithPrivatePart = new RSAKey.Builder(leaked.publicJwk().toRSAKey())
			.privateKey(((RSASSASigner) leaked.signer()).getPrivateKey())
			.build();
		gateway.publishJson(new JWKSet(List.of(ed25519.publicJwk(), rsa.publicJwk(), ec.publicJwk(),
				weakRsa.publicJwk(), leakedWithPrivatePart, p384())).toString(false));
		attacker.publish(mallory);
	}

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	private String header(String alg, String kid) {
		return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
	}

	/** The header the Upstream Zuplo JWT policy signs: the algorithm alone, no kid, no typ. */
	private static String gatewayHeader(String alg) {
		return "{\"alg\":\"" + alg + "\"}";
	}

	private String validClaims() {
		return json(claims(gateway.issuer(), AUDIENCE));
	}

	private HttpResponse<String> send(String token) {
		HttpResponse<String> response = this.http.getWithToken("/protected", token);
		assertThat(response.statusCode()).as("status of %s", response.body()).isNotEqualTo(200).isLessThan(500);
		return response;
	}

	@Test
	void genuineTokensOfEveryPublishedKeyAreAccepted() {
		for (TestKey key : List.of(ed25519, rsa, ec)) {
			String token = signed(key, header(key.algorithm().getName(), key.kid()), validClaims());

			assertThat(this.http.getWithToken("/protected", token).statusCode()).as(key.kid()).isEqualTo(200);
		}
	}

	@ParameterizedTest(name = "alg \"{0}\", signature \"{1}\"")
	@MethodSource("algNone")
	void unsignedTokenIsRejectedWhateverTheCasingOfNone(String alg, String signature) {
		String token = withSignature("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}", validClaims(),
				signature);

		assertInvalidToken(send(token), "algorithm");
	}

	static Stream<Arguments> algNone() {
		String edSignature = Forgery.signature(ed25519, JWSAlgorithm.EdDSA, "x.y");
		return Stream.of("none", "None", "NONE", "nOnE")
			.flatMap((alg) -> Stream.of(Arguments.of(alg, ""), Arguments.of(alg, edSignature)));
	}

	@Test
	void hmacSignedWithThePublishedRsaKeyIsRejected() throws JOSEException {
		byte[] publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey().getEncoded();
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(hmac(publicKey, rsa.kid())), "algorithm HS256 is not allowed");
		assertInvalidToken(send(hmac(rsa.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8), rsa.kid())),
				"algorithm HS256 is not allowed");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@Test
	void hmacSignedWithThePublishedEd25519KeyIsRejected() {
		byte[] x = ed25519.publicJwk().toOctetKeyPair().getDecodedX();

		assertInvalidToken(send(hmac(x, ed25519.kid())), "algorithm HS256 is not allowed");
	}

	private String hmac(byte[] secret, String kid) {
		return hmac(header("HS256", kid), secret);
	}

	private String hmac(String headerJson, byte[] secret) {
		try {
			String signingInput = base64(headerJson) + "." + base64(validClaims());
			Base64URL mac = new MACSigner(secret).sign(new JWSHeader(JWSAlgorithm.HS256),
					signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + mac;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void embeddedJwkHeaderIsNeverTrusted() {
		String jwk = mallory.publicJwk().toJSONString();

		assertInvalidToken(send(signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"mallory-1\",\"jwk\":" + jwk + "}", validClaims())),
				"jwk");
		assertInvalidToken(send(signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"jwk\":" + jwk + "}", validClaims())), "jwk");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jku", "x5u", "x5c" })
	void keyLocationHeadersAreNeverFollowed(String parameter) {
		String value = switch (parameter) {
			case "jku" -> "\"" + attacker.jwksUri() + "\"";
			case "x5u" -> "\"" + attacker.baseUrl() + "/cert.pem\"";
			default -> "[\"" + Base64.getEncoder().encodeToString(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })
					+ "\"]";
		};
		int gatewayFetches = gateway.fetchCount();

		assertInvalidToken(send(signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"mallory-1\",\"" + parameter + "\":" + value + "}",
				validClaims())), parameter);
		assertThat(attacker.getAllServeEvents()).isEmpty();
		assertThat(gateway.fetchCount()).isEqualTo(gatewayFetches);
	}

	@ParameterizedTest(name = "kid {0}")
	@MethodSource("injectedKids")
	void injectedKeyIdsMatchNoKeyAndReachNoOtherUrl(String description, String kidJson) {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":" + kidJson + "}", validClaims());

		HttpResponse<String> response = send(token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(gateway.getAllServeEvents())
			.allSatisfy((event) -> assertThat(event.getRequest().getUrl()).isEqualTo(JwksServer.JWKS_PATH));
		assertThat(response.body()).doesNotContain("etc/passwd").doesNotContain("AAAAAAAAAA");
	}

	static Stream<Arguments> injectedKids() {
		return Stream.of(Arguments.of("path traversal", "\"../../../../etc/passwd\""),
				Arguments.of("url", "\"" + JwksServer.ISSUER_PATH + "/../../admin\""),
				Arguments.of("sql", "\"ed-1' OR '1'='1\""), Arguments.of("very long", "\"" + "A".repeat(2000) + "\""),
				Arguments.of("control characters", "\"ed-1\\r\\nX-Injected: yes\""), Arguments.of("number", "1"),
				Arguments.of("object", "{\"kid\":\"ed-1\"}"), Arguments.of("array", "[\"ed-1\"]"),
				Arguments.of("null", "null"), Arguments.of("empty", "\"\""));
	}

	@Test
	void pathTraversalKidNamesTheKidAsTheReason() {
		String token = signed(ed25519, header("EdDSA", "../../../../etc/passwd"), validClaims());

		assertInvalidToken(send(token), "kid");
	}

	@Test
	void nonStringKidIsMalformed() {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":42}", validClaims());

		assertInvalidToken(send(token), "malformed");
	}

	@Test
	void nullKidIsMalformedNotATokenWithoutAKid() {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"kid\":null}", validClaims());

		assertInvalidToken(send(token), "malformed");
	}

	@Test
	void genuineTokensWithoutAKidOfEveryPublishedKeyAreAccepted() {
		for (TestKey key : List.of(ed25519, rsa, ec)) {
			String token = signed(key, gatewayHeader(key.algorithm().getName()), validClaims());

			assertThat(this.http.getWithToken("/protected", token).statusCode()).as(key.kid()).isEqualTo(200);
		}
	}

	@Test
	void tokenWithoutAKidSignedByAnUnpublishedKeyIsRejectedForItsSignature() {
		assertInvalidToken(send(signed(mallory, gatewayHeader("EdDSA"), validClaims())), "signature");
	}

	@Test
	void tokenWithoutAKidSignedByTheOnlyKeyOfItsTypeThatIsUnusableIsRejected() {
		assertInvalidToken(send(signed(weakRsa, gatewayHeader("RS256"), validClaims())), "signature");
		assertInvalidToken(send(signed(leaked, gatewayHeader("RS256"), validClaims())), "signature");
	}

	@ParameterizedTest(name = "signed {0}, header says {1}")
	@MethodSource("switchedAlgorithms")
	void tokenWithoutAKidWhoseAlgorithmWasSwitchedIsRejected(String signedWith, String claimed) {
		TestKey signer = switch (signedWith) {
			case "EdDSA" -> ed25519;
			case "RS256" -> rsa;
			default -> ec;
		};

		assertInvalidToken(send(signed(signer, gatewayHeader(claimed), validClaims())), "signature");
	}

	static Stream<Arguments> switchedAlgorithms() {
		return Stream.of(Arguments.of("EdDSA", "RS256"), Arguments.of("EdDSA", "ES256"), Arguments.of("RS256", "EdDSA"),
				Arguments.of("RS256", "ES256"), Arguments.of("ES256", "EdDSA"), Arguments.of("ES256", "RS256"));
	}

	@ParameterizedTest(name = "alg \"{0}\", signature \"{1}\"")
	@MethodSource("algNone")
	void unsignedTokenWithoutAKidIsRejected(String alg, String signature) {
		assertInvalidToken(send(withSignature("{\"alg\":\"" + alg + "\"}", validClaims(), signature)), "algorithm");
	}

	@Test
	void hmacWithoutAKidSignedWithThePublishedKeyIsRejected() throws JOSEException {
		byte[] publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey().getEncoded();

		assertInvalidToken(send(hmac(gatewayHeader("HS256"), publicKey)), "algorithm HS256 is not allowed");
	}

	@Test
	void embeddedJwkWithoutAKidIsNeverTrusted() {
		String header = "{\"alg\":\"EdDSA\",\"jwk\":" + mallory.publicJwk().toJSONString() + "}";

		assertInvalidToken(send(signed(mallory, header, validClaims())), "jwk");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jku", "x5u" })
	void keyLocationHeadersWithoutAKidAreNeverFollowed(String parameter) {
		String location = "jku".equals(parameter) ? attacker.jwksUri() : attacker.baseUrl() + "/cert.pem";
		int gatewayFetches = gateway.fetchCount();

		assertInvalidToken(send(signed(mallory, "{\"alg\":\"EdDSA\",\"" + parameter + "\":\"" + location + "\"}",
				validClaims())), parameter);
		assertThat(attacker.getAllServeEvents()).isEmpty();
		assertThat(gateway.fetchCount()).isEqualTo(gatewayFetches);
	}

	@Test
	void ecdsaPsychicSignatureWithZeroRAndSIsRejected() {
		String token = withSignature(header("ES256", ec.kid()), validClaims(), Base64URL.encode(new byte[64])
			.toString());

		assertInvalidToken(send(token), "signature");
	}

	@Test
	void ecdsaSignatureWithRAndSEqualToTheGroupOrderIsRejected() {
		byte[] n = unsigned(P256_ORDER);
		byte[] signature = new byte[64];
		System.arraycopy(n, 0, signature, 0, 32);
		System.arraycopy(n, 0, signature, 32, 32);

		assertInvalidToken(send(withSignature(header("ES256", ec.kid()), validClaims(),
				Base64URL.encode(signature).toString())), "signature");
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length == 33) ? Arrays.copyOfRange(bytes, 1, 33) : bytes;
	}

	@Test
	void emptySignatureIsRejected() {
		String token = signed(ed25519, header("EdDSA", ed25519.kid()), validClaims());

		assertInvalidToken(send(token.substring(0, token.lastIndexOf('.') + 1)), "signature");
	}

	@Test
	void strippedSignatureIsRejected() {
		String token = signed(ed25519, header("EdDSA", ed25519.kid()), validClaims());

		assertInvalidToken(send(token.substring(0, token.lastIndexOf('.'))), "malformed");
	}

	@Test
	void signatureOfAnotherTokenIsRejected() {
		String token = signed(ed25519, header("EdDSA", ed25519.kid()), validClaims());
		String other = signed(ed25519, header("EdDSA", ed25519.kid()),
				json(claims(gateway.issuer(), "https://other.example.com")));

		String spliced = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

		assertInvalidToken(send(spliced), "signature");
	}

	@Test
	void encryptedTokenIsRejectedWhereASignedOneIsExpected() throws JOSEException {
		RSAPublicKey publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey();
		EncryptedJWT jwe = new EncryptedJWT(
				new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM).keyID(rsa.kid()).build(),
				new JWTClaimsSet.Builder().issuer(gateway.issuer()).audience(AUDIENCE).build());
		jwe.encrypt(new RSAEncrypter(publicKey));

		assertInvalidToken(send(jwe.serialize()), "encrypted");
	}

	@Test
	void unknownCriticalHeaderIsRejected() {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\","
				+ "\"crit\":[\"https://example.com/must-understand\"],\"https://example.com/must-understand\":true}",
				validClaims());

		assertInvalidToken(send(token), "crit");
	}

	@Test
	void unencodedPayloadIsRejected() {
		String headerJson = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"b64\":false}";
		String payload = validClaims();
		String signingInputText = base64(headerJson) + "." + payload;
		String token = base64(headerJson) + "." + base64(payload) + "."
				+ Forgery.signature(ed25519, JWSAlgorithm.EdDSA, signingInputText);

		assertInvalidToken(send(token), "b64");
		assertInvalidToken(send(signed(ed25519, headerJson, payload)), "b64");
	}

	@Test
	void unencodedPayloadDeclaredCriticalIsRejected() {
		String headerJson = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"b64\":false,\"crit\":[\"b64\"]}";

		assertInvalidToken(send(signed(ed25519, headerJson, validClaims())), "crit");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
			"{\"alg\":\"none\",\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
			"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"kid\":\"rsa-1\"}",
			"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}" })
	void duplicateHeaderMembersAreMalformed(String headerJson) {
		assertInvalidToken(send(signed(ed25519, headerJson, validClaims())), "malformed");
	}

	@Test
	void duplicateClaimsAreMalformed() {
		String payload = validClaims().replaceFirst("\\{", "{\"iss\":\"https://evil.example\",");

		assertInvalidToken(send(signed(ed25519, header("EdDSA", ed25519.kid()), payload)), "malformed");
	}

	@ParameterizedTest(name = "{0} key with alg {1}")
	@MethodSource("keyTypeMismatches")
	void keyOfOneTypeIsNotUsedWithAnotherAlgorithm(String keyName, String alg, TestKey signer) {
		String publishedKid = switch (keyName) {
			case "Ed25519" -> ed25519.kid();
			case "RSA" -> rsa.kid();
			case "P-384" -> P384_KID;
			default -> ec.kid();
		};

		assertInvalidToken(send(signed(signer, header(alg, publishedKid), validClaims())), "kid");
	}

	static Stream<Arguments> keyTypeMismatches() {
		return Stream.of(Arguments.of("Ed25519", "RS256", rsa), Arguments.of("Ed25519", "ES256", ec),
				Arguments.of("RSA", "EdDSA", ed25519), Arguments.of("RSA", "ES256", ec),
				Arguments.of("EC", "EdDSA", ed25519), Arguments.of("EC", "RS256", rsa),
				Arguments.of("P-384", "ES256", ec));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "RS384", "RS512", "PS256", "PS384", "PS512", "HS256", "HS512", "ES256K", "Ed448",
			"ES384" })
	void validlySignedTokenInAnAlgorithmOutsideTheAllowListIsRejected(String alg) throws JOSEException {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
		String signingInput = base64(header(alg, rsa.kid())) + "." + base64(validClaims());
		String signature = JWSAlgorithm.Family.RSA.contains(algorithm)
				? Forgery.signature(rsa, algorithm, signingInput)
				: Forgery.signature(ed25519, JWSAlgorithm.EdDSA, signingInput);

		assertInvalidToken(send(signingInput + "." + signature), "algorithm " + alg + " is not allowed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nonCanonicalEncodings")
	void tokenThatIsNotStrictBase64urlIsRejected(String description, String token) {
		assertInvalidToken(send(token), "malformed");
	}

	static Stream<Arguments> nonCanonicalEncodings() {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
				json(claims(gateway.issuer(), AUDIENCE)));
		String[] parts = token.split("\\.");
		String signature = parts[2];
		char last = signature.charAt(signature.length() - 1);
		String flippedUnusedBits = signature.substring(0, signature.length() - 1)
				+ base64Char(base64Index(last) | 1);
		return Stream.of(
				Arguments.of("unused bits set in the signature",
						parts[0] + "." + parts[1] + "." + flippedUnusedBits),
				Arguments.of("padding", parts[0] + "." + parts[1] + "." + signature + "=="),
				Arguments.of("standard base64 alphabet",
						parts[0] + "." + parts[1] + "." + signature.replace('-', '+').replace('_', '/') + "+/"),
				Arguments.of("padding in the header", parts[0] + "==." + parts[1] + "." + signature),
				Arguments.of("four parts", token + ".e30"), Arguments.of("two dots only", parts[0] + "..." + parts[2]),
				Arguments.of("tilde", parts[0] + "." + parts[1] + "~." + signature),
				Arguments.of("unused bits set in a payload of 4n+2 characters", resignedPayload(2, "set bit")),
				Arguments.of("unused bits set in a payload of 4n+3 characters", resignedPayload(3, "set bit")),
				Arguments.of("a lone trailing character in the payload", resignedPayload(0, "append")));
	}

	/**
	 * A token whose payload is re-spelled without changing its bytes, and signed as
	 * re-spelled, so that only the encoding check can refuse it.
	 */
	private static String resignedPayload(int remainder, String change) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		StringBuilder padding = new StringBuilder();
		while (base64(json(claims)).length() % 4 != remainder) {
			padding.append('x');
			claims.put("padding", padding.toString());
		}
		String payload = base64(json(claims));
		char last = payload.charAt(payload.length() - 1);
		String respelled = change.equals("append") ? payload + "A"
				: payload.substring(0, payload.length() - 1) + base64Char(base64Index(last) | 1);
		String signingInput = base64("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}") + "."
				+ respelled;
		return signingInput + "." + Forgery.signature(ed25519, JWSAlgorithm.EdDSA, signingInput);
	}

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static int base64Index(char c) {
		return ALPHABET.indexOf(c);
	}

	private static char base64Char(int index) {
		return ALPHABET.charAt(index);
	}

	@Test
	void expiryAsAStringIsRejected() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("exp", String.valueOf(claims.get("exp")));

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "exp is not a valid time");
	}

	@ParameterizedTest(name = "exp {0}")
	@ValueSource(strings = { "9223372036854775807", "9223372036854775808", "1e300", "253402300800000" })
	void absurdlyLargeExpiryIsRejected(String exp) {
		String payload = validClaims().replaceAll("\"exp\":\\d+", "\"exp\":" + exp);

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), payload)), "exp is not a valid time");
	}

	@ParameterizedTest(name = "exp {0}")
	@ValueSource(strings = { "-1", "1.5e-300", "true", "{}", "[1]", "18446744073709551616000" })
	void expiryOfTheWrongTypeOrRangeIsRejected(String exp) {
		String payload = validClaims().replaceAll("\"exp\":\\d+", "\"exp\":" + exp);

		HttpResponse<String> response = send(signed(ed25519, header("EdDSA", "ed-1"), payload));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void missingExpiryIsRejected() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("exp");

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "exp");
	}

	@ParameterizedTest(name = "suffix [{0}]")
	@ValueSource(strings = { "/", "//", "?", "#", " ", "/." })
	void issuerDifferingOnlyByATrailingCharacterIsAnotherIssuerAndCausesNoFetch(String suffix) {
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "unknown-kid"),
				json(claims(gateway.issuer() + suffix, AUDIENCE)))), "issuer");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@Test
	void issuerOfTheWrongTypeIsRejected() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("iss", List.of(gateway.issuer()));

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "claims");
	}

	@Test
	void audienceIsCheckedAsAStringAndAsAnArray() {
		assertThat(this.http.getWithToken("/protected", withAudience(AUDIENCE)).statusCode()).isEqualTo(200);
		assertThat(this.http.getWithToken("/protected", withAudience(List.of("https://x.example", AUDIENCE)))
			.statusCode()).isEqualTo(200);
		assertInvalidToken(send(withAudience("https://other.example.com")), "audience");
		assertInvalidToken(send(withAudience(AUDIENCE + "/")), "audience");
		assertInvalidToken(send(withAudience(List.of("https://other.example.com", "https://x.example"))),
				"audience");
		assertInvalidToken(send(withAudience(List.of())), "audience");
	}

	@Test
	void audienceOfTheWrongTypeIsRejected() {
		assertInvalidToken(send(withAudience(Map.of("aud", AUDIENCE))), "claims");
		assertInvalidToken(send(withAudience(42)), "claims");
	}

	private String withAudience(Object audience) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("aud", audience);
		return signed(ed25519, header("EdDSA", "ed-1"), json(claims));
	}

	@Test
	void oversizedTokenIsRejectedBeforeItIsParsed() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("padding", "p".repeat(4096));
		String genuine = signed(ed25519, header("EdDSA", "ed-1"), json(claims));

		assertInvalidToken(send(genuine), "larger than the 4096 bytes allowed");
	}

	@Test
	void oversizedTokenCausesNoKeyLookup() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("padding", "p".repeat(4096));
		String unknownKid = signed(mallory, header("EdDSA", "never-published"), json(claims));
		String garbage = "x".repeat(5000);
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(unknownKid), "larger than");
		assertInvalidToken(send(garbage), "larger than");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@Test
	void unknownKidFetchesTheKeySetAgainWhenTheCooldownAllows() {
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(signed(mallory, header("EdDSA", "never-published"), validClaims())), "kid");
		assertThat(gateway.fetchCount()).isGreaterThan(fetchesBefore);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "rsa-1024", "leaked-1" })
	void keysUnfitToVerifyAreNeverUsed(String kid) {
		TestKey key = kid.equals(weakRsa.kid()) ? weakRsa : leaked;

		assertInvalidToken(send(signed(key, header("RS256", kid), validClaims())), "kid");
	}

	@ParameterizedTest(name = "typ {0}")
	@ValueSource(strings = { "JWT", "jwt", "application/jwt", "APPLICATION/JWT" })
	void jwtMediaTypesAreAccepted(String type) {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"" + type + "\",\"kid\":\"ed-1\"}",
				validClaims());

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithoutTypeIsAccepted() {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}", validClaims());

		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest(name = "typ {0}")
	@ValueSource(strings = { "at+jwt", "JOSE", "JWE", "application/json", "secevent+jwt", "" })
	void otherTokenTypesAreRejected(String type) {
		String token = signed(ed25519, "{\"alg\":\"EdDSA\",\"typ\":\"" + type + "\",\"kid\":\"ed-1\"}",
				validClaims());

		assertInvalidToken(send(token), "typ");
	}

	@Test
	void missingIssuerIsRejected() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("iss");

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "has no issuer");
	}

	@Test
	void missingAudienceIsRejected() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("aud");

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "has no audience");
		assertInvalidToken(send(withAudience(List.of())), "has no audience");
	}

	@Test
	void payloadThatIsNotAClaimsObjectIsRejected() {
		for (String payload : List.of("\"iss\"", "null", "{", "", "42")) {
			assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), payload)), "claims");
		}
		// The JSON parser reads an empty array as an empty object: still no issuer.
		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), "[]")), "has no issuer");
	}

	@Test
	void unexpectedErrorWhileJudgingATokenIsARejectionNotA500() {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("sub", ProtectedService.CRASHING_SUBJECT);

		assertInvalidToken(send(signed(ed25519, header("EdDSA", "ed-1"), json(claims))), "could not be verified");
	}

}
