package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.Engine;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

/**
 * Partial accumulators travel between the workers of a partitioned engine (Spark, Flink) by Java
 * serialisation: the sums go, the carbon context stays. A deserialised accumulator is re-attached
 * to the context and merged; the results must be those of one accumulator fed every record.
 * Data: the benchmark week of {@code examples/data} (two facilities, 336 hourly records), with the
 * shipped packs and the example asset registry, so every carbon channel is exercised.
 */
class AccumulatorSerializationTest {
    private static final Path DATA = Path.of("..", "examples", "data");
    private static final List<TelemetryRecord> RECORDS = TelemetryReader.standard()
            .readAll(DATA.resolve("benchmark-telemetry.json")).records();
    private static final CarbonContext CONTEXT = CarbonContext.builder(ShippedPacks.LIBRARY)
            .assets(AssetRegistry.read(DATA.resolve("assets.json"))).build();
    private static final MethodSettings DAILY = MethodSettings.builder().period(PeriodUnit.DAY).lineageKeyLimit(30)
            .build();

    static byte[] serialise(Object o) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static ReportAccumulator fed(List<TelemetryRecord> records, MethodSettings settings) {
        ReportAccumulator acc = ReportAccumulator.create(settings, CONTEXT);
        records.forEach(acc::add);
        return acc;
    }

    /** The results document's canonical hash (what the manifest's {@code results} member holds). */
    private static String resultsHash(ReportAccumulator acc, MethodSettings settings) {
        DatasetDigest d = new DatasetDigest();
        RECORDS.forEach(d::add);
        Report r = new Report(Engine.NAME, Engine.VERSION, settings, d.summary(), 0, List.of(), 0, acc.results());
        return RunManifest.of(r).results();
    }

    @Test
    void halfFilledAccumulatorsSurviveSerialisationAndMergeToTheSameResults() {
        int half = RECORDS.size() / 2;
        ReportAccumulator first = fed(RECORDS.subList(0, half), DAILY);
        ReportAccumulator second = fed(RECORDS.subList(half, RECORDS.size()), DAILY);

        ReportAccumulator a = deserialise(serialise(first));
        ReportAccumulator b = deserialise(serialise(second));
        assertThat(a.hasContext()).isFalse();
        assertThat(a.settings()).isEqualTo(DAILY);
        a.merge(b).withContext(CONTEXT);

        ReportAccumulator whole = fed(RECORDS, DAILY);
        assertThat(a.results()).isEqualTo(whole.results());
        assertThat(resultsHash(a, DAILY)).isEqualTo(resultsHash(whole, DAILY));

        // Hand-worked values of examples/data/README.md, recomputed independently by generate.py
        // (expected.txt), asserted on the merged accumulator to show nothing was lost in transit:
        // fra-1 PUE = 210,840 / 161,000 kWh, one rounding to 34 digits (decimal128, half-even);
        // fra-1 market-based Scope 2: GOs cover 105,420 kWh at 0, the other 105,420 kWh at Germany's
        // 344.14 g/kWh (Ember 2024) = 36,279.2388 kg;
        // sto-1 embodied: 128 servers, 897,536 kg over a 35,040 h life, 168 h: 897,536 × 168 / 35,040.
        ReportAccumulator.Results r = a.results();
        GroupResult fra = r.facilities().get(0);
        GroupResult sto = r.facilities().get(1);
        assertThat(fra.facilityId()).isEqualTo("fra-1");
        assertThat(fra.value(Metric.EFFICIENCY_PUE)).isEqualTo(new BigDecimal("1.309565217391304347826086956521739"));
        assertThat(fra.value(Metric.CARBON_SCOPE2_MARKET_KGCO2E)).isEqualByComparingTo("36279.2388");
        assertThat(sto.value(Metric.CARBON_EMBODIED_KGCO2E))
                .isEqualByComparingTo("4303.254794520547945205479452054795");
    }

