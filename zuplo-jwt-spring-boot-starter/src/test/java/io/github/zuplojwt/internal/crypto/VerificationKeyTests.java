package io.github.zuplojwt.internal.crypto;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A converted key verifies genuine signatures of its own type and nothing else: a
 * signature by another key, a tampered input, or an algorithm the key does not fit (HMAC
 * among them) never verifies, and a verifier that refuses its input counts as a failure.
 */
class VerificationKeyTests {

	private static final byte[] SIGNING_INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

	private final VerificationKeys keys = new VerificationKeys(new BouncyCastleEd25519Backend());

	private final TestKey ed25519 = TestKey.ed25519("ed-1");

	private final TestKey rsa = TestKey.rsa("rsa-1");

	private final TestKey ec = TestKey.ec("ec-1");

	@Test
	void eachKeyTypeVerifiesAGenuineSignature() throws Exception {
		for (TestKey key : new TestKey[] { this.ed25519, this.rsa, this.ec }) {
			JWSHeader header = new JWSHeader(key.algorithm());

			assertThat(converted(key).verify(header, SIGNING_INPUT, sign(key, header))).as(key.algorithm().getName())
				.isTrue();
		}
	}

	@Test
	void tamperedInputOrAnotherKeysSignatureDoesNotVerify() throws Exception {
		JWSHeader header = new JWSHeader(JWSAlgorithm.EdDSA);
		Base64URL signature = sign(this.ed25519, header);
		byte[] tampered = "header.payloaD".getBytes(StandardCharsets.US_ASCII);

		assertThat(converted(this.ed25519).verify(header, tampered, signature)).isFalse();
		assertThat(converted(TestKey.ed25519("other")).verify(header, SIGNING_INPUT, signature)).isFalse();
	}

	@Test
	void ed25519KeyRefusesAnotherAlgorithm() throws Exception {
		Base64URL signature = sign(this.ed25519, new JWSHeader(JWSAlgorithm.EdDSA));
		VerificationKey key = converted(this.ed25519);

		assertThat(key.accepts(JWSAlgorithm.RS256)).isFalse();
		assertThat(key.verify(new JWSHeader(JWSAlgorithm.RS256), SIGNING_INPUT, signature)).isFalse();
	}

	@Test
	void hmacAlgorithmIsNeverAcceptedNorVerifiedEvenWithAnRsaKey() throws Exception {
		VerificationKey key = converted(this.rsa);
		JWSHeader hmac = new JWSHeader(JWSAlgorithm.HS256);

		assertThat(key.accepts(JWSAlgorithm.HS256)).isFalse();
		assertThat(key.verify(hmac, SIGNING_INPUT, sign(this.rsa, new JWSHeader(JWSAlgorithm.RS256)))).isFalse();
	}

	@Test
	void onlyAsymmetricAlgorithmsAreSupported() {
		assertThat(SupportedAlgorithms.ALL).noneMatch(JWSAlgorithm.Family.HMAC_SHA::contains)
			.doesNotContain(new JWSAlgorithm("none"));
	}

	private VerificationKey converted(TestKey key) throws Exception {
		return this.keys.toVerificationKey(key.publicJwk());
	}

	private static Base64URL sign(TestKey key, JWSHeader header) throws JOSEException {
		return key.signer().sign(header, SIGNING_INPUT);
	}

}
