package io.github.zuplojwt.internal.jwks;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys that share a {@code kid} are all candidates, tried in published order: a token
 * verified by any of them is accepted, every time, and one verified by none is not.
 */
class DuplicateKidTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	@Test
	void everyKeyPublishedUnderTheSameKidVerifiesItsOwnTokens() throws Exception {
		TestKey first = TestKey.ed25519("shared");
		TestKey second = TestKey.ed25519("shared");
		gateway.publish(first, second);
		VerifyingJwtDecoder decoder = KeySetFixture.decoder(gateway, KeySetFixture.fast(gateway));
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(decoder.decode(first.token().withKid().issuer(gateway.issuer()).sign())).isNotNull();
				assertThat(decoder.decode(second.token().withKid().issuer(gateway.issuer()).sign())).isNotNull();
			}
			String stranger = TestKey.ed25519("shared").token().withKid().issuer(gateway.issuer()).sign();
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(stranger))
				.withMessageContaining("signature");
		}
		finally {
			decoder.destroy();
		}
	}

}
