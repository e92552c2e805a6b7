package org.ecocalc.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Canonical JSON (RFC 8785) and SHA-256 of a run: the results document of a daily report of
 * {@link ParseBenchmark}'s data with the shipped packs (840 facility-days, 10 facilities and the
 * total; {@link #resultsBytes} bytes) canonicalised and hashed, which is what the manifest's
 * {@code results} hash costs. {@code digest}: the JSON text given; {@code manifest}: from the report
 * in memory (write the results JSON, canonicalise, hash), i.e. {@code RunManifest.resultsDigest}.
 * Score: ms per run; MB/s = resultsBytes / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CanonicalBenchmark {
    private CalculationRun run;
    private String resultsJson;
    /** The size of the results document, UTF-8 (printed in the setup). */
    public static long resultsBytes;

    @Setup
    public void setUp() {
        List<TelemetryRecord> records = Data.records(ParseBenchmark.FACILITIES, ParseBenchmark.HOURS);
        MethodSettings settings = MethodSettings.builder().period(PeriodUnit.DAY).build();
        run = CalculationRun.compute(EcoCalc.calculation(settings).withCarbon(CarbonContext.fromClasspath()), records);
        resultsJson = ReportJson.toResultsJson(run.report());
        resultsBytes = resultsJson.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("results document: " + resultsBytes + " bytes");
    }

    @Benchmark
    public String digest() {
        return CanonicalJson.digest(resultsJson);
    }

    @Benchmark
    public String manifest() {
        return org.ecocalc.core.manifest.RunManifest.resultsDigest(run.report());
    }
}
