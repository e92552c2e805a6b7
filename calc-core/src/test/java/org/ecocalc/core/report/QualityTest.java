package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.quality.OutlierMethod;
import org.ecocalc.core.quality.QualitySettings;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

/** Data quality and confidence, against values worked by hand (docs/methodology.md, "Data quality"). */
class QualityTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    static TelemetryRecord hourly(String source, int hour, String kwh, Integer latency) {
        Instant s = T0.plusSeconds(3600L * hour);
        TelemetryRecord.Builder b = TelemetryRecord.builder().sourceId(source).externalEventId("h" + hour).facilityId("dc-1")
                .interval(s, s.plusSeconds(3600))
                .energy(EnergyBlock.builder().facility(Quantity.of(kwh, Unit.KWH)).build());
        if (latency != null) {
            b.observedAt(s.plusSeconds(3600)).ingestedAt(s.plusSeconds(3600L + latency));
        }
        return b.build();
    }

    /** The group of facility dc-1 (every record here is of dc-1; the total names the facility in its notes). */
    static GroupResult total(MethodSettings s, List<TelemetryRecord> records) {
        var report = EcoCalc.calculation(s).withCarbon(CarbonContext.none()).report(records);
        assertThat(report.total().value(Metric.QUALITY_COMPLETENESS_PCT))
                .isEqualTo(report.facility("dc-1").value(Metric.QUALITY_COMPLETENESS_PCT));
        return report.facility("dc-1");
    }

    @Test
    void completenessFromTheInferredOrDeclaredCadence() {
        // Source A: hours 0, 1, 3 of a 4-hour span (0-4): cadence inferred 3600 s (every record is 1 h),
        // expected 4, received 3 → 75 %. Source B reports hours 0 and 3 only: (3 + 2) / (4 + 4) = 62.5 %.
        List<TelemetryRecord> a = List.of(hourly("a", 0, "1", null), hourly("a", 1, "1", null), hourly("a", 3, "1", null));
        GroupResult g = total(MethodSettings.defaults(), a);
        assertThat(g.value(Metric.QUALITY_COMPLETENESS_PCT)).isEqualByComparingTo("75");
        List<TelemetryRecord> ab = new ArrayList<>(a);
        ab.add(hourly("b", 0, "1", null));
        ab.add(hourly("b", 3, "1", null));
        assertThat(total(MethodSettings.defaults(), ab).value(Metric.QUALITY_COMPLETENESS_PCT)).isEqualByComparingTo("62.5");
        // Declared cadence of 30 min for A: expected 8, received 3 → 37.5 %.
        MethodSettings halfHour = MethodSettings.builder().quality(QualitySettings.builder()
                .cadence("a", BigDecimal.valueOf(1800)).build()).build();
        assertThat(total(halfHour, a).value(Metric.QUALITY_COMPLETENESS_PCT)).isEqualByComparingTo("37.5");
        assertThat(total(halfHour, a).metric(Metric.QUALITY_COMPLETENESS_PCT).lineage().notes())
                .containsExactly("source a: 3 of 8 expected records (declared cadence 1800 s)");
    }

    @Test
    void aRecordSplitOverTwoDaysCountsHalfInEach() {
        // 22:00-24:00 and 00:00-02:00 are 2-hour records; a third, 23:00-01:00, straddles midnight.
        // By day the span of day 1 is 22:00-24:00 (2 h, cadence 2 h → 1 expected), received 1 + 0.5.
        // It is capped at what was expected: min(1.5, 1) / 1 = 100 %.
        Instant d = Instant.parse("2026-06-01T22:00:00Z");
        List<TelemetryRecord> r = List.of(
                rec("a", "x1", d, d.plusSeconds(7200)), rec("a", "x2", d.plusSeconds(7200), d.plusSeconds(14400)),
                rec("a", "x3", d.plusSeconds(3600), d.plusSeconds(10800)));
        var res = EcoCalc.calculation(MethodSettings.builder().period(PeriodUnit.DAY).build())
                .withCarbon(CarbonContext.none()).report(r);
        assertThat(res.groups().get(0).value(Metric.QUALITY_COMPLETENESS_PCT)).isEqualByComparingTo("100");
        // Over the facility, each record counts once: span 4 h / cadence 2 h = 2 expected, 3 received → 100 %.
        assertThat(res.facility("dc-1").value(Metric.QUALITY_COMPLETENESS_PCT)).isEqualByComparingTo("100");
    }

    static TelemetryRecord rec(String source, String id, Instant s, Instant e) {
        return TelemetryRecord.builder().sourceId(source).externalEventId(id).facilityId("dc-1").interval(s, e)
                .energy(EnergyBlock.builder().facility(Quantity.of("1", Unit.KWH)).build()).build();
    }

    @Test
    void latencyPercentilesByNearestRank() {
        // Latencies 10, 20, 30, 40 and 100 s. Nearest rank: p50 = value of rank ceil(0.5 × 5) = 3 → 30;
        // p95 = rank ceil(0.95 × 5) = 5 → 100; max 100. One record ingested 5 s before it was observed is left out.
        List<TelemetryRecord> r = List.of(hourly("a", 0, "1", 10), hourly("a", 1, "1", 20), hourly("a", 2, "1", 30),
                hourly("a", 3, "1", 40), hourly("a", 4, "1", 100), hourly("a", 5, "1", -5));
        GroupResult g = total(MethodSettings.defaults(), r);
        assertThat(g.value(Metric.QUALITY_LATENCY_P50_S)).isEqualByComparingTo("30");
        assertThat(g.value(Metric.QUALITY_LATENCY_P95_S)).isEqualByComparingTo("100");
        assertThat(g.value(Metric.QUALITY_LATENCY_MAX_S)).isEqualByComparingTo("100");
        assertThat(g.metric(Metric.QUALITY_LATENCY_P50_S).lineage().notes())
                .containsExactly("1 records ingested before they were observed (clock skew): not in the latency statistics");
    }

    private static List<BigDecimal> dec(String... xs) {
        List<BigDecimal> out = new ArrayList<>();
        for (String x : xs) {
            out.add(new BigDecimal(x));
        }
        return out;
    }

    @Test
    void zScoreOutliers() {
        QualityMetrics q = new QualityMetrics(QualitySettings.defaults());
        // 19 × 10 and one 100: mean 14.5; Σ(x − mean)² = 19 × 4.5² + 85.5² = 384.75 + 7,310.25 = 7,695;
        // s² = 7,695 / 19 = 405, s = 20.12; z(100) = 85.5 / 20.12 = 4.25 > 3: one outlier; z(10) = 0.22.
        List<BigDecimal> xs = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            xs.add(BigDecimal.TEN);
        }
        xs.add(BigDecimal.valueOf(100));
        assertThat(q.zOutliers(xs)).isEqualTo(1);
        // With ten values the largest z-score possible is (n − 1)/√n = 2.85 < 3 (Shiffler 1988): none.
        assertThat(q.zOutliers(dec("10", "10", "10", "10", "10", "10", "10", "10", "10", "1000"))).isZero();
    }

    @Test
    void madOutliersForShortSeries() {
        QualityMetrics q = new QualityMetrics(QualitySettings.builder().outliers(OutlierMethod.MAD, null).build());
        // 9, 9, 10, 10, 10, 11, 11, 50: median (10 + 10) / 2 = 10; |x − 10| = 1, 1, 0, 0, 0, 1, 1, 40;
        // MAD = median = (1 + 1) / 2 = 1; 0.6745 × 40 / 1 = 26.98 > 3.5 → 50 is an outlier; 0.6745 × 1 < 3.5.
        assertThat(q.madOutliers(dec("9", "10", "11", "10", "9", "11", "10", "50"))).isEqualTo(1);
        // The short series that z-scores cannot flag: MAD 0, so every value off the median is an outlier.
        assertThat(q.madOutliers(dec("10", "10", "10", "10", "10", "10", "10", "10", "10", "1000"))).isEqualTo(1);
    }

    @Test
    void driftOfTheRecentWindowAgainstTheBaseline() {
        QualityMetrics q = new QualityMetrics(QualitySettings.builder().drift(3, BigDecimal.valueOf(3)).build());
        // Baseline 10, 11, 12: mean 11, s = 1. Recent mean 15: shift 4 > 3 × 1 → drift; mean 13: shift 2 → none.
        assertThat(q.drift(dec("10", "11", "12"), dec("15", "15", "15"))).isTrue();
        assertThat(q.drift(dec("10", "11", "12"), dec("13", "13", "13"))).isFalse();
        // A flat baseline: any change of the mean is drift.
        assertThat(q.drift(dec("5", "5", "5"), dec("5", "5", "6"))).isTrue();
    }

    @Test
    void driftAndOutliersOnARecordSeriesAndTheConfidence() {
        // Six hourly records of source a with a drift window of 3: 10, 11, 12 then 15, 15, 15 kWh/h → drift.
        MethodSettings s = MethodSettings.builder().quality(QualitySettings.builder().drift(3, BigDecimal.valueOf(3))
                .build()).build();
        List<TelemetryRecord> r = List.of(hourly("a", 0, "10", 60), hourly("a", 1, "11", 60), hourly("a", 2, "12", 60),
                hourly("a", 3, "15", 60), hourly("a", 4, "15", 60), hourly("a", 5, "15", 60));
        GroupResult g = total(s, r);
        assertThat(g.value(Metric.QUALITY_DRIFT_DETECTED)).isEqualByComparingTo("1");
        assertThat(g.metric(Metric.QUALITY_DRIFT_DETECTED).lineage().notes())
                .containsExactly("drift in dc-1|a|/energy/facility");
        assertThat(g.value(Metric.QUALITY_OUTLIER_COUNT)).isEqualByComparingTo("0");
        // Confidence = (0.3 × completeness 1 + 0.1 × latency 1 (60 s ≤ 3600 s) + 0.2 × outliers 1 + 0.1 × drift 0)
        //            / (0.3 + 0.1 + 0.2 + 0.1) = 0.6 / 0.7 = 0.857142857142857142857142857142857 1 (34 digits).
        assertThat(g.value(Metric.QUALITY_CONFIDENCE)).isEqualByComparingTo("0.8571428571428571428571428571428571");
        assertThat(g.metric(Metric.ACTIVITY_ENERGY_FACILITY_KWH).confidence())
                .isEqualByComparingTo("0.8571428571428571428571428571428571");
    }

    @Test
    void latencyBeyondTheTargetLowersConfidence() {
        // p95 = 7200 s against a 3600 s target: latency component 3600 / 7200 = 0.5.
        // Confidence = (0.3 × 1 + 0.1 × 0.5 + 0.2 × 1) / 0.6 = 0.55 / 0.6 = 0.91666…7 (no drift window).
        List<TelemetryRecord> r = List.of(hourly("a", 0, "1", 7200), hourly("a", 1, "1", 7200), hourly("a", 2, "1", 7200));
        assertThat(total(MethodSettings.defaults(), r).value(Metric.QUALITY_CONFIDENCE))
                .isEqualByComparingTo("0.9166666666666666666666666666666667");
    }

    @Test
    void percentileOfAnEmptyDistributionIsNull() {
        Map<Long, Long> none = new TreeMap<>();
        assertThat(QualityMetrics.percentile(none, 50)).isNull();
    }

    /**
     * A value per hour is v × 3600 / T rounded once (decimal128): 5 kWh in 900 s = 20 kWh/h,
     * 1 kWh in 60 s = 60 kWh/h, 7 kWh in 7,200 s = 3.5 kWh/h, 1 kWh in 7 s = 514.2857142857142857142857142857143
     * (3600/7 to 34 digits, half-even). The division-free path for T dividing an hour gives, for any
     * value and any such T, exactly the one-division definition.
     */
    @Test
    void aValuePerHourIsRoundedOnceAndTheFastPathEqualsTheDivision() {
        assertThat(perHour("5", "900")).isEqualTo("20");
        assertThat(perHour("1", "60")).isEqualTo("60");
        assertThat(perHour("7", "7200")).isEqualTo("3.5");
        assertThat(perHour("1", "7")).isEqualTo("514.2857142857142857142857142857143");
        long[] divisors = {1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 25, 30, 36, 40, 45, 48, 50, 60, 72, 75, 80,
            90, 100, 120, 144, 150, 180, 200, 225, 240, 300, 360, 400, 450, 600, 720, 900, 1200, 1800, 3600};
        qt().withFixedSeed(20261123L).withExamples(2000)
                .forAll(longs().between(1, Long.MAX_VALUE),
                        integers().between(0, 30),
                        integers().between(0, divisors.length - 1))
                .checkAssert((unscaled, scale, d) -> {
                    BigDecimal v = BigDecimal.valueOf(unscaled, scale);
                    BigDecimal t = BigDecimal.valueOf(divisors[d]);
                    assertThat(ReportAccumulator.perHour(v, t, ReportAccumulator.perHourMultiplier(t)))
                            .isEqualTo(Decimals.divide(v.multiply(BigDecimal.valueOf(3600)), t));
                });
    }

    private static String perHour(String v, String seconds) {
        BigDecimal t = new BigDecimal(seconds);
        return ReportAccumulator.perHour(new BigDecimal(v), t, ReportAccumulator.perHourMultiplier(t)).toPlainString();
    }
}
