package org.ecocalc.bench;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryReader;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + validate + normalise: JSON Lines bytes in memory to {@code TelemetryRecord}s, one thread.
 * Data: 10 facilities × 2,000 hours = 20,000 hourly records (+ 30 contract records), about 17 MB.
 * Score: records per second (ops = records).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    static final int FACILITIES = 10;
    static final int HOURS = 2000;
    static final int RECORDS = FACILITIES * HOURS + FACILITIES * ((HOURS + 719) / 720);

    /** With the JSON Schema check (the reference) or the reader's own checks alone. */
    @Param({"true", "false"})
    public boolean schema;

    private byte[] input;
    private TelemetryReader reader;

    @Setup
    public void setUp() {
        input = Data.jsonLines(FACILITIES, HOURS);
        reader = TelemetryReader.builder().schemaValidation(schema).build();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void parse(Blackhole bh) {
        reader.read(new ByteArrayInputStream(input), "bench.jsonl", TelemetryReader.Format.JSON_LINES, new TelemetryHandler() {
            @Override
            public void onRecord(TelemetryRecord record, RecordLocation location) {
                bh.consume(record);
            }
        });
    }
}
