package io.github.zuplojwt.internal.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.decoder.TokenParser.ParsedToken;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one pass over a token: its parts read with the JDK's decoder agree with what Nimbus's
 * own parser reads from the same token, and only the headers of verified tokens are
 * remembered, a bounded few.
 */
class TokenParserTests {

	private final TestKey key = TestKey.ed25519("k1");

	private final TokenParser parser = new TokenParser(8192);

	@Test
	void partsAreReadExactlyAsNimbusReadsThem() throws Exception {
		String token = this.key.token()
			.issuer("https://gateway.example.com")
			.audience("api")
			.claim("scope", "read write")
			.claim("name", "Zoë")
			.sign();

		ParsedToken parsed = this.parser.parse(token);
		SignedJWT nimbus = SignedJWT.parse(token);

		assertThat(parsed.header().toJSONObject()).isEqualTo(nimbus.getHeader().toJSONObject());
		assertThat(parsed.parsedHeader().parameters()).isEqualTo(nimbus.getHeader().toJSONObject());
		assertThat(parsed.payloadJson()).isEqualTo(nimbus.getPayload().toString());
		assertThat(parsed.signingInput()).isEqualTo(nimbus.getSigningInput());
		assertThat(parsed.signature().decode()).isEqualTo(nimbus.getSignature().decode());
		assertThat(parsed.signature()).hasToString(nimbus.getSignature().toString());
	}

	@Test
	void headersAreRememberedOnlyOnceTheirTokenVerified() {
		String token = this.key.token().issuer("https://gateway.example.com").sign();

		ParsedToken first = this.parser.parse(token);
		assertThat(this.parser.rememberedHeaders()).isZero();

		this.parser.verified(first);
		ParsedToken again = this.parser.parse(token);

		assertThat(this.parser.rememberedHeaders()).isOne();
		assertThat(again.parsedHeader()).isSameAs(first.parsedHeader());
	}

	@Test
	void rememberedHeadersStayFewWhateverVerifies() {
		for (int i = 0; i < 200; i++) {
			this.parser.verified(this.parser.parse(TestKey.ed25519("kid-" + i).token().withKid().sign()));
		}

		assertThat(this.parser.rememberedHeaders()).isEqualTo(64);
	}

	@Test
	void tokensThatAreNotThreeNonEmptyPartsAreMalformed() {
		String token = this.key.token().sign();
		String[] parts = token.split("\\.");
		Map<String, String> malformed = Map.of("two parts", parts[0] + "." + parts[1], "four parts",
				token + "." + parts[2], "no header", "." + parts[1] + "." + parts[2], "header of another object",
				base64url("[1,2]") + "." + parts[1] + "." + parts[2]);

		malformed.forEach((shape, value) -> assertThatExceptionOfType(InvalidTokenException.class)
			.as(shape)
			.isThrownBy(() -> {
				ParsedToken parsed = this.parser.parse(value);
				parsed.header();
			})
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.MALFORMED)));
	}

	@Test
	void partsThatTheDecoderWouldReadButAreNotCanonicalAreRefused() {
		String token = this.key.token().sign();
		int firstDot = token.indexOf('.');
		int secondDot = token.indexOf('.', firstDot + 1);
		Map<String, String> refused = Map.of("a line break in the payload",
				token.substring(0, firstDot + 3) + "\n" + token.substring(firstDot + 3), "standard base64 in the signature",
				token.substring(0, secondDot + 1) + "+" + token.substring(secondDot + 2), "padding after the signature",
				token + "==", "a character beyond ASCII in the header", "\u00e9" + token);

		refused.forEach((shape, value) -> assertThatExceptionOfType(InvalidTokenException.class).as(shape)
			.isThrownBy(() -> this.parser.parse(value))
			.withMessage("token is malformed: its parts are not strict base64url (RFC 7515)"));
	}

	@Test
	void tokenWithoutSignatureSaysSo() {
		String token = this.key.token().sign();

		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.parser.parse(token.substring(0, token.lastIndexOf('.') + 1)))
			.withMessage("token has no signature");
	}

	private static String base64url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
