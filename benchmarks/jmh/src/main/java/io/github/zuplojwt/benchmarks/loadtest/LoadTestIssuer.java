package io.github.zuplojwt.benchmarks.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.zuplojwt.benchmarks.tokens.BenchmarkIssuer;
import io.github.zuplojwt.benchmarks.tokens.TokenAlgorithm;
import io.github.zuplojwt.benchmarks.tokens.TokenMint;

/**
 * The load test's gateway: generates RSA and Ed25519 keys, serves their JWKS on a loopback
 * port, writes pre-minted tokens to files, then serves until it is stopped or its time is
 * up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.zuplojwt.benchmarks.loadtest.LoadTestIssuer \
 *     --out DIR [--tokens 20000] [--lifetime PT2H] [--serve-for PT1H]
 * </pre>
 *
 * Files written to {@code DIR}: {@code issuer.txt} (the issuer URL), {@code audience.txt},
 * {@code account.txt}, and for {@code rs256} and {@code eddsa}: {@code <alg>-reused.txt}
 * (one token) and {@code <alg>-distinct.txt} ({@code --tokens} distinct tokens, one a line);
 * {@code ready} last, once everything is in place.
 */
public final class LoadTestIssuer {

	private LoadTestIssuer() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Map<String, String> options = options(args);
		Path out = Path.of(required(options, "--out"));
		int count = Integer.parseInt(options.getOrDefault("--tokens", "20000"));
		Duration lifetime = Duration.parse(options.getOrDefault("--lifetime", "PT2H"));
		Duration serveFor = Duration.parse(options.getOrDefault("--serve-for", "PT1H"));
		Files.createDirectories(out);
		BenchmarkIssuer issuer = BenchmarkIssuer.start(lifetime);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("JWKS fetches: " + issuer.jwksFetches())));
		Files.writeString(out.resolve("issuer.txt"), issuer.issuer() + "\n");
		Files.writeString(out.resolve("audience.txt"), TokenMint.AUDIENCE + "\n");
		Files.writeString(out.resolve("account.txt"), TokenMint.ACCOUNT + "\n");
		for (TokenAlgorithm algorithm : List.of(TokenAlgorithm.RS256, TokenAlgorithm.EdDSA)) {
			String name = algorithm.name().toLowerCase(Locale.ROOT);
			Files.writeString(out.resolve(name + "-reused.txt"),
					issuer.token(algorithm, "consumer-reused").compact() + "\n");
			Files.write(out.resolve(name + "-distinct.txt"),
					Arrays.asList(issuer.distinctCompactTokens(algorithm, count)));
		}
		Files.writeString(out.resolve("ready"), "");
		System.out.println("Serving the JWKS of " + issuer.issuer() + " for " + serveFor);
		Thread.sleep(serveFor.toMillis());
		issuer.close();
	}

	private static Map<String, String> options(String[] args) {
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("options come in pairs: --name value");
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

}
