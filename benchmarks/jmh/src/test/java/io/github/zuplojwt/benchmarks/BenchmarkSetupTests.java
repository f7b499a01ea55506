package io.github.zuplojwt.benchmarks;

import java.util.Arrays;

import io.github.zuplojwt.benchmarks.tokens.TokenMint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark measures what its name says: the starter's and stock Spring's decoders
 * accept each measured token and return its claims, and the bare check accepts the tokens'
 * signatures and refuses an altered one. Each benchmark body runs a few times here, on tiny
 * pools; the benchmarks themselves run only from the benchmarks jar.
 */
class BenchmarkSetupTests {

	@ParameterizedTest
	@ValueSource(strings = { "EdDSA", "RS256", "ES256" })
	void theStarterAcceptsEveryFreshTokenAndTheSameTokenAgain(String algorithm) {
		StarterDecodeBenchmark benchmark = new StarterDecodeBenchmark();
		benchmark.algorithm = algorithm;
		benchmark.distinctTokens = 3;
		benchmark.setUp();
		try {
			TokenCursor cursor = new TokenCursor();
			Jwt[] decoded = { benchmark.freshToken(cursor), benchmark.freshToken(cursor), benchmark.freshToken(cursor),
					benchmark.freshToken(cursor) };
			assertThat(Arrays.stream(decoded).map(Jwt::getSubject)).containsExactly("consumer-000000",
					"consumer-000001", "consumer-000002", "consumer-000000");
			assertThat(decoded[0].getClaimAsString("account")).isEqualTo(TokenMint.ACCOUNT);
			assertThat(decoded[0].getAudience()).containsExactly(TokenMint.AUDIENCE);
			assertThat(benchmark.sameTokenAgain().getSubject()).isEqualTo("consumer-same");
			assertThat(benchmark.sameTokenAgain().getSubject()).isEqualTo("consumer-same");
		}
		finally {
			benchmark.tearDown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256" })
	void stockSpringAcceptsEveryFreshToken(String algorithm) {
		StockSpringDecodeBenchmark benchmark = new StockSpringDecodeBenchmark();
		benchmark.algorithm = algorithm;
		benchmark.distinctTokens = 2;
		benchmark.setUp();
		try {
			TokenCursor cursor = new TokenCursor();
			assertThat(benchmark.freshToken(cursor).getSubject()).isEqualTo("consumer-000000");
			assertThat(benchmark.freshToken(cursor).getSubject()).isEqualTo("consumer-000001");
		}
		finally {
			benchmark.tearDown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "EdDSA", "RS256", "ES256" })
	void theBareCheckAcceptsTheTokensSignaturesAndRefusesAnAlteredOne(String algorithm) throws Exception {
		SignatureFloorBenchmark benchmark = new SignatureFloorBenchmark();
		benchmark.algorithm = algorithm;
		benchmark.distinctTokens = 2;
		benchmark.setUp();
		assertThat(benchmark.bareVerify()).isTrue();
		assertThat(benchmark.bareVerify()).isTrue();
		assertThat(benchmark.bareVerify()).isTrue();
		byte[][] accepted = benchmark.firstToken();
		byte[] altered = accepted[0].clone();
		altered[altered.length - 1] ^= 1;
		assertThat(benchmark.verifies(accepted[0], accepted[1])).isTrue();
		assertThat(benchmark.verifies(altered, accepted[1])).isFalse();
	}

}
