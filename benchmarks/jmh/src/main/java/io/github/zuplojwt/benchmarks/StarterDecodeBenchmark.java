package io.github.zuplojwt.benchmarks;

import java.time.Duration;

import io.github.zuplojwt.benchmarks.tokens.BenchmarkIssuer;
import io.github.zuplojwt.benchmarks.tokens.TokenAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The starter's {@link JwtDecoder} (parse, verify the signature, validate the claims) on
 * valid tokens whose keys are already cached.
 * <ul>
 * <li>{@code freshToken}: a different token every operation, cycling through
 * {@code distinctTokens} tokens that the decoder has not seen before the run: the full price
 * of a token. Keep {@code distinctTokens} above the capacity of any verified-token cache, or
 * this measures cache hits.</li>
 * <li>{@code sameTokenAgain}: one token, decoded once before measurement and then again and
 * again: the path a verified-token cache makes cheap.</li>
 * </ul>
 */
@State(Scope.Benchmark)
public class StarterDecodeBenchmark extends BenchmarkDefaults {

	@Param({ "EdDSA", "RS256", "ES256" })
	public String algorithm;

	@Param("4096")
	public int distinctTokens;

	private BenchmarkIssuer issuer;

	private ConfigurableApplicationContext application;

	private JwtDecoder decoder;

	private String[] tokens;

	private String sameToken;

	@Setup(Level.Trial)
	public void setUp() {
		TokenAlgorithm tokenAlgorithm = TokenAlgorithm.valueOf(this.algorithm);
		this.issuer = BenchmarkIssuer.start(Duration.ofHours(1));
		this.application = StarterApplication.start(this.issuer);
		this.decoder = this.application.getBean(JwtDecoder.class);
		this.tokens = this.issuer.distinctCompactTokens(tokenAlgorithm, this.distinctTokens);
		this.sameToken = this.issuer.token(tokenAlgorithm, "consumer-same").compact();
		// Fetches the keys; the pool's tokens stay unseen until they are measured.
		Jwt accepted = this.decoder.decode(this.sameToken);
		if (!"consumer-same".equals(accepted.getSubject()) || this.issuer.jwksFetches() != 1) {
			throw new IllegalStateException("the decoder did not accept the benchmark token as set up");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.application.close();
		this.issuer.close();
	}

	@Benchmark
	public Jwt freshToken(TokenCursor cursor) {
		return this.decoder.decode(this.tokens[cursor.next(this.tokens.length)]);
	}

	@Benchmark
	public Jwt sameTokenAgain() {
		return this.decoder.decode(this.sameToken);
	}

}
