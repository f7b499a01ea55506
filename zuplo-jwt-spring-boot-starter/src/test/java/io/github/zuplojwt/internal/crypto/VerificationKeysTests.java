package io.github.zuplojwt.internal.crypto;

import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which published keys may verify signatures, and with which algorithms: a key the issuer
 * marks for encryption, one that carries private material, a short RSA key or a key of a
 * curve the verifier does not support is never used.
 */
class VerificationKeysTests {

	private final VerificationKeys keys = new VerificationKeys(new BouncyCastleEd25519Backend());

	private final TestKey ed25519 = TestKey.ed25519("ed-1");

	private final TestKey rsa = TestKey.rsa("rsa-1");

	private final TestKey ec = TestKey.ec("ec-1");

	@Test
	void publishedSigningKeysOfEachTypeAreUsable() throws Exception {
		assertThat(this.keys.toVerificationKey(this.ed25519.publicJwk()).key())
			.isInstanceOf(Ed25519VerificationKey.class);
		assertThat(this.keys.toVerificationKey(this.rsa.publicJwk()).key()).isInstanceOf(RSAPublicKey.class);
		assertThat(this.keys.toVerificationKey(this.ec.publicJwk()).key()).isInstanceOf(ECPublicKey.class);
	}

	@Test
	void keyForEncryptionIsRefused() {
		JWK encryption = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey()).keyUse(KeyUse.ENCRYPTION).build();

		assertRefused(encryption, "use");
	}

	@Test
	void keyWhoseOperationsExcludeVerifyIsRefused() throws Exception {
		JWK encryptOnly = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey()).keyUse(null)
			.keyOperations(Set.of(KeyOperation.ENCRYPT))
			.build();
		JWK verify = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey()).keyUse(null)
			.keyOperations(Set.of(KeyOperation.VERIFY))
			.build();

		assertRefused(encryptOnly, "key_ops");
		assertThat(this.keys.toVerificationKey(verify).key()).isNotNull();
	}

	@Test
	void keyWithPrivateMaterialIsRefused() {
		JWK withPrivatePart = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey())
			.privateKey(((RSASSASigner) this.rsa.signer()).getPrivateKey())
			.build();

		assertRefused(withPrivatePart, "private");
	}

	@Test
	void shortRsaKeyIsRefused() {
		assertRefused(TestKey.rsa("short", 1024, JWSAlgorithm.RS256).publicJwk(), "1024 bits");
	}

	@Test
	void symmetricKeyIsRefused() {
		assertRefused(new OctetSequenceKey.Builder(new byte[32]).keyID("hmac").build(), "private");
	}

	@Test
	void x25519KeyIsNotTakenForAnEd25519Key() {
		OctetKeyPair published = this.ed25519.publicJwk().toOctetKeyPair();
		JWK x25519 = new OctetKeyPair.Builder(Curve.X25519, published.getX()).keyID("x").build();

		assertRefused(x25519, "X25519");
	}

	@Test
	void ecKeyOnAnUnsupportedCurveIsRefused() {
		JWK secp256k1 = new ECKey.Builder(Curve.SECP256K1,
				Base64URL.encode(hex("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798")),
				Base64URL.encode(hex("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8")))
			.keyID("k1")
			.build();

		assertRefused(secp256k1, "secp256k1");
	}

	@Test
	void keyPublishedForAnAlgorithmOfAnotherTypeIsRefused() throws Exception {
		JWK rsaForEdDsa = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey()).algorithm(JWSAlgorithm.EdDSA).build();

		assertRefused(rsaForEdDsa, "does not fit");
	}

	@Test
	void keyPublishedForOneAlgorithmAcceptsOnlyThatAlgorithm() throws Exception {
		JWK ps256Only = new RSAKey.Builder(this.rsa.publicJwk().toRSAKey()).algorithm(JWSAlgorithm.PS256).build();
		VerificationKey key = this.keys.toVerificationKey(ps256Only);

		assertThat(key.accepts(JWSAlgorithm.PS256)).isTrue();
		assertThat(key.accepts(JWSAlgorithm.RS256)).isFalse();
		assertThat(this.keys.toVerificationKey(this.rsa.publicJwk()).accepts(JWSAlgorithm.RS256)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "EdDSA", "Ed25519", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
			"ES384", "ES512" })
	void eachKeyFitsOnlyTheAlgorithmsOfItsType(String name) throws Exception {
		JWSAlgorithm alg = JWSAlgorithm.parse(name);
		Key ed = this.keys.toVerificationKey(this.ed25519.publicJwk()).key();
		Key rsaKey = this.keys.toVerificationKey(this.rsa.publicJwk()).key();
		Key p256 = this.keys.toVerificationKey(this.ec.publicJwk()).key();

		assertThat(VerificationKeys.fits(ed, alg)).isEqualTo(JWSAlgorithm.Family.ED.contains(alg));
		assertThat(VerificationKeys.fits(rsaKey, alg)).isEqualTo(JWSAlgorithm.Family.RSA.contains(alg));
		assertThat(VerificationKeys.fits(p256, alg)).isEqualTo(alg.equals(JWSAlgorithm.ES256));
	}

	@Test
	void ecKeyFitsOnlyTheAlgorithmOfItsCurve() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		Key p384 = generator.generateKeyPair().getPublic();

		assertThat(List.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512))
			.filteredOn((alg) -> VerificationKeys.fits(p384, alg))
			.containsExactly(JWSAlgorithm.ES384);
	}

	private void assertRefused(JWK jwk, String reason) {
		assertThatExceptionOfType(VerificationKeys.UntrustedKeyException.class)
			.isThrownBy(() -> this.keys.toVerificationKey(jwk))
			.withMessageContaining(reason);
	}

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

}
