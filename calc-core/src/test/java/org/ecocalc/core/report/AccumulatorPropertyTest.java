package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.ecocalc.core.Engine;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.telemetry.ComputeBlock;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.HardwareBlock;
import org.ecocalc.core.telemetry.TelemetryField;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.ecocalc.core.telemetry.WaterBlock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of the accumulator, over random data sets: records of three facilities with random
 * intervals (1 to 80 hours, so many cross day and month boundaries), random values with up to
 * four decimals, and fields present or absent at random. Seeded, so a failure reproduces.
 */
class AccumulatorPropertyTest {
    private static final long SEED = 424242L;
    private static final Instant BASE = Instant.parse("2026-01-25T00:00:00Z");
    private static final MethodSettings DAILY = MethodSettings.builder().period(PeriodUnit.DAY).lineageKeyLimit(5).build();
    private static final MethodSettings MONTHLY = MethodSettings.builder().period(PeriodUnit.MONTH).build();

    /** A data set: (seed, size) to records. */
    static Gen<List<TelemetryRecord>> datasets() {
        return longs().all().zip(integers().between(1, 60), (seed, n) -> dataset(new Random(seed), n, BigDecimal.ONE));
    }

    static List<TelemetryRecord> dataset(Random rnd, int n, BigDecimal scale) {
        List<TelemetryRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = BASE.plusSeconds(rnd.nextInt(24 * 20) * 1800L);
            Instant end = start.plusSeconds((1 + rnd.nextInt(160)) * 1800L);
            BigDecimal it = dec(rnd, 2000).multiply(scale);
            BigDecimal overhead = dec(rnd, 800).multiply(scale);
            EnergyBlock.Builder e = EnergyBlock.builder();
            if (rnd.nextInt(10) > 0) {
                e.facility(kwh(it.add(overhead))).it(kwh(it));
            }
            if (rnd.nextBoolean()) {
                e.cooling(kwh(overhead.multiply(new BigDecimal("0.5"))));
            }
            if (rnd.nextBoolean()) {
                e.reusedHeat(kwh(dec(rnd, 300).multiply(scale)));
            }
            WaterBlock.Builder w = WaterBlock.builder();
            if (rnd.nextBoolean()) {
                w.withdrawal(Quantity.of(dec(rnd, 5000).multiply(scale), Unit.L));
            }
            ComputeBlock.Builder c = ComputeBlock.builder();
            if (rnd.nextInt(4) > 0) {
                c.gpuHours(Quantity.of(dec(rnd, 900).multiply(scale), Unit.GPU_H));
            }
            if (rnd.nextBoolean()) {
                c.inferenceRequests(BigDecimal.valueOf(rnd.nextInt(100_000)).multiply(scale).setScale(0));
            }
            HardwareBlock.Builder h = HardwareBlock.builder();
            if (rnd.nextBoolean()) {
                h.utilizationPct(BigDecimal.valueOf(rnd.nextInt(10001), 2));
            }
            out.add(TelemetryRecord.builder().sourceId("src-" + rnd.nextInt(3)).externalEventId("e" + i)
                    .facilityId("dc-" + rnd.nextInt(3)).interval(start, end).energy(e.build()).water(w.build())
                    .compute(c.build()).hardware(h.build()).build());
        }
        return out;
    }

    private static BigDecimal dec(Random rnd, int max) {
        return BigDecimal.valueOf(rnd.nextInt(max * 10_000), 4);
    }

    private static Quantity kwh(BigDecimal v) {
        return Quantity.of(v, Unit.KWH);
    }

    /** The results as bytes: the report JSON with a fixed data-set summary. */
    static String render(ReportAccumulator.Results results, MethodSettings settings) {
        return ReportJson.toJson(new Report(Engine.NAME, Engine.VERSION, settings,
                new DatasetSummary("sha256:test", 0, 0, List.of()), 0, List.of(), 0, results));
    }

    static ReportAccumulator.Results accumulate(List<TelemetryRecord> records, MethodSettings settings) {
        ReportAccumulator acc = ReportAccumulator.create(settings);
        records.forEach(acc::add);
        return acc.results();
    }

    @Test
    void anyOrderGivesIdenticalBytes() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(datasets(), longs().all()).checkAssert((records, s) -> {
            List<TelemetryRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, new Random(s));
            assertThat(render(accumulate(shuffled, DAILY), DAILY)).isEqualTo(render(accumulate(records, DAILY), DAILY));
        });
    }

    @Test
    void anySplitAndMergeGivesIdenticalBytes() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(datasets(), longs().all()).checkAssert((records, s) -> {
            Random rnd = new Random(s);
            int parts = 1 + rnd.nextInt(6);
            List<ReportAccumulator> accs = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                accs.add(ReportAccumulator.create(DAILY));
            }
            for (TelemetryRecord r : records) {
                accs.get(rnd.nextInt(parts)).add(r);
            }
            // Merge as a random binary tree.
            while (accs.size() > 1) {
                ReportAccumulator a = accs.remove(rnd.nextInt(accs.size()));
                ReportAccumulator b = accs.remove(rnd.nextInt(accs.size()));
                accs.add(rnd.nextBoolean() ? a.merge(b) : b.merge(a));
            }
            assertThat(render(accs.get(0).results(), DAILY)).isEqualTo(render(accumulate(records, DAILY), DAILY));
        });
    }

    @Test
    void theParallelCollectorAgrees() {
        qt().withFixedSeed(SEED).withExamples(20).forAll(datasets()).checkAssert(records ->
                assertThat(render(records.parallelStream().collect(ReportAccumulator.collector(MONTHLY)), MONTHLY))
                        .isEqualTo(render(accumulate(records, MONTHLY), MONTHLY)));
    }

    @Test
    void energyIsConservedWhenIntervalsAreSplitAcrossPeriods() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(datasets()).checkAssert(records -> {
            ReportAccumulator.Results daily = accumulate(records, DAILY);
            for (TelemetryField f : List.of(TelemetryField.ENERGY_FACILITY, TelemetryField.ENERGY_IT,
                    TelemetryField.WATER_WITHDRAWAL, TelemetryField.COMPUTE_GPU_HOURS)) {
                BigDecimal inputs = records.stream().map(f::valueIn).filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal periods = BigDecimal.ZERO;
                for (GroupResult g : daily.groups()) {
                    BigDecimal v = sumOf(g, f);
                    periods = v == null ? periods : periods.add(v);
                }
                BigDecimal total = sumOf(daily.total(), f);
                // Exactly equal: the parts of a split value add up to the value.
                assertThat(periods).as(f.pointer()).isEqualByComparingTo(inputs);
                assertThat(total == null ? BigDecimal.ZERO : total).as(f.pointer()).isEqualByComparingTo(inputs);
            }
        });
    }

    private static BigDecimal sumOf(GroupResult g, TelemetryField f) {
        switch (f) {
            case ENERGY_FACILITY: return g.value(Metric.ACTIVITY_ENERGY_FACILITY_KWH);
            case ENERGY_IT: return g.value(Metric.ACTIVITY_ENERGY_IT_KWH);
            case WATER_WITHDRAWAL: return g.value(Metric.WATER_WITHDRAWAL_L);
            case COMPUTE_GPU_HOURS: return g.value(Metric.ACTIVITY_GPU_HOURS);
            default: throw new AssertionError(f);
        }
    }

    @Test
    void pueIsAtLeastOneWheneverFacilityIsAtLeastItAndItIsPositive() {
        // Every generated record has facility = IT + overhead >= IT; a group's PUE is therefore >= 1.
        qt().withFixedSeed(SEED).withExamples(100).forAll(datasets()).checkAssert(records -> {
            ReportAccumulator.Results res = accumulate(records, DAILY);
            List<GroupResult> all = new ArrayList<>(res.groups());
            all.addAll(res.facilities());
            all.add(res.total());
            for (GroupResult g : all) {
                MetricResult pue = g.metric(Metric.EFFICIENCY_PUE);
                for (MetricResult m : g.metrics().values()) {
                    if (m.confidence() != null) {
                        assertThat(m.confidence()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                    }
                }
                if (pue.isComputed()) {
                    assertThat(pue.value()).isGreaterThanOrEqualTo(BigDecimal.ONE);
                    // PUE × DCiE = 1 to the documented precision: each is one decimal128 rounding,
                    // so the product is within 1e-32 of 1.
                    BigDecimal product = pue.value().multiply(g.value(Metric.EFFICIENCY_DCIE));
                    assertThat(product.subtract(BigDecimal.ONE).abs()).isLessThanOrEqualTo(new BigDecimal("1e-32"));
                }
            }
        });
    }

    @Test
    void scalingEveryAmountScalesTotalsAndLeavesRatiosUnchanged() {
        // Law: multiplying every extensive input by k multiplies facility and total sums by k exactly
        // and leaves PUE, WUE and kWh/GPU-h unchanged (the same decimal128 quotient of k·a / k·b).
        qt().withFixedSeed(SEED).withExamples(50).forAll(longs().all(), integers().between(1, 40),
                integers().between(2, 1000)).checkAssert((seed, n, k) -> {
                    BigDecimal factor = BigDecimal.valueOf(k);
                    ReportAccumulator.Results base = accumulate(dataset(new Random(seed), n, BigDecimal.ONE), MONTHLY);
                    ReportAccumulator.Results scaled = accumulate(dataset(new Random(seed), n, factor), MONTHLY);
                    UnaryOperator<BigDecimal> times = v -> v == null ? null : v.multiply(factor);
                    for (Metric m : List.of(Metric.ACTIVITY_ENERGY_FACILITY_KWH, Metric.ACTIVITY_ENERGY_IT_KWH,
                            Metric.WATER_WITHDRAWAL_L, Metric.ACTIVITY_GPU_HOURS)) {
                        BigDecimal expected = times.apply(base.total().value(m));
                        if (expected == null) {
                            assertThat(scaled.total().value(m)).isNull();
                        } else {
                            assertThat(scaled.total().value(m)).as(m.id()).isEqualByComparingTo(expected);
                        }
                    }
                    for (Metric m : List.of(Metric.EFFICIENCY_PUE, Metric.WATER_WUE_L_PER_KWH,
                            Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH)) {
                        assertThat(scaled.total().value(m)).as(m.id()).isEqualTo(base.total().value(m));
                    }
                });
    }
}