    /**
     * Any number of partitions (1–8), any assignment of records to them, serialised and merged in
     * any order: the same results hash as one accumulator. QuickTheories, seeded.
     */
    @Test
    void anyPartitioningSerialisedAndMergedInAnyOrderGivesTheSameResults() {
        MethodSettings monthly = MethodSettings.builder().period(PeriodUnit.MONTH).build();
        String expected = resultsHash(fed(RECORDS, monthly), monthly);
        qt().withFixedSeed(20261123L).withExamples(12).forAll(integers().between(1, 8), longs().all())
                .checkAssert((partitions, seed) -> {
                    Random rnd = new Random(seed);
                    List<List<TelemetryRecord>> parts = new ArrayList<>();
                    for (int p = 0; p < partitions; p++) {
                        parts.add(new ArrayList<>());
                    }
                    for (TelemetryRecord r : RECORDS) {
                        parts.get(rnd.nextInt(partitions)).add(r);
                    }
                    List<ReportAccumulator> travelled = new ArrayList<>();
                    for (List<TelemetryRecord> part : parts) {
                        travelled.add(deserialise(serialise(fed(part, monthly))));
                    }
                    Collections.shuffle(travelled, rnd);
                    ReportAccumulator total = deserialise(serialise(ReportAccumulator.create(monthly)));
                    for (ReportAccumulator t : travelled) {
                        total.merge(t);
                    }
                    assertThat(resultsHash(total.withContext(CONTEXT), monthly)).isEqualTo(expected);
                });
    }

    @Test
    void theCarbonContextIsNeverSerialised() {
        byte[] bytes = serialise(fed(RECORDS, DAILY));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // Class descriptors name every serialised class; none of the context's may appear.
        assertThat(text).doesNotContain("CarbonContext", "CarbonCalculator", "FactorLibrary", "FactorPack",
                "FactorSelector", "AssetRegistry", "MethodSettings");
        assertThat(text).contains("ReportAccumulator$SerialForm");
    }

    @Test
    void aDetachedAccumulatorRefusesToAddOrComputeUntilAttached() {
        ReportAccumulator detached = deserialise(serialise(fed(RECORDS.subList(0, 10), DAILY)));
        assertThatThrownBy(() -> detached.add(RECORDS.get(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withContext");
        assertThatThrownBy(detached::results).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deserialised without its carbon context");
        detached.withContext(CONTEXT);
        assertThat(detached.hasContext()).isTrue();
        assertThat(detached.add(RECORDS.get(10))).isTrue();
    }

    @Test
    void datasetDigestAndKeysSurviveSerialisation() {
        DatasetDigest d = new DatasetDigest();
        RECORDS.subList(0, 100).forEach(d::add);
        DatasetDigest back = deserialise(serialise(d));
        RECORDS.subList(100, RECORDS.size()).forEach(back::add);
        DatasetDigest whole = new DatasetDigest();
        RECORDS.forEach(whole::add);
        assertThat(back.summary()).isEqualTo(whole.summary());
        IdempotencyKey k = RECORDS.get(0).key();
        assertThat((IdempotencyKey) deserialise(serialise(k))).isEqualTo(k);
    }

    /** {@code add(key, digest)} is {@code add(record)} for engines that move records as their digests. */
    @Test
    void addingByDigestEqualsAddingTheRecord() {
        DatasetDigest byRecord = new DatasetDigest();
        DatasetDigest byDigest = new DatasetDigest();
        for (TelemetryRecord r : RECORDS) {
            assertThat(byDigest.add(r.key(), DatasetDigest.recordDigest(r))).isEqualTo(byRecord.add(r));
        }
        TelemetryRecord r = RECORDS.get(0);
        assertThat(byDigest.add(r.key(), DatasetDigest.recordDigest(RECORDS.get(1))))
                .isEqualTo(DatasetDigest.Status.CONFLICT);
        assertThat(byDigest.summary().conflicts()).containsExactly(r.key());
        assertThatThrownBy(() -> byDigest.add(r.key(), "sha256:ABC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a record digest");
    }
}
