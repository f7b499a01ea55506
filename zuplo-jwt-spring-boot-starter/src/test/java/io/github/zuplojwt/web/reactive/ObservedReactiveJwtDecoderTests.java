package io.github.zuplojwt.web.reactive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TokenBuilder;
import io.github.zuplojwt.support.VerificationTimers;
import io.github.zuplojwt.web.RequestIdSettings;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reactive verifications of the real decoder, against a real key set endpoint, observed with
 * the same {@link TokenVerificationObservation} as on the servlet stack: nothing is observed
 * until the verification is subscribed to, and each ends with one outcome, accepted,
 * rejected, unavailable or cancelled.
 */
class ObservedReactiveJwtDecoderTests {

	@TestGateway
	static Gateway gateway;

	private final VerificationTimers timers = new VerificationTimers();

	private VerifyingJwtDecoder core;

	private TokenVerificationObservation observation;

	private ReactiveJwtDecoder observed;

	@BeforeEach
	void start() {
		gateway.reset();
		gateway.publish(gateway.key());
		this.core = TestDecoders.trusting(gateway);
		this.observation = new TokenVerificationObservation(this.timers.registry(), List.of(gateway.issuer()));
		this.observed = new ObservedReactiveJwtDecoder(new ZuploReactiveJwtDecoder(this.core), this.observation);
	}

	@AfterEach
	void stop() throws Exception {
		this.core.destroy();
	}

	@Test
	void theRequestIdInReactorsContextIsOnTheObservationWithoutThreadLocals() {
		String requestId = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";
		List<Observation.Context> stopped = this.timers.recordStopped();

		this.observed.decode(token().sign()).contextWrite(Context.of(RequestIdSettings.MDC_KEY, requestId)).block();

		assertThat(stopped).singleElement()
			.satisfies((context) -> assertThat(context.getHighCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID))
				.isEqualTo(KeyValue.of(TokenVerificationObservation.REQUEST_ID, requestId)));
	}

	@Test
	void anAcceptedTokenIsTimedWithItsTrustedIssuerWhetherItsKeysWereFetchedOrCached() {
		this.observed.decode(token().sign()).block();
		this.observed.decode(token().subject("consumer-bob").sign()).block();

		Timer accepted = timer("accepted", "none");
		assertThat(accepted.count()).isEqualTo(2);
		assertThat(accepted.getId().getTag("zuplo.issuer")).isEqualTo(gateway.issuer());
	}

	@Test
	void aRejectedTokenIsTimedOnceWithItsReasonAndNoIssuer() {
		String expired = token().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.observed.decode(expired).block());

		assertThat(timer("rejected", "expired").count()).isOne();
		assertThat(timer("rejected", "expired").getId().getTag("zuplo.issuer")).isEqualTo("none");
		assertThat(this.timers.timerCount()).isOne();
	}

	@Test
	void unobtainableKeysAreTimedAsUnavailableAndAnError() {
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(502)));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.observed.decode(token().sign()).block());

		Timer unavailable = timer("unavailable", "keys_unavailable");
		assertThat(unavailable.count()).isOne();
		assertThat(unavailable.getId().getTag("error")).isEqualTo("SigningKeysUnavailableException");
	}

	@Test
	void aVerificationStartsWhenSubscribedAndACallerThatGivesUpRecordsItCancelled() {
		ReactiveJwtDecoder hanging = new ObservedReactiveJwtDecoder((token) -> Mono.never(), this.observation);

		Mono<?> verification = hanging.decode("any");
		assertThat(active()).isZero();

		Disposable subscription = verification.subscribe();
		assertThat(active()).isOne();

		subscription.dispose();
		assertThat(active()).isZero();
		assertThat(timer("cancelled", "none").count()).isOne();
	}

	@Test
	void aDecoderThatThrowsInsteadOfSignallingIsRecordedAsARejection() {
		ReactiveJwtDecoder throwing = new ObservedReactiveJwtDecoder((token) -> {
			throw new JwtException("no");
		}, this.observation);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> throwing.decode("any").block());

		assertThat(timer("rejected", "other").count()).isOne();
	}

	private int active() {
		return this.timers.active();
	}

	private Timer timer(String outcome, String reason) {
		return this.timers.timer(outcome, reason);
	}

	private static TokenBuilder token() {
		return gateway.token();
	}

}
