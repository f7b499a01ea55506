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
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.Arguments;

import static io.github.zuplojwt.adversarial.Forgery.base64;
import static io.github.zuplojwt.adversarial.Forgery.claims;
import static io.github.zuplojwt.adversarial.Forgery.json;
import static io.github.zuplojwt.adversarial.Forgery.signed;
import static io.github.zuplojwt.adversarial.Forgery.withSignature;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known attacks on JWT verifiers, each sent over real HTTP to a service protected by the
 * starter, on both stacks: every one is answered 401 with a problem+json reason, never 200
 * and never 5xx. Tokens are really signed wherever the attack allows, so that a missing
 * check would let them through.
 */
@BothStacks(classes = ProtectedService.class, properties = { "zuplo.algorithms=EdDSA,RS256,ES256",
		"zuplo.max-token-size=4KB", "zuplo.jwks.refresh-cooldown=0s" })
class AttackCatalogueTests {

	static final String AUDIENCE = "https://api.example.com";

	/** Order of the P-256 group. */
	private static final BigInteger P256_ORDER = new BigInteger(
			"FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

	/** The trusted gateway; its own Ed25519 key {@code ed-1} is one of those it publishes. */
	@TestGateway(audience = AUDIENCE)
	static Gateway gateway;

	@TestGateway(trustedAs = "")
	static Gateway attacker;

	static final TestKey rsa = TestKey.rsa("rsa-1");

	static final TestKey ec = TestKey.ec("ec-1");

	static final TestKey mallory = TestKey.ed25519("mallory-1");

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
		gateway.publishJson(new JWKSet(List.of(gateway.key().publicJwk(), rsa.publicJwk(), ec.publicJwk(),
				weakRsa.publicJwk(), leakedWithPrivatePart, p384())).toString(false));
		attacker.publish(mallory);
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

	private static HttpResponse<String> send(Stack stack, String token) {
		HttpResponse<String> response = stack.http().getWithToken("/protected", token);
		assertThat(response.statusCode()).as("status of %s", response.body()).isNotEqualTo(200).isLessThan(500);
		return response;
	}

	@StackTest
	void genuineTokensOfEveryPublishedKeyAreAccepted(Stack stack) {
		for (TestKey key : List.of(gateway.key(), rsa, ec)) {
			String token = signed(key, header(key.algorithm().getName(), key.kid()), validClaims());

			assertThat(stack.http().getWithToken("/protected", token).statusCode()).as(key.kid()).isEqualTo(200);
		}
	}

	@StackTest(cases = "algNone")
	void unsignedTokenIsRejectedWhateverTheCasingOfNone(Stack stack, String alg, String signature) {
		String token = withSignature("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}", validClaims(),
				signature);

		assertInvalidToken(send(stack, token), "algorithm");
	}

	static Stream<Arguments> algNone() {
		String edSignature = Forgery.signature(gateway.key(), JWSAlgorithm.EdDSA, "x.y");
		return Stream.of("none", "None", "NONE", "nOnE")
			.flatMap((alg) -> Stream.of(Arguments.of(alg, ""), Arguments.of(alg, edSignature)));
	}

	@StackTest
	void hmacSignedWithThePublishedRsaKeyIsRejected(Stack stack) throws JOSEException {
		byte[] publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey().getEncoded();
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(stack, hmac(publicKey, rsa.kid())), "algorithm HS256 is not allowed");
		assertInvalidToken(
				send(stack, hmac(rsa.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8), rsa.kid())),
				"algorithm HS256 is not allowed");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@StackTest
	void hmacSignedWithThePublishedEd25519KeyIsRejected(Stack stack) {
		byte[] x = gateway.key().publicJwk().toOctetKeyPair().getDecodedX();

		assertInvalidToken(send(stack, hmac(x, gateway.key().kid())), "algorithm HS256 is not allowed");
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

	@StackTest
	void embeddedJwkHeaderIsNeverTrusted(Stack stack) {
		String jwk = mallory.publicJwk().toJSONString();

		assertInvalidToken(send(stack, signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"mallory-1\",\"jwk\":" + jwk + "}", validClaims())),
				"jwk");
		assertInvalidToken(send(stack, signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"jwk\":" + jwk + "}", validClaims())), "jwk");
	}

	@StackTest(cases = "keyLocationHeaders")
	void keyLocationHeadersAreNeverFollowed(Stack stack, String parameter) {
		String value = switch (parameter) {
			case "jku" -> "\"" + attacker.jwksUri() + "\"";
			case "x5u" -> "\"" + attacker.baseUrl() + "/cert.pem\"";
			default -> "[\"" + Base64.getEncoder().encodeToString(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })
					+ "\"]";
		};
		int gatewayFetches = gateway.fetchCount();

		assertInvalidToken(send(stack, signed(mallory,
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"mallory-1\",\"" + parameter + "\":" + value + "}",
				validClaims())), parameter);
		assertThat(attacker.getAllServeEvents()).isEmpty();
		assertThat(gateway.fetchCount()).isEqualTo(gatewayFetches);
	}

	static Stream<String> keyLocationHeaders() {
		return Stream.of("jku", "x5u", "x5c");
	}

	@StackTest(cases = "injectedKids")
	void injectedKeyIdsMatchNoKeyAndReachNoOtherUrl(Stack stack, String description, String kidJson) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":" + kidJson + "}",
				validClaims());

		HttpResponse<String> response = send(stack, token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(gateway.getAllServeEvents())
			.allSatisfy((event) -> assertThat(event.getRequest().getUrl()).isEqualTo(Gateway.JWKS_PATH));
		assertThat(response.body()).doesNotContain("etc/passwd").doesNotContain("AAAAAAAAAA");
	}

	static Stream<Arguments> injectedKids() {
		return Stream.of(Arguments.of("path traversal", "\"../../../../etc/passwd\""),
				Arguments.of("url", "\"" + Gateway.ISSUER_PATH + "/../../admin\""),
				Arguments.of("sql", "\"ed-1' OR '1'='1\""), Arguments.of("very long", "\"" + "A".repeat(2000) + "\""),
				Arguments.of("control characters", "\"ed-1\\r\\nX-Injected: yes\""), Arguments.of("number", "1"),
				Arguments.of("object", "{\"kid\":\"ed-1\"}"), Arguments.of("array", "[\"ed-1\"]"),
				Arguments.of("null", "null"), Arguments.of("empty", "\"\""));
	}

	@StackTest
	void pathTraversalKidNamesTheKidAsTheReason(Stack stack) {
		String token = signed(gateway.key(), header("EdDSA", "../../../../etc/passwd"), validClaims());

		assertInvalidToken(send(stack, token), "kid");
	}

	@StackTest
	void nonStringKidIsMalformed(Stack stack) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":42}", validClaims());

		assertInvalidToken(send(stack, token), "malformed");
	}

	@StackTest
	void nullKidIsMalformedNotATokenWithoutAKid(Stack stack) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"kid\":null}", validClaims());

		assertInvalidToken(send(stack, token), "malformed");
	}

	@StackTest
	void genuineTokensWithoutAKidOfEveryPublishedKeyAreAccepted(Stack stack) {
		for (TestKey key : List.of(gateway.key(), rsa, ec)) {
			String token = signed(key, gatewayHeader(key.algorithm().getName()), validClaims());

			assertThat(stack.http().getWithToken("/protected", token).statusCode()).as(key.kid()).isEqualTo(200);
		}
	}

	@StackTest
	void tokenWithoutAKidSignedByAnUnpublishedKeyIsRejectedForItsSignature(Stack stack) {
		assertInvalidToken(send(stack, signed(mallory, gatewayHeader("EdDSA"), validClaims())), "signature");
	}

	@StackTest
	void tokenWithoutAKidSignedByTheOnlyKeyOfItsTypeThatIsUnusableIsRejected(Stack stack) {
		assertInvalidToken(send(stack, signed(weakRsa, gatewayHeader("RS256"), validClaims())), "signature");
		assertInvalidToken(send(stack, signed(leaked, gatewayHeader("RS256"), validClaims())), "signature");
	}

	@StackTest(cases = "switchedAlgorithms")
	void tokenWithoutAKidWhoseAlgorithmWasSwitchedIsRejected(Stack stack, String signedWith, String claimed) {
		TestKey signer = switch (signedWith) {
			case "EdDSA" -> gateway.key();
			case "RS256" -> rsa;
			default -> ec;
		};

		assertInvalidToken(send(stack, signed(signer, gatewayHeader(claimed), validClaims())), "signature");
	}

	static Stream<Arguments> switchedAlgorithms() {
		return Stream.of(Arguments.of("EdDSA", "RS256"), Arguments.of("EdDSA", "ES256"), Arguments.of("RS256", "EdDSA"),
				Arguments.of("RS256", "ES256"), Arguments.of("ES256", "EdDSA"), Arguments.of("ES256", "RS256"));
	}

	@StackTest(cases = "algNone")
	void unsignedTokenWithoutAKidIsRejected(Stack stack, String alg, String signature) {
		assertInvalidToken(send(stack, withSignature("{\"alg\":\"" + alg + "\"}", validClaims(), signature)),
				"algorithm");
	}

	@StackTest
	void hmacWithoutAKidSignedWithThePublishedKeyIsRejected(Stack stack) throws JOSEException {
		byte[] publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey().getEncoded();

		assertInvalidToken(send(stack, hmac(gatewayHeader("HS256"), publicKey)), "algorithm HS256 is not allowed");
	}

	@StackTest
	void embeddedJwkWithoutAKidIsNeverTrusted(Stack stack) {
		String header = "{\"alg\":\"EdDSA\",\"jwk\":" + mallory.publicJwk().toJSONString() + "}";

		assertInvalidToken(send(stack, signed(mallory, header, validClaims())), "jwk");
	}

	@StackTest(cases = "keyLocationHeadersWithoutAKid")
	void keyLocationHeadersWithoutAKidAreNeverFollowed(Stack stack, String parameter) {
		String location = "jku".equals(parameter) ? attacker.jwksUri() : attacker.baseUrl() + "/cert.pem";
		int gatewayFetches = gateway.fetchCount();

		assertInvalidToken(send(stack, signed(mallory, "{\"alg\":\"EdDSA\",\"" + parameter + "\":\"" + location + "\"}",
				validClaims())), parameter);
		assertThat(attacker.getAllServeEvents()).isEmpty();
		assertThat(gateway.fetchCount()).isEqualTo(gatewayFetches);
	}

	static Stream<String> keyLocationHeadersWithoutAKid() {
		return Stream.of("jku", "x5u");
	}

	@StackTest
	void ecdsaPsychicSignatureWithZeroRAndSIsRejected(Stack stack) {
		String token = withSignature(header("ES256", ec.kid()), validClaims(), Base64URL.encode(new byte[64])
			.toString());

		assertInvalidToken(send(stack, token), "signature");
	}

	@StackTest
	void ecdsaSignatureWithRAndSEqualToTheGroupOrderIsRejected(Stack stack) {
		byte[] n = unsigned(P256_ORDER);
		byte[] signature = new byte[64];
		System.arraycopy(n, 0, signature, 0, 32);
		System.arraycopy(n, 0, signature, 32, 32);

		assertInvalidToken(send(stack, withSignature(header("ES256", ec.kid()), validClaims(),
				Base64URL.encode(signature).toString())), "signature");
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length == 33) ? Arrays.copyOfRange(bytes, 1, 33) : bytes;
	}

	@StackTest
	void emptySignatureIsRejected(Stack stack) {
		String token = signed(gateway.key(), header("EdDSA", gateway.key().kid()), validClaims());

		assertInvalidToken(send(stack, token.substring(0, token.lastIndexOf('.') + 1)), "signature");
	}

	@StackTest
	void strippedSignatureIsRejected(Stack stack) {
		String token = signed(gateway.key(), header("EdDSA", gateway.key().kid()), validClaims());

		assertInvalidToken(send(stack, token.substring(0, token.lastIndexOf('.'))), "malformed");
	}

	@StackTest
	void signatureOfAnotherTokenIsRejected(Stack stack) {
		String token = signed(gateway.key(), header("EdDSA", gateway.key().kid()), validClaims());
		String other = signed(gateway.key(), header("EdDSA", gateway.key().kid()),
				json(claims(gateway.issuer(), "https://other.example.com")));

		String spliced = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

		assertInvalidToken(send(stack, spliced), "signature");
	}

	@StackTest
	void encryptedTokenIsRejectedWhereASignedOneIsExpected(Stack stack) throws JOSEException {
		RSAPublicKey publicKey = rsa.publicJwk().toRSAKey().toRSAPublicKey();
		EncryptedJWT jwe = new EncryptedJWT(
				new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM).keyID(rsa.kid()).build(),
				new JWTClaimsSet.Builder().issuer(gateway.issuer()).audience(AUDIENCE).build());
		jwe.encrypt(new RSAEncrypter(publicKey));

		assertInvalidToken(send(stack, jwe.serialize()), "encrypted");
	}

	@StackTest
	void unknownCriticalHeaderIsRejected(Stack stack) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\","
				+ "\"crit\":[\"https://example.com/must-understand\"],\"https://example.com/must-understand\":true}",
				validClaims());

		assertInvalidToken(send(stack, token), "crit");
	}

	@StackTest
	void unencodedPayloadIsRejected(Stack stack) {
		String headerJson = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"b64\":false}";
		String payload = validClaims();
		String signingInputText = base64(headerJson) + "." + payload;
		String token = base64(headerJson) + "." + base64(payload) + "."
				+ Forgery.signature(gateway.key(), JWSAlgorithm.EdDSA, signingInputText);

		assertInvalidToken(send(stack, token), "b64");
		assertInvalidToken(send(stack, signed(gateway.key(), headerJson, payload)), "b64");
	}

	@StackTest
	void unencodedPayloadDeclaredCriticalIsRejected(Stack stack) {
		String headerJson = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"b64\":false,\"crit\":[\"b64\"]}";

		assertInvalidToken(send(stack, signed(gateway.key(), headerJson, validClaims())), "crit");
	}

	@StackTest(cases = "duplicateHeaderMembers")
	void duplicateHeaderMembersAreMalformed(Stack stack, String headerJson) {
		assertInvalidToken(send(stack, signed(gateway.key(), headerJson, validClaims())), "malformed");
	}

	static Stream<String> duplicateHeaderMembers() {
		return Stream.of("{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
				"{\"alg\":\"none\",\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\",\"kid\":\"rsa-1\"}",
				"{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}");
	}

	@StackTest
	void duplicateClaimsAreMalformed(Stack stack) {
		String payload = validClaims().replaceFirst("\\{", "{\"iss\":\"https://evil.example\",");

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", gateway.key().kid()), payload)),
				"malformed");
	}

	@StackTest(cases = "keyTypeMismatches")
	void keyOfOneTypeIsNotUsedWithAnotherAlgorithm(Stack stack, String keyName, String alg, TestKey signer) {
		String publishedKid = switch (keyName) {
			case "Ed25519" -> gateway.key().kid();
			case "RSA" -> rsa.kid();
			case "P-384" -> P384_KID;
			default -> ec.kid();
		};

		assertInvalidToken(send(stack, signed(signer, header(alg, publishedKid), validClaims())), "kid");
	}

	static Stream<Arguments> keyTypeMismatches() {
		return Stream.of(Arguments.of("Ed25519", "RS256", rsa), Arguments.of("Ed25519", "ES256", ec),
				Arguments.of("RSA", "EdDSA", gateway.key()), Arguments.of("RSA", "ES256", ec),
				Arguments.of("EC", "EdDSA", gateway.key()), Arguments.of("EC", "RS256", rsa),
				Arguments.of("P-384", "ES256", ec));
	}

	@StackTest(cases = "algorithmsOutsideTheAllowList")
	void validlySignedTokenInAnAlgorithmOutsideTheAllowListIsRejected(Stack stack, String alg) throws JOSEException {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
		String signingInput = base64(header(alg, rsa.kid())) + "." + base64(validClaims());
		String signature = JWSAlgorithm.Family.RSA.contains(algorithm)
				? Forgery.signature(rsa, algorithm, signingInput)
				: Forgery.signature(gateway.key(), JWSAlgorithm.EdDSA, signingInput);

		assertInvalidToken(send(stack, signingInput + "." + signature), "algorithm " + alg + " is not allowed");
	}

	static Stream<String> algorithmsOutsideTheAllowList() {
		return Stream.of("RS384", "RS512", "PS256", "PS384", "PS512", "HS256", "HS512", "ES256K", "Ed448", "ES384");
	}

	@StackTest(cases = "nonCanonicalEncodings")
	void tokenThatIsNotStrictBase64urlIsRejected(Stack stack, String description, String token) {
		assertInvalidToken(send(stack, token), "malformed");
	}

	static Stream<Arguments> nonCanonicalEncodings() {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed-1\"}",
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
		return signingInput + "." + Forgery.signature(gateway.key(), JWSAlgorithm.EdDSA, signingInput);
	}

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static int base64Index(char c) {
		return ALPHABET.indexOf(c);
	}

	private static char base64Char(int index) {
		return ALPHABET.charAt(index);
	}

	@StackTest
	void expiryAsAStringIsRejected(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("exp", String.valueOf(claims.get("exp")));

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))),
				"exp is not a valid time");
	}

	@StackTest(cases = "absurdlyLargeExpiries")
	void absurdlyLargeExpiryIsRejected(Stack stack, String exp) {
		String payload = validClaims().replaceAll("\"exp\":\\d+", "\"exp\":" + exp);

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), payload)),
				"exp is not a valid time");
	}

	static Stream<String> absurdlyLargeExpiries() {
		return Stream.of("9223372036854775807", "9223372036854775808", "1e300", "253402300800000");
	}

	@StackTest(cases = "expiriesOfTheWrongTypeOrRange")
	void expiryOfTheWrongTypeOrRangeIsRejected(Stack stack, String exp) {
		String payload = validClaims().replaceAll("\"exp\":\\d+", "\"exp\":" + exp);

		HttpResponse<String> response = send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), payload));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	static Stream<String> expiriesOfTheWrongTypeOrRange() {
		return Stream.of("-1", "1.5e-300", "true", "{}", "[1]", "18446744073709551616000");
	}

	@StackTest
	void missingExpiryIsRejected(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("exp");

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))), "exp");
	}

	@StackTest(cases = "trailingCharacters")
	void issuerDifferingOnlyByATrailingCharacterIsAnotherIssuerAndCausesNoFetch(Stack stack, String suffix) {
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "unknown-kid"),
				json(claims(gateway.issuer() + suffix, AUDIENCE)))), "issuer");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	static Stream<String> trailingCharacters() {
		return Stream.of("/", "//", "?", "#", " ", "/.");
	}

	@StackTest
	void issuerOfTheWrongTypeIsRejected(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("iss", List.of(gateway.issuer()));

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))), "claims");
	}

	@StackTest
	void audienceIsCheckedAsAStringAndAsAnArray(Stack stack) {
		assertThat(stack.http().getWithToken("/protected", withAudience(AUDIENCE)).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/protected", withAudience(List.of("https://x.example", AUDIENCE)))
			.statusCode()).isEqualTo(200);
		assertInvalidToken(send(stack, withAudience("https://other.example.com")), "audience");
		assertInvalidToken(send(stack, withAudience(AUDIENCE + "/")), "audience");
		assertInvalidToken(send(stack, withAudience(List.of("https://other.example.com", "https://x.example"))),
				"audience");
		assertInvalidToken(send(stack, withAudience(List.of())), "audience");
	}

	@StackTest
	void audienceOfTheWrongTypeIsRejected(Stack stack) {
		assertInvalidToken(send(stack, withAudience(Map.of("aud", AUDIENCE))), "claims");
		assertInvalidToken(send(stack, withAudience(42)), "claims");
	}

	private String withAudience(Object audience) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("aud", audience);
		return signed(gateway.key(), header("EdDSA", "ed-1"), json(claims));
	}

	@StackTest
	void oversizedTokenIsRejectedBeforeItIsParsed(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("padding", "p".repeat(4096));
		String genuine = signed(gateway.key(), header("EdDSA", "ed-1"), json(claims));

		assertInvalidToken(send(stack, genuine), "larger than the 4096 bytes allowed");
	}

	@StackTest
	void oversizedTokenCausesNoKeyLookup(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("padding", "p".repeat(4096));
		String unknownKid = signed(mallory, header("EdDSA", "never-published"), json(claims));
		String garbage = "x".repeat(5000);
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(stack, unknownKid), "larger than");
		assertInvalidToken(send(stack, garbage), "larger than");
		assertThat(gateway.fetchCount()).isEqualTo(fetchesBefore);
	}

	@StackTest
	void unknownKidFetchesTheKeySetAgainWhenTheCooldownAllows(Stack stack) {
		int fetchesBefore = gateway.fetchCount();

		assertInvalidToken(send(stack, signed(mallory, header("EdDSA", "never-published"), validClaims())), "kid");
		assertThat(gateway.fetchCount()).isGreaterThan(fetchesBefore);
	}

	@StackTest(cases = "unfitKids")
	void keysUnfitToVerifyAreNeverUsed(Stack stack, String kid) {
		TestKey key = kid.equals(weakRsa.kid()) ? weakRsa : leaked;

		assertInvalidToken(send(stack, signed(key, header("RS256", kid), validClaims())), "kid");
	}

	static Stream<String> unfitKids() {
		return Stream.of("rsa-1024", "leaked-1");
	}

	@StackTest(cases = "jwtMediaTypes")
	void jwtMediaTypesAreAccepted(Stack stack, String type) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"" + type + "\",\"kid\":\"ed-1\"}",
				validClaims());

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	static Stream<String> jwtMediaTypes() {
		return Stream.of("JWT", "jwt", "application/jwt", "APPLICATION/JWT");
	}

	@StackTest
	void tokenWithoutTypeIsAccepted(Stack stack) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}", validClaims());

		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	@StackTest(cases = "otherTokenTypes")
	void otherTokenTypesAreRejected(Stack stack, String type) {
		String token = signed(gateway.key(), "{\"alg\":\"EdDSA\",\"typ\":\"" + type + "\",\"kid\":\"ed-1\"}",
				validClaims());

		assertInvalidToken(send(stack, token), "typ");
	}

	static Stream<String> otherTokenTypes() {
		return Stream.of("at+jwt", "JOSE", "JWE", "application/json", "secevent+jwt", "");
	}

	@StackTest
	void missingIssuerIsRejected(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("iss");

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))), "has no issuer");
	}

	@StackTest
	void missingAudienceIsRejected(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.remove("aud");

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))),
				"has no audience");
		assertInvalidToken(send(stack, withAudience(List.of())), "has no audience");
	}

	@StackTest
	void payloadThatIsNotAClaimsObjectIsRejected(Stack stack) {
		for (String payload : List.of("\"iss\"", "null", "{", "", "42")) {
			assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), payload)), "claims");
		}
		// The JSON parser reads an empty array as an empty object: still no issuer.
		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), "[]")), "has no issuer");
	}

	@StackTest
	void unexpectedErrorWhileJudgingATokenIsARejectionNotA500(Stack stack) {
		Map<String, Object> claims = claims(gateway.issuer(), AUDIENCE);
		claims.put("sub", ProtectedService.CRASHING_SUBJECT);

		assertInvalidToken(send(stack, signed(gateway.key(), header("EdDSA", "ed-1"), json(claims))),
				"could not be verified");
	}

}
