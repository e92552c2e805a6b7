package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.score.ScoreSettings;

/**
 * The scorecard of a group: S = w_c·(1 − C_norm) + w_w·(1 − W_norm) + w_e·(1 − PUE_norm) + w_h·U_norm,
 * each normalisation clamped to [0, 1] (see {@link ScoreSettings}). A component is its weighted
 * term; the score needs all four inputs and says which are missing.
 */
final class ScoreMetrics {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreMetrics() {
    }

    static Map<Metric, MetricResult> compute(ScoreSettings s, Map<Metric, MetricResult> group, Lineage lineage) {
        Map<Metric, MetricResult> out = new EnumMap<>(Metric.class);
        MetricResult carbon = group.get(Metric.CARBON_PER_GPU_HOUR_KGCO2E);
        MetricResult water = group.get(Metric.WATER_PER_GPU_HOUR_L);
        MetricResult pue = group.get(Metric.EFFICIENCY_PUE);
        MetricResult util = group.get(Metric.HARDWARE_UTILIZATION_PCT);
        BigDecimal c = term(s.wCarbon(), carbon, v -> BigDecimal.ONE.subtract(clamp(Decimals.divide(v, s.carbonReference()))));
        BigDecimal w = term(s.wWater(), water, v -> BigDecimal.ONE.subtract(clamp(Decimals.divide(v, s.waterReference()))));
        BigDecimal e = term(s.wEfficiency(), pue, v -> BigDecimal.ONE.subtract(clamp(Decimals.divide(
                v.subtract(BigDecimal.ONE), s.pueWorst().subtract(BigDecimal.ONE)))));
        BigDecimal h = term(s.wHardware(), util, v -> clamp(Decimals.divide(v, s.utilizationTarget())));
        put(out, Metric.SCORE_CARBON, c, carbon, lineage);
        put(out, Metric.SCORE_WATER, w, water, lineage);
        put(out, Metric.SCORE_EFFICIENCY, e, pue, lineage);
        put(out, Metric.SCORE_HARDWARE, h, util, lineage);
        List<String> missing = new ArrayList<>();
        if (c == null) {
            missing.add(Metric.CARBON_PER_GPU_HOUR_KGCO2E.id());
        }
        if (w == null) {
            missing.add(Metric.WATER_PER_GPU_HOUR_L.id());
        }
        if (e == null) {
            missing.add(Metric.EFFICIENCY_PUE.id());
        }
        if (h == null) {
            missing.add(Metric.HARDWARE_UTILIZATION_PCT.id());
        }
        if (!missing.isEmpty()) {
            String why = "needs " + String.join(", ", missing);
            out.put(Metric.SCORE_SUSTAINABILITY, MetricResult.notComputable(Metric.SCORE_SUSTAINABILITY, why, lineage));
            out.put(Metric.SCORE_SUSTAINABILITY_PCT, MetricResult.notComputable(Metric.SCORE_SUSTAINABILITY_PCT, why, lineage));
        } else {
            BigDecimal score = Decimals.normalize(c.add(w).add(e).add(h));
            out.put(Metric.SCORE_SUSTAINABILITY, MetricResult.computed(Metric.SCORE_SUSTAINABILITY, score, lineage));
            out.put(Metric.SCORE_SUSTAINABILITY_PCT, MetricResult.computed(Metric.SCORE_SUSTAINABILITY_PCT,
                    score.multiply(HUNDRED), lineage));
        }
        return out;
    }

    private interface Norm {
        BigDecimal apply(BigDecimal v);
    }

    /** w × normalised value, exact but for the one division of the normalisation. */
    private static BigDecimal term(BigDecimal weight, MetricResult input, Norm norm) {
        if (input == null || !input.isComputed()) {
            return null;
        }
        return Decimals.normalize(weight.multiply(norm.apply(input.value())));
    }

    static BigDecimal clamp(BigDecimal v) {
        return v.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private static void put(Map<Metric, MetricResult> out, Metric m, BigDecimal v, MetricResult input, Lineage l) {
        out.put(m, v == null ? MetricResult.notComputable(m, input == null ? "no input" : "needs " + input.metric().id()
                + (input.reason() == null ? "" : " (" + input.reason() + ")"), l) : MetricResult.computed(m, v, l));
    }
}
