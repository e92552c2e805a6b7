package org.ecocalc.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ecocalc.core.Engine;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.telemetry.ComputeBlock;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.ecocalc.core.telemetry.WaterBlock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same inputs, same manifest bytes: across repeated runs, shuffled inputs, files split and laid out
 * differently, and one thread or many. (The JDK 17 / JDK 25 comparison is
 * {@code scripts/determinism.sh}; see docs/run-manifest.md.) Seeded.
 */
class RunDeterminismTest {
    private static final long SEED = 20261123L;
    private static final MethodSettings DAILY = MethodSettings.builder().period(PeriodUnit.DAY).lineageKeyLimit(4).build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** Random records of three facilities over ten days, with repeats (same content) and conflicts (same key, other content). */
    static List<TelemetryRecord> dataset(long seed, int n) {
        Random rnd = new Random(seed);
        Instant base = Instant.parse("2026-03-28T00:00:00Z");
        List<TelemetryRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = base.plusSeconds(rnd.nextInt(480) * 1800L);
            TelemetryRecord r = TelemetryRecord.builder().sourceId("src-" + rnd.nextInt(3)).externalEventId("e" + i)
                    .facilityId("dc-" + rnd.nextInt(3)).interval(start, start.plusSeconds((1 + rnd.nextInt(100)) * 1800L))
                    .energy(EnergyBlock.builder().facility(kwh(rnd, 3000)).it(kwh(rnd, 2000)).build())
                    .water(rnd.nextBoolean() ? WaterBlock.builder().withdrawal(Quantity.of(dec(rnd, 900), Unit.L)).build() : null)
                    .compute(ComputeBlock.builder().gpuHours(Quantity.of(dec(rnd, 500), Unit.GPU_H)).build())
                    .build();
            out.add(r);
            if (rnd.nextInt(8) == 0) {
                out.add(r);
            }
            if (rnd.nextInt(12) == 0) {
                out.add(TelemetryRecord.builder().key(r.key()).interval(r.interval()).place(r.place())
                        .energy(EnergyBlock.builder().facility(kwh(rnd, 3000)).build()).build());
            }
        }
        return out;
    }

    private static Quantity kwh(Random rnd, int max) {
        return Quantity.of(dec(rnd, max), Unit.KWH);
    }

    private static BigDecimal dec(Random rnd, int max) {
        return BigDecimal.valueOf(rnd.nextInt(max * 1000), 3);
    }

    private static byte[] manifestBytes(List<TelemetryRecord> records) {
        return CalculationRun.compute(records, DAILY).manifest().toCanonicalBytes();
    }

    @Test
    void repeatedRunsGiveTheSameBytes() {
        List<TelemetryRecord> records = dataset(SEED, 200);
        CalculationRun first = CalculationRun.compute(records, DAILY);
        for (int i = 0; i < 3; i++) {
            CalculationRun again = CalculationRun.compute(records, DAILY);
            assertThat(again.manifest().toJson()).isEqualTo(first.manifest().toJson());
            assertThat(again.toJson()).isEqualTo(first.toJson());
        }
    }

    @Test
    void shuffledInputsGiveTheSameManifestBytes() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(longs().all(), integers().between(0, 120), longs().all())
                .checkAssert((seed, n, shuffle) -> {
                    List<TelemetryRecord> records = dataset(seed, n);
                    List<TelemetryRecord> shuffled = new ArrayList<>(records);
                    Collections.shuffle(shuffled, new Random(shuffle));
                    assertThat(manifestBytes(shuffled)).isEqualTo(manifestBytes(records));
                });
    }

    /** Files: one JSON array, or the shuffled records spread over several .jsonl files of a directory. */
    @Test
    void filesSplitAndLaidOutDifferentlyGiveTheSameManifest(@TempDir Path dir) throws IOException {
        List<TelemetryRecord> records = dataset(SEED + 1, 150);
        Path one = dir.resolve("one.json");
        List<String> lines = new ArrayList<>();
        for (TelemetryRecord r : records) {
            lines.add(TelemetryJson.toJson(r));
        }
        Files.writeString(one, "[\n" + String.join(",\n", lines) + "\n]\n", StandardCharsets.UTF_8);
        Path parts = Files.createDirectory(dir.resolve("parts"));
        Collections.shuffle(lines, new Random(SEED));
        for (int p = 0; p < 4; p++) {
            StringBuilder b = new StringBuilder();
            for (int i = p; i < lines.size(); i += 4) {
                b.append(lines.get(i)).append('\n');
            }
            Files.writeString(parts.resolve("part-" + p + ".jsonl"), b, StandardCharsets.UTF_8);
        }
        RunManifest fromOne = CalculationRun.compute(one, DAILY).manifest();
        RunManifest fromParts = CalculationRun.compute(parts, DAILY).manifest();
        assertThat(fromParts.toJson()).isEqualTo(fromOne.toJson());
        assertThat(fromOne).isEqualTo(CalculationRun.compute(records, DAILY).manifest());
    }

    /**
     * Many threads: the recipe of docs/run-manifest.md for a partitioned engine (Spark, Flink). Pass 1
     * builds {@link DatasetDigest}s in parallel and merges them (it knows the repeats and conflicts);
     * pass 2 partitions the records by idempotency key (so repeats meet in one partition), counts each
     * key once, skips conflicts, and merges the {@link ReportAccumulator}s. The manifest equals the
     * single-threaded one.
     */
    @Test
    void oneThreadOrManyGiveTheSameManifest() {
        qt().withFixedSeed(SEED).withExamples(15).forAll(longs().all(), integers().between(0, 150), integers().between(1, 8))
                .checkAssert((seed, n, partitions) -> {
                    List<TelemetryRecord> records = dataset(seed, n);
                    Report parallel = parallel(records, DAILY, partitions);
                    assertThat(RunManifest.of(parallel).toCanonicalBytes()).isEqualTo(manifestBytes(records));
                });
    }

    static Report parallel(List<TelemetryRecord> records, MethodSettings settings, int partitions) {
        try {
            List<Future<DatasetDigest>> digests = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int part = p;
                digests.add(POOL.submit(() -> {
                    DatasetDigest d = new DatasetDigest();
                    for (int i = part; i < records.size(); i += partitions) {
                        d.add(records.get(i));
                    }
                    return d;
                }));
            }
            DatasetDigest digest = new DatasetDigest();
            for (Future<DatasetDigest> f : digests) {
                digest.merge(f.get());
            }
            List<Future<ReportAccumulator>> accs = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int part = p;
                accs.add(POOL.submit(() -> {
                    ReportAccumulator acc = ReportAccumulator.create(settings);
                    Set<IdempotencyKey> seen = new HashSet<>();
                    for (TelemetryRecord r : records) {
                        if (Math.floorMod(r.key().hashCode(), partitions) == part && !digest.isConflict(r.key())
                                && seen.add(r.key())) {
                            acc.add(r);
                        }
                    }
                    return acc;
                }));
            }
            ReportAccumulator total = ReportAccumulator.create(settings);
            for (Future<ReportAccumulator> f : accs) {
                total.merge(f.get());
            }
            return new Report(Engine.NAME, Engine.VERSION, settings, digest.summary(), 0, List.of(), 0, total.results());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
