package io.github.zuplojwt.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark here inherits: average time per token in microseconds,
 * two forks of four 2-second warm-up and five 2-second measured iterations, on a fixed 1 GB
 * heap. The whole suite then takes about ten minutes on two cores; command-line options
 * ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}) override these.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public abstract class BenchmarkDefaults {

}
