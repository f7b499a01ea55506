package io.github.zuplojwt.crypto;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verifiers behind the key selection: each refuses on its own what the decoder's earlier
 * checks already keep away from it (a foreign algorithm, a critical header, an HMAC
 * algorithm), so that no single check stands between a forged token and acceptance.
 */
class ZuploJwsVerifierFactoryTests {

	private static final byte[] SIGNING_INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

	private final ZuploJwsVerifierFactory factory = new ZuploJwsVerifierFactory();

	private final VerificationKeys keys = new VerificationKeys(new BouncyCastleEd25519Backend());

	private final TestKey ed25519 = TestKey.ed25519("ed-1");

	@Test
	void ed25519VerifierVerifiesAGenuineSignature() throws Exception {
		JWSHeader header = new JWSHeader(JWSAlgorithm.EdDSA);

		assertThat(verifierFor(header).verify(header, SIGNING_INPUT, sign(header))).isTrue();
	}

	@Test
	void ed25519VerifierRefusesAnotherAlgorithm() throws Exception {
		JWSHeader eddsa = new JWSHeader(JWSAlgorithm.EdDSA);
		Base64URL signature = sign(eddsa);
		JWSVerifier verifier = verifierFor(eddsa);

		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> verifier.verify(new JWSHeader(JWSAlgorithm.RS256), SIGNING_INPUT, signature));
	}

	@Test
	void ed25519VerifierRefusesACriticalHeader() throws Exception {
		JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(Set.of("exp"))
			.customParam("exp", 1)
			.build();

		assertThat(verifierFor(critical).verify(critical, SIGNING_INPUT, sign(critical))).isFalse();
	}

	@Test
	void hmacAlgorithmGetsNoVerifierEvenForAnRsaKey() throws Exception {
		Key rsa = this.keys.toKey(TestKey.rsa("rsa-1").publicJwk());

		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> this.factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.HS256), rsa))
			.withMessageContaining("no verifier for algorithm HS256");
	}

	@Test
	void onlyAsymmetricAlgorithmsAreSupported() {
		assertThat(this.factory.supportedJWSAlgorithms()).isEqualTo(SupportedAlgorithms.ALL)
			.noneMatch(JWSAlgorithm.Family.HMAC_SHA::contains);
	}

	private JWSVerifier verifierFor(JWSHeader header) throws Exception {
		return this.factory.createJWSVerifier(header, this.keys.toKey(this.ed25519.publicJwk()));
	}

	private Base64URL sign(JWSHeader header) throws JOSEException {
		return this.ed25519.signer().sign(header, SIGNING_INPUT);
	}

}
