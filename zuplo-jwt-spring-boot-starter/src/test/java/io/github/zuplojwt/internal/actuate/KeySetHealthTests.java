package io.github.zuplojwt.internal.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code zuplo} health of each trusted issuer in every state its keys can be in, against
 * a real key set endpoint whose requests are counted: a health check never fetches. Refused
 * tokens are counted by reason beside it. Each Spring Boot generation's adapter reports
 * exactly this (the Actuator tests read it over HTTP).
 */
class KeySetHealthTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	@TestGateway(trustedAs = "")
	static Gateway preview;

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void start() {
		gateway.reset();
		preview.reset();
		this.decoder = TestDecoders.trusting(gateway, preview);
	}

	@AfterEach
	void stop() throws Exception {
		this.decoder.destroy();
	}

	@Test
	void beforeTheFirstTokenEveryIssuerIsUnknownAndNothingIsFetched() {
		gateway.publish(gateway.key());

		KeySetHealth health = checkedWithoutFetching();

		assertThat(health.status()).isEqualTo("UNKNOWN");
		assertThat(issuer(health, gateway)).containsEntry("status", "UNKNOWN")
			.containsEntry("state", "not-fetched")
			.containsEntry("keys", 0)
			.containsEntry("stale", false)
			.containsEntry("location", gateway.jwksUri())
			.doesNotContainKeys("lastSuccess", "lastFailure", "usableUntil");
		assertThat(gateway.fetchCount()).isZero();
	}

	@Test
	void afterASuccessfulFetchTheIssuerIsUpWithItsKeys() {
		gateway.publish(gateway.key(), TestKey.ed25519("k2"));
		this.decoder.decode(token());

		KeySetHealth health = checkedWithoutFetching();

		assertThat(health.status()).isEqualTo("UP");
		assertThat(issuer(health, gateway)).containsEntry("status", "UP")
			.containsEntry("state", "keys-cached")
			.containsEntry("keys", 2)
			.containsEntry("stale", false)
			.containsKeys("lastSuccess", "usableUntil")
			.doesNotContainKeys("lastFailure", "lastFailureReason");
		assertThat(issuer(health, preview)).containsEntry("state", "not-fetched");
	}

	@Test
	void whenARefetchFailsTheCachedKeysKeepTheIssuerUpButStale() throws Exception {
		gateway.publish(gateway.key());
		this.decoder.decode(token());
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(502)));
		Thread.sleep(300);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.decoder.decode(TestKey.ed25519("unknown").token().issuer(gateway.issuer()).sign()));

		KeySetHealth health = checkedWithoutFetching();

		assertThat(health.status()).isEqualTo("UP");
		assertThat(issuer(health, gateway)).containsEntry("status", "UP")
			.containsEntry("state", "stale")
			.containsEntry("keys", 1)
			.containsEntry("stale", true)
			.containsKeys("lastSuccess", "lastFailure", "usableUntil");
		assertThat((String) issuer(health, gateway).get("lastFailureReason")).contains("502");
		assertThat(this.decoder.decode(token()).getSubject()).isNotNull();
	}

	@Test
	void whenTheFirstFetchFailsTheIssuerIsDownAndTheIndicatorToo() {
		gateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(503)));
		preview.publish(preview.key());
		this.decoder.decode(preview.token().sign());
		assertThatExceptionOfType(SigningKeysUnavailableException.class).isThrownBy(() -> this.decoder.decode(token()));

		KeySetHealth health = checkedWithoutFetching();

		assertThat(health.status()).isEqualTo("DOWN");
		assertThat(issuer(health, gateway)).containsEntry("status", "DOWN")
			.containsEntry("state", "no-usable-keys")
			.containsEntry("keys", 0)
			.containsEntry("stale", true)
			.containsKey("lastFailure")
			.doesNotContainKeys("lastSuccess", "usableUntil");
		assertThat((String) issuer(health, gateway).get("lastFailureReason")).contains("503");
		assertThat(issuer(health, preview)).containsEntry("status", "UP");
	}

	@Test
	void refusedTokensAreCountedByReasonAndLeaveTheStatusAlone() {
		gateway.publish(gateway.key());
		this.decoder.decode(token());
		String foreign = "https://api.example.com/__zuplo/issuer";
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> this.decoder.decode(gateway.token().issuer(foreign).sign()));
		}
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(gateway.token()
			.issuedAt(Instant.now().minus(Duration.ofHours(2)))
			.expiresAt(Instant.now().minus(Duration.ofHours(1)))
			.sign()));

		KeySetHealth health = checkedWithoutFetching();

		assertThat(health.status()).isEqualTo("UP");
		assertThat(rejections(health)).containsOnlyKeys("issuer", "expired");
		assertThat(rejections(health).get("issuer")).containsEntry("lastMinute", 3L)
			.containsEntry("total", 3L)
			.containsEntry("latest", "names issuer \"" + foreign + "\", which is not trusted (trusted: "
					+ gateway.issuer() + ", " + preview.issuer() + ")")
			.containsKey("last");
		assertThat(rejections(health).get("expired")).containsEntry("total", 1L).doesNotContainKey("latest");
	}

	@Test
	void beforeAnyRefusalTheRejectionsAreEmpty() {
		assertThat(rejections(checkedWithoutFetching())).isEmpty();
	}

	@Test
	void aDecoderOfTheApplicationsOwnShowsItsKeySetsAlone() {
		List<KeySetState> keySets = this.decoder.keySets();
		ZuploJwtDecoder own = new ZuploJwtDecoder() {

			@Override
			public Jwt decode(String token) {
				throw new InvalidTokenException(RejectionReason.ERROR, "not used");
			}

			@Override
			public TokenCacheStatistics tokenCacheStatistics() {
				return TokenCacheStatistics.NONE;
			}

			@Override
			public List<KeySetState> keySets() {
				return keySets;
			}

		};

		assertThat(KeySetHealth.of(own, Instant.now()).details()).containsOnlyKeys("issuers");
	}

	@Test
	void keysPastTheirUsableTimeWithoutAFailedFetchAreUnknownUntilTheNextToken() {
		Instant fetched = Instant.parse("2026-01-01T10:00:00Z");
		KeySetState state = new KeySetState("https://gw.example/__zuplo/issuer", "https://gw.example/jwks", 1, fetched,
				null, null, fetched.plus(Duration.ofMinutes(70)));

		assertThat(KeySetHealth.State.of(state, fetched.plus(Duration.ofMinutes(69))))
			.isEqualTo(KeySetHealth.State.KEYS_CACHED);
		assertThat(KeySetHealth.State.of(state, fetched.plus(Duration.ofMinutes(70))))
			.isEqualTo(KeySetHealth.State.EXPIRED);
	}

	/** Checks health many times and proves that no check reached the key set endpoints. */
	private KeySetHealth checkedWithoutFetching() {
		int gatewayFetches = gateway.fetchCount();
		int previewFetches = preview.fetchCount();
		KeySetHealth health = null;
		for (int i = 0; i < 5; i++) {
			health = KeySetHealth.of(this.decoder, Instant.now());
		}
		assertThat(gateway.fetchCount()).as("fetches caused by health checks").isEqualTo(gatewayFetches);
		assertThat(preview.fetchCount()).as("fetches caused by health checks").isEqualTo(previewFetches);
		return health;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> rejections(KeySetHealth health) {
		return (Map<String, Map<String, Object>>) health.details().get("rejections");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> issuer(KeySetHealth health, Gateway server) {
		Map<String, Object> issuers = (Map<String, Object>) health.details().get("issuers");
		return (Map<String, Object>) issuers.get(server.issuer());
	}

	private String token() {
		return gateway.token().sign();
	}

}
