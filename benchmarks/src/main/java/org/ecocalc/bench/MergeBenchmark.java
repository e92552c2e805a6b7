package org.ecocalc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merging partial accumulators, as a partitioned engine does: the 20,030 records of
 * {@link ParseBenchmark}'s data (10 facilities × 2,000 hours, with the shipped packs) split
 * round-robin into {@code partitions} accumulators, then merged into the first. Groups are monthly
 * ({@code month}: 30 facility-months) or daily ({@code day}: 840). Score: ms per full merge; the
 * partial accumulators are rebuilt before each merge and not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class MergeBenchmark {
    @Param({"8", "64"})
    public int partitions;

    @Param({"month", "day"})
    public String period;

    private List<TelemetryRecord> records;
    private CarbonContext context;
    private MethodSettings settings;
    private List<ReportAccumulator> parts;

    @Setup(Level.Trial)
    public void data() {
        records = Data.records(ParseBenchmark.FACILITIES, ParseBenchmark.HOURS);
        context = CarbonContext.fromClasspath();
        settings = MethodSettings.builder().period(PeriodUnit.valueOf(period.toUpperCase(java.util.Locale.ROOT))).build();
    }

    @Setup(Level.Invocation)
    public void split() {
        parts = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            parts.add(ReportAccumulator.create(settings, context));
        }
        for (int i = 0; i < records.size(); i++) {
            parts.get(i % partitions).add(records.get(i));
        }
    }

    @Benchmark
    public ReportAccumulator merge() {
        ReportAccumulator into = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            into.merge(parts.get(i));
        }
        return into;
    }
}
