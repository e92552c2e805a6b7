package org.ecocalc.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine on parsed records: {@code ReportAccumulator.add} for every record, one thread, monthly
 * groups. {@code efficiency}: no factor packs (efficiency, water, hardware, quality sums);
 * {@code carbon}: the shipped packs too (grid factors, time-of-use split, instruments, fuel).
 * Data: 10 facilities × 2,000 hours. Score: records per second (ops = records); the final
 * {@code results()} is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    @Param({"efficiency", "carbon"})
    public String scope;

    private List<TelemetryRecord> records;
    private CarbonContext context;
    private final MethodSettings settings = MethodSettings.defaults();

    @Setup
    public void setUp() {
        records = Data.records(ParseBenchmark.FACILITIES, ParseBenchmark.HOURS);
        context = scope.equals("carbon") ? CarbonContext.fromClasspath() : CarbonContext.none();
    }

    @Benchmark
    @OperationsPerInvocation(ParseBenchmark.RECORDS)
    public ReportAccumulator add() {
        ReportAccumulator acc = ReportAccumulator.create(settings, context);
        for (TelemetryRecord r : records) {
            acc.add(r);
        }
        return acc;
    }
}
