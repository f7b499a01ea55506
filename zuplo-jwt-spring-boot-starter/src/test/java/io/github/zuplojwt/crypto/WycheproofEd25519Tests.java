package io.github.zuplojwt.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.zuplojwt.support.Wycheproof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every Project Wycheproof Ed25519 vector against the Ed25519 backend that verifies
 * EdDSA tokens: valid signatures verify, and invalid ones (truncated, with trailing
 * garbage, non-canonical S or R, edge-case values) do not.
 */
class WycheproofEd25519Tests {

	private static final HexFormat HEX = HexFormat.of();

	private final Ed25519Backend backend = new BouncyCastleEd25519Backend();

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void signatureIsAcceptedExactlyWhenTheVectorSaysItIsValid(String name, String publicKey, String message,
			String signature, boolean valid) {
		Ed25519Backend.PublicKey key = this.backend.decode(HEX.parseHex(publicKey));

		boolean verified = key.verify(HEX.parseHex(message), HEX.parseHex(signature));

		assertThat(verified).as(name).isEqualTo(valid);
	}

	@Test
	void everyVectorOfTheFileIsRun() {
		assertThat(vectors()).hasSize(151);
		assertThat(vectors().filter((vector) -> (boolean) vector.get()[4])).hasSize(88);
	}

	@Test
	void publicKeyOfTheWrongLengthIsRefused() {
		assertThat(catchDecode(new byte[31])).isInstanceOf(IllegalArgumentException.class);
		assertThat(catchDecode(new byte[33])).isInstanceOf(IllegalArgumentException.class);
		assertThat(catchDecode(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void publicKeyThatIsNotAPointOnTheCurveIsRefused() {
		byte[] notOnCurve = HEX.parseHex("0200000000000000000000000000000000000000000000000000000000000000");

		assertThat(catchDecode(notOnCurve)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void signatureOfTheWrongLengthOrMissingIsNotValid() {
		Map<String, Object> group = Wycheproof.groups("ed25519_test.json").get(0);
		Map<String, Object> first = Wycheproof.objects(group.get("tests")).get(0);
		Ed25519Backend.PublicKey key = this.backend
			.decode(HEX.parseHex((String) Wycheproof.object(group.get("publicKey")).get("pk")));
		byte[] message = HEX.parseHex((String) first.get("msg"));
		byte[] signature = HEX.parseHex((String) first.get("sig"));

		assertThat(key.verify(message, signature)).isTrue();
		assertThat(key.verify(message, null)).isFalse();
		assertThat(key.verify(message, new byte[0])).isFalse();
		assertThat(key.verify(message, Arrays.copyOf(signature, 63))).isFalse();
	}

	private Throwable catchDecode(byte[] raw) {
		try {
			this.backend.decode(raw);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	static Stream<Arguments> vectors() {
		List<Arguments> vectors = new ArrayList<>();
		for (Map<String, Object> group : Wycheproof.groups("ed25519_test.json")) {
			String publicKey = (String) Wycheproof.object(group.get("publicKey")).get("pk");
			for (Map<String, Object> test : Wycheproof.objects(group.get("tests"))) {
				String name = "tcId " + test.get("tcId") + " " + test.get("result") + " " + test.get("flags") + " "
						+ test.get("comment");
				vectors.add(Arguments.of(name, publicKey, test.get("msg"), test.get("sig"),
						"valid".equals(test.get("result"))));
			}
		}
		return vectors.stream();
	}

}
