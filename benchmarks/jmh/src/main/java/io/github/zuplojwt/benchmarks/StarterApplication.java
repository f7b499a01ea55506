package io.github.zuplojwt.benchmarks;

import io.github.zuplojwt.benchmarks.tokens.BenchmarkIssuer;
import io.github.zuplojwt.benchmarks.tokens.TokenMint;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The smallest application with the starter: no web server, only auto-configuration driven
 * by {@code zuplo.*} properties. Benchmarks take its
 * {@link org.springframework.security.oauth2.jwt.JwtDecoder} bean, as an application does,
 * so they keep working whatever the starter's internals look like.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StarterApplication {

	/**
	 * A full cache keeps the tokens it holds and lets new ones in only on their second
	 * verification, so it must be small next to a benchmark's distinct tokens: cycling through
	 * 4096 of them then meets a cached one about once in 500. {@code sameTokenAgain}'s one token
	 * still fits.
	 */
	static final int TOKEN_CACHE_ENTRIES = 8;

	/**
	 * Starts the application trusting the given issuer, requiring the minted tokens'
	 * audience and {@code account}, and allowing all three measured algorithms. The
	 * verified-token cache holds fewer tokens than the benchmarks cycle through, so a fresh
	 * token pays a cache miss and an insertion, as in production, and never hits.
	 */
	public static ConfigurableApplicationContext start(BenchmarkIssuer issuer) {
		return new SpringApplicationBuilder(StarterApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("zuplo.issuer=" + issuer.issuer(), "zuplo.audiences=" + TokenMint.AUDIENCE,
					"zuplo.required-claims.account=" + TokenMint.ACCOUNT, "zuplo.algorithms=EdDSA,RS256,ES256",
					"zuplo.token-cache.max-entries=" + TOKEN_CACHE_ENTRIES,
					"logging.level.root=warn")
			.run();
	}

}
