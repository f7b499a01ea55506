package io.github.zuplojwt.internal.decoder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.SettableClock;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WARN line of a likely configuration mistake, with really signed tokens through a real
 * decoder whose clock only the test moves: what it says for an untrusted issuer, an audience
 * that is not accepted and an algorithm outside the allow-list; at most one line per reason
 * a minute, however many tokens and distinct values arrive; hostile values made harmless;
 * and the counts the health component reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationMistakesTests {

	private static final String AUDIENCE = "https://api.example.com";

	private static final String FOREIGN = "https://api.example.com/__zuplo/issuer";

	private static final String LINE = "Tokens refused, probably a configuration mistake: ";

	@TestGateway(audience = AUDIENCE, trustedAs = "")
	static Gateway gateway;

	static final TestKey rs384 = TestKey.rsa("rs-1", 2048, JWSAlgorithm.RS384);

	private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final SettableClock clock = new SettableClock(this.start);

	private VerifyingJwtDecoder decoder;

	@BeforeAll
	static void publishKeys() {
		gateway.publish(gateway.key(), rs384);
	}

	@BeforeEach
	void decoder() {
		TrustedIssuer trusted = new TrustedIssuer(gateway.issuer(),
				new JwksSettings(URI.create(gateway.jwksUri()), Duration.ofMinutes(10), Duration.ofSeconds(30),
						Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(1), 64 * 1024),
				Set.of(AUDIENCE), Map.of());
		VerificationPolicy policy = new VerificationPolicy(
				new LinkedHashSet<>(List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256)),
				Duration.ofSeconds(60), 8192, this.clock);
		this.decoder = VerifyingJwtDecoder
			.builder(List.of(trusted), policy, new VerificationKeys(new BouncyCastleEd25519Backend()))
			.build();
	}

	@AfterEach
	void close() throws Exception {
		this.decoder.destroy();
	}

	@Test
	void anUntrustedIssuerIsReportedAtOnceWithWhatTheTokenNamesAndWhatIsTrusted(CapturedOutput output) {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);

		assertThat(warnings(output)).containsExactly(LINE + "the latest names issuer \"" + FOREIGN
				+ "\", which is not trusted (trusted: " + gateway.issuer() + "); 1 such token since startup. If they"
				+ " come from your gateway (a custom domain, another environment or the JWT Service plugin's basePath"
				+ " each make another issuer), trust that issuer with zuplo.issuer or an entry of zuplo.issuers."
				+ " At most one such line a minute.");
	}

	@Test
	void moreSuchTokensWithinTheMinuteAddNoLineAndTheNextLineCountsThem(CapturedOutput output) {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		this.clock.advance(Duration.ofSeconds(30));
		for (int i = 0; i < 35; i++) {
			refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		}
		this.clock.advance(Duration.ofSeconds(29));
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		assertThat(warnings(output)).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);

		assertThat(warnings(output)).hasSize(2)
			.last()
			.asString()
			.contains("; 37 such tokens in the last 1m. ");
	}

	@Test
	void afterAQuietSpellTheLineSaysHowLongItCovers(CapturedOutput output) {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		this.clock.advance(Duration.ofMinutes(62).plusSeconds(5));

		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);

		assertThat(warnings(output)).last().asString().contains("; 1 such token in the last 1h2m5s. ");
	}

	@Test
	void aClockSetBackDoesNotSilenceTheLinesForLong(CapturedOutput output) {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		this.clock.set(this.start.minus(Duration.ofHours(1)));

		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);

		assertThat(warnings(output)).hasSize(2).last().asString().contains("; 1 such token since the previous such line. ");
	}

	@Test
	void aTokenWithoutTheConfiguredAudienceIsReportedWithTheAcceptedOnes(CapturedOutput output) {
		refuse(token().audience("https://other.example.com"), RejectionReason.AUDIENCE);

		assertThat(warnings(output)).containsExactly(LINE + "the latest names audience \"https://other.example.com\","
				+ " which issuer " + gateway.issuer() + " does not accept (accepted: " + AUDIENCE + "); 1 such token"
				+ " since startup. Set zuplo.audiences (or that issuer's audiences under zuplo.issuers) to the audience"
				+ " option of the gateway's Upstream Zuplo JWT policy, or change the policy's audience. At most one"
				+ " such line a minute.");
	}

	@Test
	void aTokenFromAPolicyThatSetsNoAudienceIsReported(CapturedOutput output) {
		TokenBuilder withoutAudience = gateway.key()
			.token()
			.issuer(gateway.issuer())
			.issuedAt(this.start)
			.expiresAt(this.start.plusSeconds(3600));

		refuse(withoutAudience, RejectionReason.AUDIENCE);

		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("the latest has no audience (aud), and issuer " + gateway.issuer() + " requires one of: "
					+ AUDIENCE + "; 1 such token since startup. Set the audience option of the gateway's Upstream"
					+ " Zuplo JWT policy");
	}

	@Test
	void manyAudiencesAreShownAsThreeAndACount(CapturedOutput output) {
		String[] audiences = IntStream.range(0, 200).mapToObj((i) -> "aud-" + i).toArray(String[]::new);

		refuse(token().audience(audiences), RejectionReason.AUDIENCE);

		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("names audiences \"aud-0\", \"aud-1\", \"aud-2\" and 197 more, none of which issuer "
					+ gateway.issuer() + " accepts (accepted: " + AUDIENCE + ")")
			.doesNotContain("aud-3");
	}

	@Test
	void anAlgorithmTheGatewayMayUseButTheAllowListLeavesOutIsReported(CapturedOutput output) {
		refuse(rs384.token().issuer(gateway.issuer()).audience(AUDIENCE), RejectionReason.ALGORITHM);

		assertThat(warnings(output)).containsExactly(LINE + "the latest is signed with RS384, which is not allowed"
				+ " (allowed: EdDSA, RS256); 1 such token since startup. If your gateway signs with it (the JWT Service"
				+ " plugin's algorithm option), add it to zuplo.algorithms. At most one such line a minute.");
	}

	@Test
	void eachReasonHasALineOfItsOwn(CapturedOutput output) {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		refuse(token().audience("other"), RejectionReason.AUDIENCE);
		refuse(rs384.token().issuer(gateway.issuer()).audience(AUDIENCE), RejectionReason.ALGORITHM);
		refuse(token().issuer(FOREIGN + "/2"), RejectionReason.ISSUER);

		assertThat(warnings(output)).hasSize(3);
	}

	@Test
	void aFloodOfRandomIssuersWithinAMinuteMakesOneLine(CapturedOutput output) {
		for (int i = 0; i < 2000; i++) {
			refuse(token().issuer("https://" + UUID.randomUUID() + ".example/__zuplo/issuer"), RejectionReason.ISSUER);
			if (i % 100 == 99) {
				this.clock.advance(Duration.ofSeconds(2));
			}
		}
		assertThat(warnings(output)).hasSize(1);

		this.clock.advance(Duration.ofSeconds(20));
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);

		assertThat(warnings(output)).hasSize(2).last().asString().contains("; 2000 such tokens in the last 1m. ");
	}

	@Test
	void hostileIssuersCannotForgeLinesOrGrowTheLine(CapturedOutput output) {
		String hostile = "https://gw.example/\r\n2026-12-02T12:00:00Z  WARN forged\u0000\u001b[2J\u202E\u00e9\ud83d\ude00"
				+ "\"".repeat(10) + "x".repeat(5000);

		refuse(token().issuer(hostile), RejectionReason.ISSUER);

		String line = warnings(output).get(0);
		assertThat(line)
			.contains("names issuer \"https://gw.example/??2026-12-02T12:00:00Z??WARN?forged???2J?????????????xxx")
			.doesNotContain("xxxxxxxxxx".repeat(10), "\u001b", "\u202E")
			.hasSizeLessThan(700);
		assertThat(output.getOut()).doesNotContain("\n2026-12-02T12:00:00Z  WARN forged");
	}

	@Test
	void tokensThatNoGatewaySendsAreNotReported(CapturedOutput output) {
		refuse(gateway.key().token().audience(AUDIENCE), RejectionReason.ISSUER);
		refuse(hmacSigned("{\"iss\":\"" + gateway.issuer() + "\",\"aud\":\"" + AUDIENCE + "\"}"),
				RejectionReason.ALGORITHM);

		assertThat(warnings(output)).isEmpty();
	}

	@Test
	void expiredAndForgedTokensAreNotReported(CapturedOutput output) {
		refuse(token().issuedAt(this.start.minusSeconds(7200)).expiresAt(this.start.minusSeconds(3600)),
				RejectionReason.EXPIRED);
		refuse(TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).audience(AUDIENCE), RejectionReason.SIGNATURE);

		assertThat(warnings(output)).isEmpty();
	}

	@Test
	void theLineNeverContainsTheTokenAndTheResponseMessageStaysAsItWas(CapturedOutput output) {
		String token = token().issuer(FOREIGN).sign();

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessage("token issuer is not trusted");

		for (String part : token.split("\\.")) {
			assertThat(output.getAll()).doesNotContain(part);
		}
	}

	@Test
	void countsByReasonForTheLastMinuteAndSinceStartup() {
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		this.clock.advance(Duration.ofSeconds(45));
		refuse(token().issuer(FOREIGN), RejectionReason.ISSUER);
		refuse(token().issuedAt(this.start.minusSeconds(7200)).expiresAt(this.start.minusSeconds(3600)),
				RejectionReason.EXPIRED);
		this.clock.advance(Duration.ofSeconds(15));

		assertThat(this.decoder.rejections()).containsExactly(
				new RejectionMonitor.Count(RejectionReason.ISSUER, 1, 3, this.start.plusSeconds(45),
						"names issuer \"" + FOREIGN + "\", which is not trusted (trusted: " + gateway.issuer() + ")"),
				new RejectionMonitor.Count(RejectionReason.EXPIRED, 1, 1, this.start.plusSeconds(45), null));
	}

	@Test
	void acceptedTokensAreNotCounted() {
		assertThat(this.decoder.decode(token().sign()).getSubject()).isEqualTo("consumer-alice");

		assertThat(this.decoder.rejections()).isEmpty();
	}

	/** A token the decoder accepts, valid at the test's start. */
	private TokenBuilder token() {
		return gateway.token().issuedAt(this.start).expiresAt(this.start.plusSeconds(3600));
	}

	private void refuse(TokenBuilder token, RejectionReason reason) {
		refuse(token.sign(), reason);
	}

	private void refuse(String signed, RejectionReason reason) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(signed))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private static String hmacSigned(String payload) {
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
		try {
			jws.sign(new MACSigner(new byte[32]));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(LINE))
			.map((line) -> line.substring(line.indexOf(LINE)))
			.toList();
	}

}
