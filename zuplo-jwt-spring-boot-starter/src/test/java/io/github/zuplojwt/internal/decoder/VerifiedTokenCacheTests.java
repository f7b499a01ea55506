package io.github.zuplojwt.internal.decoder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import io.github.zuplojwt.crypto.BouncyCastleEd25519Backend;
import io.github.zuplojwt.crypto.Ed25519Backend;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.TokenCacheStatistics;
import io.github.zuplojwt.internal.crypto.VerificationKeys;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.SettableClock;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verified-token cache's rules, with really signed tokens and a real key set endpoint:
 * a token verified once is not signature-checked again, yet on every hit its times and the
 * application's validators run; a token whose key leaves the key set stops being served; the
 * cache stays within its bounds; and rejected tokens never enter it.
 */
class VerifiedTokenCacheTests {

	private static final String AUDIENCE = "api";

	@TestGateway(audience = AUDIENCE, trustedAs = "")
	static Gateway gateway;

	private final TestKey next = TestKey.ed25519("k2");

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final AtomicInteger validatorRuns = new AtomicInteger();

	private final AtomicReference<String> banned = new AtomicReference<>("nobody");

	private final SettableClock clock = new SettableClock(Instant.now());

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void reset() {
		gateway.reset();
		gateway.publish(gateway.key());
	}

	@AfterEach
	void close() throws Exception {
		if (this.decoder != null) {
			this.decoder.destroy();
		}
	}

