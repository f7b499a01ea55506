package io.github.zuplojwt.benchmarks.tokens;

import java.time.Duration;
import java.util.List;

/**
 * A stand-in Zuplo gateway for measurements: fresh keys, their JWKS served on loopback, and
 * a mint for valid tokens of each {@link TokenAlgorithm}.
 */
public final class BenchmarkIssuer implements AutoCloseable {

	private final SigningKeys keys;

	private final JwksServer jwksServer;

	private final TokenMint mint;

	private BenchmarkIssuer(SigningKeys keys, JwksServer jwksServer, Duration tokenLifetime) {
		this.keys = keys;
		this.jwksServer = jwksServer;
		this.mint = new TokenMint(keys, jwksServer.issuer(), tokenLifetime);
	}

	/** Generates keys and starts serving their JWKS; tokens are valid for the given time. */
	public static BenchmarkIssuer start(Duration tokenLifetime) {
		SigningKeys keys = SigningKeys.generate();
		return new BenchmarkIssuer(keys, JwksServer.start(keys.publicJwks()), tokenLifetime);
	}

	public String issuer() {
		return this.jwksServer.issuer();
	}

	public String jwksUri() {
		return this.jwksServer.jwksUri();
	}

	public int jwksFetches() {
		return this.jwksServer.fetches();
	}

	public SigningKeys keys() {
		return this.keys;
	}

	/** One token, for the consumer named. */
	public SignedToken token(TokenAlgorithm algorithm, String consumer) {
		return this.mint.mint(algorithm, consumer);
	}

	/** {@code count} distinct tokens. */
	public List<SignedToken> distinctTokens(TokenAlgorithm algorithm, int count) {
		return this.mint.mintDistinct(algorithm, count);
	}

	/** {@code count} distinct tokens in their compact form. */
	public String[] distinctCompactTokens(TokenAlgorithm algorithm, int count) {
		return distinctTokens(algorithm, count).stream().map(SignedToken::compact).toArray(String[]::new);
	}

	@Override
	public void close() {
		this.jwksServer.close();
	}

}
