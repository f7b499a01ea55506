package io.github.zuplojwt.internal.decoder;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.decoder.CompactTokens.CompactToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The size and shape of a token on their own: a compact JWS is three parts of canonical
 * base64url, one spelling per signature, and what is not gets a reason that says what it is
 * instead.
 */
class CompactTokensTests {

	/** The gateway's header, {@code {"alg":"EdDSA"}}. */
	private static final String HEADER = base64url("{\"alg\":\"EdDSA\"}");

	private static final String PAYLOAD = base64url("{\"iss\":\"https://gw.example/__zuplo/issuer\"}");

	/** 64 bytes, the length of an Ed25519 signature: its last character carries 4 unused bits. */
	private static final String SIGNATURE = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

	private static final String NOT_STRICT = "token is malformed: its parts are not strict base64url (RFC 7515)";

	private static final String TOKEN = HEADER + "." + PAYLOAD + "." + SIGNATURE;

	@Test
	void aTokenSplitsIntoItsThreePartsAndTheSigningInputIsTheFirstTwo() throws ParseException {
		CompactToken token = CompactTokens.split(TOKEN, 8192);

		assertThat(token.headerPart()).isEqualTo(HEADER);
		assertThat(token.payloadPart()).isEqualTo(PAYLOAD);
		assertThat(token.signaturePart()).isEqualTo(SIGNATURE);
		assertThat(token.signingInput()).isEqualTo((HEADER + "." + PAYLOAD).getBytes(StandardCharsets.US_ASCII));
		assertThat(CompactTokens.header(token).getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
		assertThat(CompactTokens.header(token).getKeyID()).isNull();
		assertThat(CompactTokens.decode(token.signaturePart())).hasSize(64);
	}

	@Test
	void aTokenOfTheLargestSizeIsSplitAndOneCharacterMoreIsTooLarge() {
		assertThat(CompactTokens.split(TOKEN, TOKEN.length()).value()).isEqualTo(TOKEN);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> CompactTokens.split(TOKEN, TOKEN.length() - 1))
			.withMessage("token is larger than the " + (TOKEN.length() - 1) + " bytes allowed")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.TOO_LARGE));
	}

	@Test
	void aLastCharacterWithSetUnusedBitsIsASecondSpellingAndRefused() {
		// "A" and "B" differ only in the bits after the last full byte of a 64-byte signature.
		String secondSpelling = TOKEN.substring(0, TOKEN.length() - 1) + "B";

		assertThat(CompactTokens.decode(secondSpelling.substring(secondSpelling.lastIndexOf('.') + 1)))
			.isEqualTo(CompactTokens.decode(SIGNATURE));
		assertNotStrict(secondSpelling);
	}

	@Test
	void aPartWhoseLengthLeavesASingleCharacterOverIsRefused() {
		assertNotStrict(HEADER + "." + PAYLOAD + "." + SIGNATURE + "AAA");
	}

	@Test
	void paddingIsRefused() {
		assertNotStrict(HEADER + "." + PAYLOAD + "." + SIGNATURE + "==");
	}

	@Test
	void aCharacterOutsideTheUrlSafeAlphabetIsLeftToTheDecoderAndThenNamed() {
		String standardBase64 = HEADER + "." + PAYLOAD + ".+" + SIGNATURE.substring(1);
		CompactToken token = CompactTokens.split(standardBase64, 8192);

		assertThatIllegalArgumentException().isThrownBy(() -> CompactTokens.decode(token.signaturePart()));
		assertThat(CompactTokens.rejection(standardBase64)).hasMessage(NOT_STRICT)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.MALFORMED));
	}

	@Test
	void unsignedTokensAreNamedAsSuchInAnyCasingOfNone() {
		for (String none : new String[] { "none", "None", "NONE" }) {
			String unsigned = base64url("{\"alg\":\"" + none + "\"}") + "." + PAYLOAD + ".";
			assertMalformed(unsigned, "token algorithm none is not allowed: unsigned tokens are never accepted");
		}
	}

	@Test
	void anEncryptedTokenIsNamedAsSuch() {
		String jwe = base64url("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..AAAA.AAAA.AAAA";

		assertMalformed(jwe, "token is encrypted (JWE); a signed JWT is expected");
	}

	@Test
	void aTokenWithoutItsSignatureSaysSo() {
		assertMalformed(HEADER + "." + PAYLOAD + ".", "token has no signature");
	}

	@Test
	void anythingElseIsNotASignedJwt() {
		assertMalformed(HEADER + "." + PAYLOAD, "token is malformed: it is not a signed JWT (JWS compact serialization)");
		assertMalformed("." + PAYLOAD + "." + SIGNATURE,
				"token is malformed: it is not a signed JWT (JWS compact serialization)");
	}

	@Test
	void strictBase64urlIsJudgedBeforeWhatTheTokenIs() {
		String unsignedAndPadded = base64url("{\"alg\":\"none\"}") + "=." + PAYLOAD + ".";

		assertNotStrict(unsignedAndPadded);
	}

	@Test
	void aHeaderMemberThatIsNullIsMalformedRatherThanAbsent() {
		CompactToken token = CompactTokens.split(base64url("{\"alg\":\"EdDSA\",\"kid\":null}") + "." + PAYLOAD + "."
				+ SIGNATURE, 8192);

		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> CompactTokens.header(token))
			.withMessage("a header member is null");
	}

	private static void assertNotStrict(String token) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> CompactTokens.split(token, 8192))
			.withMessage(NOT_STRICT)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.MALFORMED));
	}

	private static void assertMalformed(String token, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> CompactTokens.split(token, 8192))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.MALFORMED));
	}

	private static String base64url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
