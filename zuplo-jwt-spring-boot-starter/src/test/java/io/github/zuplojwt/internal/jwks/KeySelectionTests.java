package io.github.zuplojwt.internal.jwks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.internal.crypto.VerificationKey;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.jwks.KeySearch.Outcome;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key selector on its own: a token with a {@code kid} is tried against the keys published
 * under it; a token without one (the Upstream Zuplo JWT policy's) against every key that fits
 * its algorithm, at most {@value SigningKeySelector#MAX_CANDIDATES} of them; the key set is
 * fetched again when the token's key may be newer than the cached set, at most once per
 * cooldown; and a caller that must not wait on the network is told so instead of waiting.
 * The signature check is a stand-in here: what it is given tells which keys were tried.
 */
class KeySelectionTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private final TestKey ed25519 = TestKey.ed25519("ed-key");

	private final TestKey rsa = TestKey.rsa("rsa-key");

	private final List<String> tried = new ArrayList<>();

	@BeforeEach
	void publish() {
		gateway.reset();
		gateway.publish(this.ed25519, this.rsa);
	}

	/** A selector whose cooldown outlasts the test: it may refetch once, never twice. */
	private static SigningKeySelector selector() {
		JwksSettings fast = KeySetFixture.fast(gateway);
		JwksSettings settings = new JwksSettings(fast.uri(), Duration.ofMinutes(10), Duration.ofHours(1),
				fast.connectTimeout(), fast.readTimeout(), fast.outageTolerance(), fast.maxSizeBytes());
		return SigningKeySelector.create(gateway.issuer(), settings,
				new VerificationKeys(new BouncyCastleEd25519Backend()), ObservationRegistry.NOOP, Clock.systemUTC(), new KeyFetchBulkhead(20));
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
		return new JWSHeader.Builder(algorithm).keyID(kid).build();
	}

	/** A signature check that records the kid of each key tried and verifies with none. */
	private KeySearch.SignatureCheck verifiesNone() {
		return (key) -> {
			this.tried.add(key.keyId());
			return false;
		};
	}

	/** A signature check that records the kid of each key tried and verifies with the one named. */
	private KeySearch.SignatureCheck verifiesWith(String kid) {
		return (key) -> {
			this.tried.add(key.keyId());
			return kid.equals(key.keyId());
		};
	}

	@Test
	void aTokenWithAKidIsTriedOnlyAgainstTheKeysPublishedUnderItThatFitItsAlgorithm() throws Exception {
		try (SigningKeySelector selector = selector()) {
			KeySearch search = selector.find(header(JWSAlgorithm.EdDSA, "ed-key"), verifiesWith("ed-key"), true);

			assertThat(search.outcome()).isEqualTo(Outcome.VERIFIED);
			assertThat(search.key().keyId()).isEqualTo("ed-key");
			assertThat(this.tried).containsExactly("ed-key");
			assertThat(selector.find(header(JWSAlgorithm.RS256, "ed-key"), verifiesNone(), true).outcome())
				.isEqualTo(Outcome.NO_MATCHING_KEY);
		}
	}

	@Test
	void aTokenWithoutAKidIsTriedAgainstEveryKeyThatFitsItsAlgorithm() throws Exception {
		try (SigningKeySelector selector = selector()) {
			KeySearch eddsa = selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("ed-key"), true);
			KeySearch rs256 = selector.find(header(JWSAlgorithm.RS256, null), verifiesWith("rsa-key"), true);

			assertThat(eddsa.outcome()).isEqualTo(Outcome.VERIFIED);
			assertThat(eddsa.key().keyId()).isEqualTo("ed-key");
			assertThat(rs256.outcome()).isEqualTo(Outcome.VERIFIED);
			assertThat(rs256.key().keyId()).isEqualTo("rsa-key");
			assertThat(this.tried).containsExactly("ed-key", "rsa-key");
			assertThat(selector.find(header(JWSAlgorithm.ES256, null), verifiesNone(), true).outcome())
				.isEqualTo(Outcome.NO_MATCHING_KEY);
		}
	}

	@Test
	void aKeyPublishedWithoutKidAlgOrUseVerifiesATokenWithoutAKid() throws Exception {
		gateway.publishJson("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
				+ this.ed25519.publicJwk().toOctetKeyPair().getX() + "\"}]}");
		try (SigningKeySelector selector = selector()) {
			List<VerificationKey> keys = new ArrayList<>();
			KeySearch search = selector.find(header(JWSAlgorithm.EdDSA, null), (key) -> keys.add(key), true);

			assertThat(search.outcome()).isEqualTo(Outcome.VERIFIED);
			assertThat(keys).singleElement().satisfies((key) -> assertThat(key.keyId()).isNull());
			assertThat(selector.isPublished(search.key())).isTrue();
		}
	}

	@Test
	void moreKeysThatFitATokenThanAreTriedRejectItWithoutTryingAny() throws Exception {
		TestKey[] keys = new TestKey[SigningKeySelector.MAX_CANDIDATES + 1];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = TestKey.ed25519("key-" + i);
		}
		gateway.publish(keys);
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("key-0"), true).outcome())
				.isEqualTo(Outcome.TOO_MANY_KEYS);
			assertThat(this.tried).isEmpty();
			assertThat(gateway.fetchCount()).isEqualTo(1);
		}
	}

	@Test
	void asManyKeysAsAreTriedAreAllTried() throws Exception {
		TestKey[] keys = new TestKey[SigningKeySelector.MAX_CANDIDATES];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = TestKey.ed25519("key-" + i);
		}
		gateway.publish(keys);
		String last = "key-" + (keys.length - 1);
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith(last), true).outcome())
				.isEqualTo(Outcome.VERIFIED);
			assertThat(this.tried).hasSize(SigningKeySelector.MAX_CANDIDATES).endsWith(last);
		}
	}

	@Test
	void aTokenWithoutAKidThatNoCachedKeyVerifiesFetchesTheKeySetOncePerCooldown() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesNone(), true).outcome())
				.isEqualTo(Outcome.NOT_VERIFIED);
			assertThat(gateway.fetchCount()).isEqualTo(2);
			assertThat(this.tried).as("a key already tried is not tried again").containsExactly("ed-key");

			for (int i = 0; i < 20; i++) {
				assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesNone(), true).outcome())
					.isEqualTo(Outcome.NOT_VERIFIED);
			}
			assertThat(gateway.fetchCount()).isEqualTo(2);
		}
	}

	@Test
	void aTokenWhoseKidIsCachedButDoesNotVerifyIsAForgeryAndFetchesNothing() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, "ed-key"), verifiesNone(), true).outcome())
				.isEqualTo(Outcome.NOT_VERIFIED);
			assertThat(gateway.fetchCount()).isEqualTo(1);
		}
	}

	@Test
	void aKeyPublishedAfterTheCachedSetIsFoundByTheRefetchOfATokenWithoutAKid() throws Exception {
		TestKey next = TestKey.ed25519("next-key");
		try (SigningKeySelector selector = selector()) {
			selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("ed-key"), true);
			gateway.publish(next, this.ed25519, this.rsa);

			KeySearch search = selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("next-key"), true);

			assertThat(search.outcome()).isEqualTo(Outcome.VERIFIED);
			assertThat(search.key().keyId()).isEqualTo("next-key");
			assertThat(gateway.fetchCount()).isEqualTo(2);
		}
	}

	@Test
	void callerThatMustNotWaitIsToldToFetchFirstAndNothingIsFetchedForIt() throws Exception {
		try (SigningKeySelector selector = selector()) {
			assertThatExceptionOfType(KeyFetchRequiredException.class)
				.isThrownBy(() -> selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("ed-key"), false));
			assertThat(gateway.fetchCount()).isZero();

			selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("ed-key"), true);

			assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesWith("ed-key"), false).outcome())
				.isEqualTo(Outcome.VERIFIED);
			assertThat(gateway.fetchCount()).isEqualTo(1);
		}
	}

	@Test
	void aKeyThatMayBeNewSendsACallerThatMustNotWaitToFetchOnlyWhenAFetchIsAllowed() throws Exception {
		try (SigningKeySelector selector = selector()) {
			selector.find(header(JWSAlgorithm.EdDSA, "ed-key"), verifiesWith("ed-key"), true);

			assertThatExceptionOfType(KeyFetchRequiredException.class)
				.isThrownBy(() -> selector.find(header(JWSAlgorithm.EdDSA, "new-key"), verifiesNone(), false));
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, "new-key"), verifiesNone(), true).outcome())
				.isEqualTo(Outcome.NO_MATCHING_KEY);
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, null), verifiesNone(), false).outcome())
				.isEqualTo(Outcome.NOT_VERIFIED);
			assertThat(selector.find(header(JWSAlgorithm.EdDSA, "newer-key"), verifiesNone(), false).outcome())
				.isEqualTo(Outcome.NO_MATCHING_KEY);
			assertThat(gateway.fetchCount()).isEqualTo(2);
		}
	}

}
