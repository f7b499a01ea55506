package io.github.zuplojwt.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.crypto.VerificationKeys;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key selector on its own: a key is chosen by {@code kid}, type and algorithm, and
 * never without a {@code kid}, even when the key set holds a single key.
 */
class KeySelectionTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	private final TestKey key = TestKey.ed25519("only-key");

	private JwksKeySelector selector() {
		gateway.publish(this.key);
		return JwksKeySelector.remote(KeySetFixture.fast(gateway),
				new VerificationKeys(new BouncyCastleEd25519Backend()));
	}

	@Test
	void keyIsSelectedByKidAndAlgorithm() throws Exception {
		try (JwksKeySelector selector = selector()) {
			assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("only-key").build(), null))
				.hasSize(1);
			assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("only-key").build(), null))
				.isEmpty();
			assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("other").build(), null))
				.isEmpty();
		}
	}

	@Test
	void headerWithoutKidSelectsNoKey() throws Exception {
		try (JwksKeySelector selector = selector()) {
			assertThat(selector.selectJWSKeys(new JWSHeader.Builder(JWSAlgorithm.EdDSA).build(), null)).isEmpty();
		}
	}

}
