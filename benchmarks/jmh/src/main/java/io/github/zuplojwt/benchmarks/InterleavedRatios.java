package io.github.zuplojwt.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * The benchmarks' ratios measured so that they survive a busy machine. JMH runs one benchmark
 * after another, so when the machine's speed drifts from minute to minute (a shared two-core
 * virtual machine does) the ratio between two benchmarks drifts with it. Here the starter's
 * {@code freshToken}, the bare check and stock Spring's {@code freshToken} of one algorithm run
 * in turns, in slices of a few dozen milliseconds on one thread; each round of slices gives a
 * ratio, and the median over the rounds is reported with its quartiles.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.zuplojwt.benchmarks.InterleavedRatios \
 *     [--warmup-seconds 20] [--seconds 60] [--slice-millis 50] [--algorithms EdDSA,RS256,ES256]
 * </pre>
 *
 * The benchmarks' own setup runs first, so the same tokens, keys and applications are used.
 */
public final class InterleavedRatios {

	private static volatile int sink;

	private InterleavedRatios() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		long warmupNanos = Long.parseLong(options.getOrDefault("--warmup-seconds", "20")) * 1_000_000_000L;
		long measureNanos = Long.parseLong(options.getOrDefault("--seconds", "60")) * 1_000_000_000L;
		long sliceNanos = Long.parseLong(options.getOrDefault("--slice-millis", "50")) * 1_000_000L;
		System.out.println("| algorithm | floor µs/token | starter µs/token | stock Spring µs/token"
				+ " | starter ÷ floor, median [quartiles] | starter ÷ stock, median [quartiles] | rounds |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		for (String algorithm : options.getOrDefault("--algorithms", "EdDSA,RS256,ES256").split(",")) {
			System.out.println(measure(algorithm.trim(), warmupNanos, measureNanos, sliceNanos));
		}
	}

	private static String measure(String algorithm, long warmupNanos, long measureNanos, long sliceNanos)
			throws Exception {
		SignatureFloorBenchmark floor = new SignatureFloorBenchmark();
		floor.algorithm = algorithm;
		floor.distinctTokens = 4096;
		floor.setUp();
		StarterDecodeBenchmark starter = new StarterDecodeBenchmark();
		starter.algorithm = algorithm;
		starter.distinctTokens = 4096;
		starter.setUp();
		StockSpringDecodeBenchmark stock = null;
		List<Callable<Object>> candidates = new ArrayList<>();
		candidates.add(floor::bareVerify);
		TokenCursor starterCursor = new TokenCursor();
		candidates.add(() -> starter.freshToken(starterCursor));
		if (!"EdDSA".equals(algorithm)) {
			StockSpringDecodeBenchmark stockBenchmark = new StockSpringDecodeBenchmark();
			stockBenchmark.algorithm = algorithm;
			stockBenchmark.distinctTokens = 4096;
			stockBenchmark.setUp();
			stock = stockBenchmark;
			TokenCursor stockCursor = new TokenCursor();
			candidates.add(() -> stockBenchmark.freshToken(stockCursor));
		}
		try {
			rounds(candidates, warmupNanos, sliceNanos);
			List<double[]> rounds = rounds(candidates, measureNanos, sliceNanos);
			return row(algorithm, rounds);
		}
		finally {
			starter.tearDown();
			if (stock != null) {
				stock.tearDown();
			}
		}
	}

	/** Runs rounds of one slice per candidate until the time is up; each round's ns/op. */
	private static List<double[]> rounds(List<Callable<Object>> candidates, long nanos, long sliceNanos)
			throws Exception {
		List<double[]> rounds = new ArrayList<>();
		long end = System.nanoTime() + nanos;
		while (System.nanoTime() < end) {
			double[] round = new double[candidates.size()];
			for (int i = 0; i < candidates.size(); i++) {
				int candidate = (rounds.size() % 2 == 0) ? i : candidates.size() - 1 - i;
				round[candidate] = slice(candidates.get(candidate), sliceNanos);
			}
			rounds.add(round);
		}
		return rounds;
	}

	private static double slice(Callable<Object> operation, long sliceNanos) throws Exception {
		long start = System.nanoTime();
		long now;
		int operations = 0;
		do {
			sink ^= System.identityHashCode(operation.call());
			operations++;
			now = System.nanoTime();
		}
		while (now - start < sliceNanos);
		return (double) (now - start) / operations;
	}

	private static String row(String algorithm, List<double[]> rounds) {
		boolean withStock = rounds.get(0).length == 3;
		String stockTime = withStock ? micros(median(column(rounds, (r) -> r[2]))) : "cannot verify";
		String versusStock = withStock ? quartiles(column(rounds, (r) -> r[1] / r[2])) : "—";
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d |", algorithm,
				micros(median(column(rounds, (r) -> r[0]))), micros(median(column(rounds, (r) -> r[1]))), stockTime,
				quartiles(column(rounds, (r) -> r[1] / r[0])), versusStock, rounds.size());
	}

	private static double[] column(List<double[]> rounds, ToDoubleFunction<double[]> value) {
		double[] values = rounds.stream().mapToDouble(value).toArray();
		Arrays.sort(values);
		return values;
	}

	private static double median(double[] sorted) {
		return sorted[sorted.length / 2];
	}

	private static String micros(double nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1000);
	}

	private static String quartiles(double[] sorted) {
		return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", median(sorted), sorted[sorted.length / 4],
				sorted[sorted.length * 3 / 4]);
	}

}
