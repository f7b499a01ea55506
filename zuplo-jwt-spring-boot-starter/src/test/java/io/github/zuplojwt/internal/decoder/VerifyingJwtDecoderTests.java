package io.github.zuplojwt.internal.decoder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder.Attempt;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The decoder as one piece, against a real key server: the order of its steps (header rules
 * and the issuer before any key is fetched), a verification that stops where keys must be
 * fetched and finishes later, the token cache, the application's own validator, and the
 * rejections it counts. Each rule on its own has its own test.
 */
class VerifyingJwtDecoderTests {

	@TestGateway(trustedAs = "")
	static Gateway gateway;

	private VerifyingJwtDecoder decoder;

	private int fetchesBefore;

	@BeforeEach
	void coldDecoder() {
		this.decoder = TestDecoders.trusting(gateway);
		this.fetchesBefore = gateway.fetchCount();
	}

	@AfterEach
	void close() throws Exception {
		this.decoder.destroy();
	}

	@Test
	void aTokenInTheGatewaysLayoutIsVerifiedWithTheKeyItsIssuerPublishes() {
		Jwt jwt = this.decoder.decode(gateway.token().claim("account", "acct_1").sign());

		assertThat(jwt.getHeaders()).containsOnlyKeys("alg");
		assertThat(jwt.getIssuer()).hasToString(gateway.issuer());
		assertThat(jwt.getSubject()).isEqualTo("consumer-alice");
		assertThat(jwt.getClaimAsString("account")).isEqualTo("acct_1");
		assertThat(fetches()).isOne();
	}

	@Test
	void theHeaderAndTheIssuerAreJudgedBeforeAnyKeyIsFetched() {
		String disallowed = TestKey.rsa("rs-1", 2048, JWSAlgorithm.RS384).token().issuer(gateway.issuer()).sign();
		String untrusted = gateway.token().issuer("https://other.example/__zuplo/issuer").sign();

		assertRejected(disallowed, RejectionReason.ALGORITHM, "token algorithm RS384 is not allowed");
		assertRejected(untrusted, RejectionReason.ISSUER, "token issuer is not trusted");
		assertRejected("not-a-token", RejectionReason.MALFORMED, "token is malformed");
		assertThat(fetches()).isZero();
	}

	@Test
	void withoutFetchingAColdDecoderStopsWhereKeysAreNeededAndFinishesLater() {
		String token = gateway.token().sign();

		Attempt cold = this.decoder.decodeWithoutFetching(token);

		assertThat(cold.jwt()).isNull();
		assertThat(fetches()).isZero();
		assertThat(cold.finish().getSubject()).isEqualTo("consumer-alice");
		assertThat(fetches()).isOne();
		assertThat(this.decoder.decodeWithoutFetching(gateway.token().subject("consumer-bob").sign()).jwt())
			.extracting(Jwt::getSubject)
			.isEqualTo("consumer-bob");
	}

	@Test
	void aTokenThatCannotBeJudgedWithoutKeysIsStillRefusedOnceTheyAreFetched() {
		String forged = TestKey.ed25519("ed-1").token().issuer(gateway.issuer()).sign();

		Attempt cold = this.decoder.decodeWithoutFetching(forged);

		assertThat(cold.jwt()).isNull();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(cold::finish)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.SIGNATURE));
	}

	@Test
	void theSameTokenAgainIsServedFromTheCache() {
		String token = gateway.token().sign();

		Jwt first = this.decoder.decode(token);
		Jwt second = this.decoder.decode(token);

		assertThat(second).isSameAs(first);
		assertThat(this.decoder.tokenCacheStatistics().hits()).isOne();
		assertThat(this.decoder.tokenCacheStatistics().misses()).isOne();
		assertThat(this.decoder.tokenCacheStatistics().entries()).isOne();
	}

	@Test
	void refusalsAreCountedByReason() {
		assertRejected(gateway.token().issuer("https://other.example/__zuplo/issuer").sign(), RejectionReason.ISSUER,
				"not trusted");
		assertRejected(gateway.expiredToken(), RejectionReason.EXPIRED, "token expired");
		assertRejected(gateway.expiredToken(), RejectionReason.EXPIRED, "token expired");

		assertThat(this.decoder.rejections()).extracting(RejectionMonitor.Count::reason, RejectionMonitor.Count::total)
			.contains(tuple(RejectionReason.ISSUER, 1L),
					tuple(RejectionReason.EXPIRED, 2L));
	}

	@Test
	void anErrorInTheApplicationsValidatorRefusesTheTokenInsteadOfFailingTheRequest() throws Exception {
		OAuth2TokenValidator<Jwt> broken = (jwt) -> {
			throw new IllegalStateException("the application's bug");
		};
		VerifyingJwtDecoder withValidator = VerifyingJwtDecoder.create(this.decoder.trustedIssuers(),
				this.decoder.policy(), new VerificationKeys(new BouncyCastleEd25519Backend()), broken);
		try {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> withValidator.decode(gateway.token().sign()))
				.withMessage("token could not be verified")
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(RejectionReason.ERROR));
		}
		finally {
			withValidator.destroy();
		}
	}

	@Test
	void itReportsOneKeySetPerTrustedIssuerInTheirOrder() throws Exception {
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA), Duration.ofSeconds(60), 8192,
				Clock.systemUTC());
		TrustedIssuer first = this.decoder.trustedIssuers().get(0);
		TrustedIssuer second = new TrustedIssuer("https://second.example/__zuplo/issuer", first.jwks(), Set.of(),
				Map.of());
		VerifyingJwtDecoder twoIssuers = VerifyingJwtDecoder.create(List.of(first, second), policy,
				new VerificationKeys(new BouncyCastleEd25519Backend()), null);
		try {
			assertThat(twoIssuers.keySets()).extracting(KeySetState::issuer)
				.containsExactly(gateway.issuer(), "https://second.example/__zuplo/issuer");
			assertThat(twoIssuers.trustedIssuers()).containsExactly(first, second);
		}
		finally {
			twoIssuers.destroy();
		}
	}

	private int fetches() {
		return gateway.fetchCount() - this.fetchesBefore;
	}

	private void assertRejected(String token, RejectionReason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

}
