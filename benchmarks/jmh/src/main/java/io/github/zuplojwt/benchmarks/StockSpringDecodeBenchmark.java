package io.github.zuplojwt.benchmarks;

import java.time.Duration;
import java.util.List;

import io.github.zuplojwt.benchmarks.tokens.BenchmarkIssuer;
import io.github.zuplojwt.benchmarks.tokens.TokenAlgorithm;
import io.github.zuplojwt.benchmarks.tokens.TokenMint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Stock Spring Security's {@link NimbusJwtDecoder}, built the way Spring Boot builds it from
 * {@code jwk-set-uri}, {@code issuer-uri} and {@code audiences} (plus an {@code account}
 * claim validator), on the same kind of tokens and loopback JWKS as
 * {@link StarterDecodeBenchmark#freshToken}. Stock Spring cannot verify EdDSA, so only RS256
 * and ES256 are measured.
 */
@State(Scope.Benchmark)
public class StockSpringDecodeBenchmark extends BenchmarkDefaults {

	@Param({ "RS256", "ES256" })
	public String algorithm;

	@Param("4096")
	public int distinctTokens;

	private BenchmarkIssuer issuer;

	private NimbusJwtDecoder decoder;

	private String[] tokens;

	@Setup(Level.Trial)
	public void setUp() {
		TokenAlgorithm tokenAlgorithm = TokenAlgorithm.valueOf(this.algorithm);
		this.issuer = BenchmarkIssuer.start(Duration.ofHours(1));
		NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(this.issuer.jwksUri());
		if (tokenAlgorithm == TokenAlgorithm.ES256) {
			builder.jwsAlgorithm(SignatureAlgorithm.ES256);
		}
		this.decoder = builder.build();
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(this.issuer.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audiences) -> audiences != null && audiences.contains(TokenMint.AUDIENCE)),
				new JwtClaimValidator<String>("account", TokenMint.ACCOUNT::equals)));
		this.tokens = this.issuer.distinctCompactTokens(tokenAlgorithm, this.distinctTokens);
		Jwt accepted = this.decoder.decode(this.issuer.token(tokenAlgorithm, "consumer-check").compact());
		if (!"consumer-check".equals(accepted.getSubject()) || this.issuer.jwksFetches() != 1) {
			throw new IllegalStateException("the stock decoder did not accept the benchmark token as set up");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.issuer.close();
	}

	@Benchmark
	public Jwt freshToken(TokenCursor cursor) {
		return this.decoder.decode(this.tokens[cursor.next(this.tokens.length)]);
	}

}
