package io.github.zuplojwt.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.support.TokenBuilder;
import io.github.zuplojwt.support.VerificationTimers;
import io.github.zuplojwt.web.RequestIdSettings;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every verification of the real decoder, against a real key set endpoint, becomes one
 * {@code zuplo.token.verification} timing tagged with its outcome, the reason code and the
 * issuer only when it is trusted and the token accepted; nothing identifying leaks into tags.
 * The gateway's request id rides along as a high-cardinality key value, for the span.
 */
class TokenVerificationObservationTests {

	@TestGateway
	static Gateway gateway;

	private static final String REQUEST_ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	private final TestKey key = TestKey.ed25519("k1");

	private final VerificationTimers timers = new VerificationTimers();

	private VerifyingJwtDecoder zuplo;

	private TokenVerificationObservation observation;

	@BeforeEach
	void start() {
		gateway.reset();
		gateway.publish(this.key);
		this.zuplo = TestDecoders.trusting(gateway);
		this.observation = new TokenVerificationObservation(this.timers.registry(), List.of(gateway.issuer()));
	}

	@AfterEach
	void stop() throws Exception {
		this.zuplo.destroy();
	}

	@Test
	void anAcceptedTokenIsTimedWithItsTrustedIssuer() {
		this.observation.observe(this.zuplo).decode(token().sign());

		assertThat(timer("accepted", "none").getId().getTag("zuplo.issuer")).isEqualTo(gateway.issuer());
		assertThat(timer("accepted", "none").count()).isOne();
	}

	@Test
	void aRejectedTokenIsTimedWithItsReasonAndNoIssuer() {
		JwtDecoder observed = this.observation.observe(this.zuplo);
		String expired = token().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> observed.decode(expired));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> observed.decode(expired));
		assertThatExceptionOfType(JwtException.class).isThrownBy(
				() -> observed.decode(token().issuer("https://other.example/__zuplo/issuer").sign()));

		assertThat(timer("rejected", "expired").count()).isEqualTo(2);
		assertThat(timer("rejected", "expired").getId().getTag("zuplo.issuer")).isEqualTo("none");
		assertThat(timer("rejected", "issuer").count()).isOne();
		assertThat(timer("rejected", "expired").getId().getTag("error")).isEqualTo("none");
	}

	@Test
	void unobtainableKeysAreTimedAsUnavailableAndAnError() {
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(502)));

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.observation.observe(this.zuplo).decode(token().sign()));

		Timer unavailable = timer("unavailable", "keys_unavailable");
		assertThat(unavailable.count()).isOne();
		assertThat(unavailable.getId().getTag("error")).isEqualTo("SigningKeysUnavailableException");
	}

	@Test
	void anotherDecodersRejectionIsReasonOtherAndItsIssuersAreNeverTags() {
		JwtDecoder other = (token) -> {
			if (token.equals("bad")) {
				throw new BadJwtException("no");
			}
			return Jwt.withTokenValue(token).header("alg", "none").claim("iss", "https://attacker.example").build();
		};
		JwtDecoder observed = this.observation.observe(other);

		observed.decode("good");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> observed.decode("bad"));

		assertThat(timer("accepted", "none").getId().getTag("zuplo.issuer")).isEqualTo("none");
		assertThat(timer("rejected", "other").count()).isOne();
	}

	@Test
	void noTagNamesTheTokenItsSubjectOrItsKeyId() {
		String token = token().subject("consumer-secret-name").sign();
		this.observation.observe(this.zuplo).decode(token);
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.observation.observe(this.zuplo)
			.decode(TestKey.ed25519("attacker-kid").token().withKid().issuer(gateway.issuer()).subject("x").sign()));

		for (Meter meter : this.timers.meters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).doesNotContain("consumer-secret-name", "attacker-kid", "k1", "eyJ");
			}
		}
		assertThat(timer("rejected", "unknown_key").count()).isOne();
	}

	@Test
	void aReactiveCallerThatGivesUpRecordsACancelledVerification() {
		this.observation.start().cancelled();

		assertThat(timer("cancelled", "none").count()).isOne();
	}

	@Test
	void theFirstOutcomeEndsAVerificationAndALaterOneIsIgnored() {
		TokenVerificationObservation.Verification verification = this.observation.start();
		verification.accepted(this.zuplo.decode(token().sign()));
		verification.cancelled();
		verification.rejected(new BadJwtException("late"));

		assertThat(timer("accepted", "none").count()).isOne();
		assertThat(this.timers.timerCount()).isOne();
	}

	@Test
	void theGatewaysRequestIdIsAHighCardinalityKeyValueAndNeverATag() {
		List<Observation.Context> stopped = this.timers.recordStopped();

		this.observation.start(REQUEST_ID).accepted(this.zuplo.decode(token().sign()));

		assertThat(stopped).singleElement().satisfies((context) -> {
			assertThat(context.getHighCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID))
				.isEqualTo(KeyValue.of(TokenVerificationObservation.REQUEST_ID, REQUEST_ID));
			assertThat(context.getLowCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID)).isNull();
		});
		assertThat(timer("accepted", "none").getId().getTag(TokenVerificationObservation.REQUEST_ID)).isNull();
	}

	@Test
	void theRequestIdOfTheThreadsLoggingContextIsTaken() {
		List<Observation.Context> stopped = this.timers.recordStopped();
		MDC.put(RequestIdSettings.MDC_KEY, REQUEST_ID);
		try {
			assertThatExceptionOfType(JwtException.class)
				.isThrownBy(() -> this.observation.observe(this.zuplo).decode("not-a-token"));
		}
		finally {
			MDC.remove(RequestIdSettings.MDC_KEY);
		}

		assertThat(stopped).singleElement()
			.satisfies((context) -> assertThat(context.getHighCardinalityKeyValue(
					TokenVerificationObservation.REQUEST_ID)).isEqualTo(
							KeyValue.of(TokenVerificationObservation.REQUEST_ID, REQUEST_ID)));
	}

	@Test
	void aRequestIdOfAnotherShapeIsNotRecorded() {
		List<Observation.Context> stopped = this.timers.recordStopped();

		this.observation.start("forged\r\nid").cancelled();
		this.observation.start(null).cancelled();

		assertThat(stopped).hasSize(2)
			.allSatisfy((context) -> assertThat(context.getAllKeyValues().stream().map(KeyValue::getKey))
				.doesNotContain(TokenVerificationObservation.REQUEST_ID));
	}


	private Timer timer(String outcome, String reason) {
		return this.timers.timer(outcome, reason);
	}

	private TokenBuilder token() {
		return this.key.token().issuer(gateway.issuer());
	}

}
