package io.github.zuplojwt.internal.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key selector on its own: a key is chosen by {@code kid}, type and algorithm, never
 * without a {@code kid}, even when the key set holds a single key, and a caller that must not
 * wait on the network is told so instead of waiting.
 */
class KeySelectionTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	private final TestKey key = TestKey.ed25519("only-key");

	private SigningKeySelector selector() {
		gateway.reset();
		gateway.publish(this.key);
		return SigningKeySelector.create(gateway.issuer(), KeySetFixture.fast(gateway),
				new VerificationKeys(new BouncyCastleEd25519Backend()), ObservationRegistry.NOOP);
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
		return new JWSHeader.Builder(algorithm).keyID(kid).build();
	}

	@Test
	void keyIsSelectedByKidAndAlgorithm() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.select(header(JWSAlgorithm.EdDSA, "only-key"), true)).hasSize(1);
			assertThat(selector.select(header(JWSAlgorithm.RS256, "only-key"), true)).isEmpty();
			assertThat(selector.select(header(JWSAlgorithm.EdDSA, "other"), true)).isEmpty();
		}
	}

	@Test
	void headerWithoutKidSelectsNoKey() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.select(new JWSHeader.Builder(JWSAlgorithm.EdDSA).build(), true)).isEmpty();
		}
	}

	@Test
	void callerThatMustNotWaitIsToldToFetchFirstAndNothingIsFetchedForIt() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThatExceptionOfType(KeyFetchRequiredException.class)
				.isThrownBy(() -> selector.select(header(JWSAlgorithm.EdDSA, "only-key"), false));
			assertThat(gateway.fetchCount()).isZero();

			selector.select(header(JWSAlgorithm.EdDSA, "only-key"), true);

			assertThat(selector.select(header(JWSAlgorithm.EdDSA, "only-key"), false)).hasSize(1);
			assertThat(gateway.fetchCount()).isEqualTo(1);
		}
	}

	@Test
	void unknownKidSendsACallerThatMustNotWaitToFetchOnlyWhenAFetchIsAllowed() throws Exception {
		try (SigningKeySelector selector = selector()) {
			selector.select(header(JWSAlgorithm.EdDSA, "only-key"), true);

			assertThatExceptionOfType(KeyFetchRequiredException.class)
				.isThrownBy(() -> selector.select(header(JWSAlgorithm.EdDSA, "new-key"), false));
			assertThat(selector.select(header(JWSAlgorithm.EdDSA, "new-key"), true)).isEmpty();
			assertThat(selector.select(header(JWSAlgorithm.EdDSA, "newer-key"), false)).isEmpty();
			assertThat(gateway.fetchCount()).isEqualTo(2);
		}
	}

}
