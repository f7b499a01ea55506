package io.github.zuplojwt.internal.jwks;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A key set may carry keys that must never verify a gateway token. They are dropped (a
 * token signed with one finds no key, rather than failing its signature check), logged once
 * without key material, and do not disturb the good keys beside them.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileKeySetTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final TestKey good = TestKey.ed25519("good-1");

	private final TestKey encryption = TestKey.rsa("enc-1");

	private final TestKey withPrivatePart = TestKey.rsa("priv-1");

	private final TestKey weak = TestKey.rsa("weak-1", 1024, JWSAlgorithm.RS256);

	private final TestKey mislabelled = TestKey.rsa("mislabelled-1");

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void publishHostileSet() throws Exception {
		gateway.reset();
		List<JWK> keys = new ArrayList<>();
		keys.add(this.good.publicJwk());
		keys.add(new RSAKey.Builder((RSAKey) this.encryption.publicJwk()).keyUse(KeyUse.ENCRYPTION)
			.algorithm(null)
			.build());
		keys.add(new RSAKey.Builder((RSAKey) this.withPrivatePart.publicJwk())
			.privateKey((RSAPrivateKey) ((RSASSASigner) this.withPrivatePart.signer()).getPrivateKey())
			.build());
		keys.add(this.weak.publicJwk());
		keys.add(new RSAKey.Builder((RSAKey) this.mislabelled.publicJwk()).algorithm(JWSAlgorithm.ES256).build());
		String json = new JWKSet(keys).toString(false);
		String ed448 = "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"kid\":\"ed448-1\",\"x\":\""
				+ Base64URL.encode(new byte[57]) + "\"}";
		String oct = "{\"kty\":\"oct\",\"kid\":\"oct-1\",\"k\":\"" + Base64URL.encode("shared-secret".getBytes()) + "\"}";
		gateway.publishJson(json.substring(0, json.length() - 2) + "," + ed448 + "," + oct + "]}");
		this.decoder = KeySetFixture.decoder(gateway, KeySetFixture.quick(gateway));
	}

	@AfterEach
	void close() throws Exception {
		this.decoder.destroy();
	}

	private String token(TestKey key) {
		return key.token().issuer(gateway.issuer()).sign();
	}

	private void assertNoKeyFor(String token) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("no trusted signing key");
	}

	@Test
	void goodKeyBesideHostileOnesStillVerifies() {
		assertThat(this.decoder.decode(token(this.good)).getSubject()).isEqualTo("consumer-alice");
	}

	@Test
	void encryptionKeyIsNotUsedToVerify() {
		assertNoKeyFor(token(this.encryption));
	}

	@Test
	void keyPublishedWithItsPrivatePartIsNotTrusted() {
		assertNoKeyFor(token(this.withPrivatePart));
	}

	@Test
	void rsaKeyShorterThan2048BitsIsNotTrusted() {
		assertNoKeyFor(token(this.weak));
	}

	@Test
	void keyWhoseAlgDoesNotFitItsTypeIsNotTrusted() {
		assertNoKeyFor(token(this.mislabelled));
	}

	@Test
	void unsupportedCurveAndSymmetricKeysAreNotTrusted() {
		assertNoKeyFor(this.good.token().issuer(gateway.issuer()).kid("ed448-1").sign());
		assertNoKeyFor(this.good.token().issuer(gateway.issuer()).kid("oct-1").sign());
	}

	@Test
	void eachIgnoredKeyIsLoggedOnceWithoutKeyMaterial(CapturedOutput output) throws Exception {
		this.decoder.decode(token(this.good));
		await().atMost(Duration.ofSeconds(8)).until(() -> gateway.fetchCount() >= 3);

		for (String kid : List.of("enc-1", "priv-1", "weak-1", "mislabelled-1", "ed448-1", "oct-1")) {
			assertThat(countOf(output.toString(), "Ignoring key kid=" + kid + " ")).as(kid).isEqualTo(1);
		}
		RSAKey privatePart = new RSAKey.Builder((RSAKey) this.withPrivatePart.publicJwk())
			.privateKey((RSAPrivateKey) ((RSASSASigner) this.withPrivatePart.signer()).getPrivateKey())
			.build();
		assertThat(output.toString()).doesNotContain(privatePart.getPrivateExponent().toString(),
				privatePart.getModulus().toString(), "c2hhcmVkLXNlY3JldA");
	}

	private static int countOf(String text, String fragment) {
		int count = 0;
		for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
			count++;
		}
		return count;
	}

}
