package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.score.ScoreSettings;
import org.junit.jupiter.api.Test;

/** The scorecard against values worked by hand (docs/methodology.md, "Scorecard"). */
class ScoreTest {
    static final Lineage L = new Lineage(null, null, null, List.of(), List.of(), true);

    static Map<Metric, MetricResult> inputs(String carbon, String water, String pue, String util) {
        Map<Metric, MetricResult> m = new EnumMap<>(Metric.class);
        m.put(Metric.CARBON_PER_GPU_HOUR_KGCO2E, MetricResult.computed(Metric.CARBON_PER_GPU_HOUR_KGCO2E, new BigDecimal(carbon), L));
        m.put(Metric.WATER_PER_GPU_HOUR_L, MetricResult.computed(Metric.WATER_PER_GPU_HOUR_L, new BigDecimal(water), L));
        m.put(Metric.EFFICIENCY_PUE, MetricResult.computed(Metric.EFFICIENCY_PUE, new BigDecimal(pue), L));
        m.put(Metric.HARDWARE_UTILIZATION_PCT, MetricResult.computed(Metric.HARDWARE_UTILIZATION_PCT, new BigDecimal(util), L));
        return m;
    }

    @Test
    void theSeedsFormulaWithTheDefaultBaselines() {
        // Carbon 0.5 kg/GPU-h / 1 → 0.5: 0.4 × (1 − 0.5) = 0.2. Water 2.5 L/GPU-h / 5 → 0.5: 0.2 × 0.5 = 0.1.
        // PUE (1.25 − 1) / (2 − 1) = 0.25: 0.2 × 0.75 = 0.15. Utilisation 60 / 80 = 0.75: 0.2 × 0.75 = 0.15.
        // Score 0.2 + 0.1 + 0.15 + 0.15 = 0.6, i.e. 60 points.
        Map<Metric, MetricResult> s = ScoreMetrics.compute(ScoreSettings.defaults(), inputs("0.5", "2.5", "1.25", "60"), L);
        assertThat(s.get(Metric.SCORE_CARBON).value()).isEqualByComparingTo("0.2");
        assertThat(s.get(Metric.SCORE_WATER).value()).isEqualByComparingTo("0.1");
        assertThat(s.get(Metric.SCORE_EFFICIENCY).value()).isEqualByComparingTo("0.15");
        assertThat(s.get(Metric.SCORE_HARDWARE).value()).isEqualByComparingTo("0.15");
        assertThat(s.get(Metric.SCORE_SUSTAINABILITY).value()).isEqualByComparingTo("0.6");
        assertThat(s.get(Metric.SCORE_SUSTAINABILITY_PCT).value()).isEqualByComparingTo("60");
    }

    @Test
    void normalisationsAreClamped() {
        // Carbon 3 kg/GPU-h → 1 (clamped): 0. PUE 2.5 → 1: 0. Water 0: 0.2. Utilisation 95 / 80 → 1: 0.2. Score 0.4.
        Map<Metric, MetricResult> s = ScoreMetrics.compute(ScoreSettings.defaults(), inputs("3", "0", "2.5", "95"), L);
        assertThat(s.get(Metric.SCORE_SUSTAINABILITY).value()).isEqualByComparingTo("0.4");
        assertThat(s.get(Metric.SCORE_CARBON).value()).isEqualByComparingTo("0");
    }

    @Test
    void aMissingInputMakesTheScoreNotComputableAndSaysWhich() {
        Map<Metric, MetricResult> in = inputs("0.5", "2.5", "1.25", "60");
        in.put(Metric.WATER_PER_GPU_HOUR_L, MetricResult.notComputable(Metric.WATER_PER_GPU_HOUR_L,
                "no record reports /water/withdrawal", L));
        Map<Metric, MetricResult> s = ScoreMetrics.compute(ScoreSettings.defaults(), in, L);
        assertThat(s.get(Metric.SCORE_SUSTAINABILITY).reason()).isEqualTo("needs water.per_gpu_hour_l");
        assertThat(s.get(Metric.SCORE_CARBON).isComputed()).isTrue();
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> ScoreSettings.builder().weights(new BigDecimal("0.5"), new BigDecimal("0.2"),
                new BigDecimal("0.2"), new BigDecimal("0.2")).build()).isInstanceOf(EcoCalcException.class)
                .hasMessage("score weights must sum to 1: carbon 0.5 + water 0.2 + efficiency 0.2 + hardware 0.2 = 1.1");
        assertThatThrownBy(() -> ScoreSettings.builder().weights(new BigDecimal("1.2"), new BigDecimal("-0.2"),
                BigDecimal.ZERO, BigDecimal.ZERO).build()).hasMessageContaining("water must not be negative (got -0.2)");
        assertThatThrownBy(() -> ScoreSettings.builder().baselines(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.TEN)).hasMessageContaining("above 1");
    }

    @Test
    void theScoreStaysInZeroToOneForAnyValidInput() {
        // Law: every component is w × a value clamped to [0, 1], and the weights sum to 1.
        qt().withFixedSeed(99L).withExamples(2000).forAll(integers().between(0, 100_000), integers().between(0, 100_000),
                integers().between(1000, 5000), integers().between(0, 100 * 5 - 1))
                .checkAssert((c, w, pue, uw) -> {
                    int u = uw % 100;
                    int wi = uw / 100;
                    BigDecimal[][] weightSets = {{bd("0.4"), bd("0.2"), bd("0.2"), bd("0.2")},
                        {bd("1"), bd("0"), bd("0"), bd("0")}, {bd("0.25"), bd("0.25"), bd("0.25"), bd("0.25")},
                        {bd("0.1"), bd("0.3"), bd("0.3"), bd("0.3")}, {bd("0"), bd("0"), bd("0.5"), bd("0.5")}};
                    BigDecimal[] ws = weightSets[wi];
                    ScoreSettings settings = ScoreSettings.builder().weights(ws[0], ws[1], ws[2], ws[3]).build();
                    Map<Metric, MetricResult> s = ScoreMetrics.compute(settings, inputs(
                            BigDecimal.valueOf(c, 3).toPlainString(), BigDecimal.valueOf(w, 3).toPlainString(),
                            BigDecimal.valueOf(pue, 3).toPlainString(), Integer.toString(u)), L);
                    BigDecimal v = s.get(Metric.SCORE_SUSTAINABILITY).value();
                    assertThat(v).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                });
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