	private VerifyingJwtDecoder decoder(TokenCacheSettings cache, Duration cacheTtl) {
		Ed25519Backend counting = (raw) -> {
			Ed25519Backend.PublicKey decoded = new BouncyCastleEd25519Backend().decode(raw);
			return (message, signature) -> {
				this.signatureChecks.incrementAndGet();
				return decoded.verify(message, signature);
			};
		};
		OAuth2TokenValidator<Jwt> validator = (jwt) -> {
			this.validatorRuns.incrementAndGet();
			return this.banned.get().equals(jwt.getSubject())
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "consumer is banned", null))
					: OAuth2TokenValidatorResult.success();
		};
		JwksSettings jwks = new JwksSettings(URI.create(gateway.jwksUri()), cacheTtl, Duration.ofMillis(100),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 64 * 1024);
		VerificationPolicy policy = new VerificationPolicy(Set.of(JWSAlgorithm.EdDSA), Duration.ZERO, 8192,
				this.clock);
		this.decoder = VerifyingJwtDecoder
			.builder(List.of(new TrustedIssuer(gateway.issuer(), jwks, Set.of(AUDIENCE), Map.of())), policy,
					new VerificationKeys(counting))
			.additionalValidator(validator)
			.tokenCache(cache)
			.build();
		return this.decoder;
	}

	private VerifyingJwtDecoder decoder() {
		return decoder(TokenCacheSettings.DEFAULTS, Duration.ofMinutes(10));
	}

	private String token(String subject) {
		return gateway.token().subject(subject).sign();
	}

	private String tokenOfTheNextKey(String subject) {
		return this.next.token().issuer(gateway.issuer()).audience(AUDIENCE).subject(subject).sign();
	}

	@Test
	void tokenSeenAgainIsNotSignatureCheckedAgainButItsValidatorsRunEveryTime() {
		VerifyingJwtDecoder decoder = decoder();
		String token = token("alice");

		for (int i = 0; i < 5; i++) {
			assertThat(decoder.decode(token).getSubject()).isEqualTo("alice");
		}

		assertThat(this.signatureChecks).hasValue(1);
		assertThat(this.validatorRuns).hasValue(5);
		assertThat(decoder.tokenCacheStatistics()).isEqualTo(new TokenCacheStatistics(4, 1, 1,
				decoder.tokenCacheStatistics().estimatedBytes()));
	}

	@Test
	void cachedTokenIsRejectedOnceItExpiresAndLeavesTheCache() {
		VerifyingJwtDecoder decoder = decoder();
		String token = token("alice");
		decoder.decode(token);

		this.clock.advance(Duration.ofMinutes(61));

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("token expired");
		assertThat(decoder.tokenCacheStatistics().entries()).isZero();
	}

	@Test
	void cachedTokenIsRejectedWhenTheApplicationsValidatorChangesItsMind() {
		VerifyingJwtDecoder decoder = decoder();
		String token = token("mallory");
		decoder.decode(token);

		this.banned.set("mallory");

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("consumer is banned");
		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void tokenWhoseKeyLeavesTheKeySetStopsBeingServedWhenTheKeySetChanges() {
		VerifyingJwtDecoder decoder = decoder();
		String old = token("alice");
		decoder.decode(old);

		gateway.publish(this.next);
		decoder.decode(tokenOfTheNextKey("bob"));

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(old))
			.withMessage("token signature is not valid");
	}

	@Test
	void keyPublishedAgainUnchangedKeepsItsTokensCached() {
		VerifyingJwtDecoder decoder = decoder();
		String token = token("alice");
		decoder.decode(token);

		gateway.publish(gateway.key(), this.next);
		decoder.decode(tokenOfTheNextKey("bob"));
		int checks = this.signatureChecks.get();
		decoder.decode(token);

		assertThat(gateway.fetchCount()).isEqualTo(2);
		assertThat(this.signatureChecks).as("served from the cache").hasValue(checks);
		assertThat(checks).as("ed-1 for alice; ed-1, then k2 after the refetch, for bob").isEqualTo(3);
	}

	@Test
	void fullCacheLetsANewTokenInOnItsSecondVerificationAndEvictsTheOldest() {
		VerifyingJwtDecoder decoder = decoder(new TokenCacheSettings(3, 1024 * 1024), Duration.ofMinutes(10));
		List<String> tokens = List.of(token("a"), token("b"), token("c"),
				token("d"));
		tokens.forEach(decoder::decode);
		assertThat(decoder.tokenCacheStatistics().entries()).isEqualTo(3);

		decoder.decode(tokens.get(3));
		assertThat(this.signatureChecks).hasValue(5);
		decoder.decode(tokens.get(3));
		decoder.decode(tokens.get(1));
		assertThat(this.signatureChecks).as("d and b served from the cache").hasValue(5);
		decoder.decode(tokens.get(0));
		assertThat(this.signatureChecks).as("a, the oldest, evicted for d").hasValue(6);
		assertThat(decoder.tokenCacheStatistics().entries()).isEqualTo(3);
	}

	@Test
	void fullCacheKeepsItsEntriesWhenEveryTokenIsNew() {
		VerifyingJwtDecoder decoder = decoder(new TokenCacheSettings(3, 1024 * 1024), Duration.ofMinutes(10));
		List<String> cached = List.of(token("a"), token("b"), token("c"));
		cached.forEach(decoder::decode);

		for (int i = 0; i < 50; i++) {
			decoder.decode(token("new-" + i));
		}
		cached.forEach(decoder::decode);

		assertThat(this.signatureChecks).hasValue(53);
		assertThat(decoder.tokenCacheStatistics().entries()).isEqualTo(3);
	}

	@Test
	void cacheKeepsWithinItsBytes() {
		String token = token("a");
		long perEntry = 2L * token.length() + 1024;
		VerifyingJwtDecoder decoder = decoder(new TokenCacheSettings(1000, perEntry * 2 + 10), Duration.ofMinutes(10));

		for (String subject : List.of("a", "b", "c", "d")) {
			decoder.decode(token(subject));
		}

		assertThat(decoder.tokenCacheStatistics().entries()).isEqualTo(2);
		assertThat(decoder.tokenCacheStatistics().estimatedBytes()).isLessThanOrEqualTo(perEntry * 2 + 10);
	}

	@Test
	void floodOfBadTokensNeitherEntersTheCacheNorEvictsGoodOnes() {
		VerifyingJwtDecoder decoder = decoder(new TokenCacheSettings(2, 1024 * 1024), Duration.ofMinutes(10));
		String good = token("alice");
		decoder.decode(good);
		String genuine = token("mallory");
		String forgedBase = genuine.substring(0, genuine.lastIndexOf('.') + 1);

		for (int i = 0; i < 200; i++) {
			String forged = forgedBase + TestKey.ed25519("x").token().sign().substring(genuine.lastIndexOf('.') + 1);
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> decoder.decode(forged));
		}
		this.banned.set("alice-is-fine");

		assertThat(decoder.tokenCacheStatistics().entries()).isEqualTo(1);
		int checks = this.signatureChecks.get();
		decoder.decode(good);
		assertThat(this.signatureChecks).hasValue(checks);
	}

	@Test
	void nestedClaimsOfACachedTokenCannotBeChangedByOneRequestForTheNext() {
		VerifyingJwtDecoder decoder = decoder();
		String token = gateway.token().claim("data", Map.of("roles", List.of("reader"))).sign();
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) decoder.decode(token).getClaims().get("data");
		@SuppressWarnings("unchecked")
		List<String> roles = (List<String>) data.get("roles");

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> data.put("roles", List.of("admin")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> roles.add("admin"));
		assertThat(decoder.decode(token).getClaims().get("data")).isEqualTo(Map.of("roles", List.of("reader")));
	}

	@Test
	void disabledCacheVerifiesEveryTokenInFull() {
		VerifyingJwtDecoder decoder = decoder(TokenCacheSettings.DISABLED, Duration.ofMinutes(10));
		String token = token("alice");
		decoder.decode(token);
		decoder.decode(token);

		assertThat(this.signatureChecks).hasValue(2);
		assertThat(decoder.tokenCacheStatistics()).isEqualTo(TokenCacheStatistics.NONE);
	}

}
