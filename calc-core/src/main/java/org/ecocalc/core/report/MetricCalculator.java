package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecocalc.core.EnergyBasis;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryField;

/**
 * Reads metrics from a group's exact sums: each value is one division (or none) of exact sums,
 * rounded once with {@link Decimals#MATH_CONTEXT}. The formulas are those of
 * {@code docs/methodology.md}.
 */
final class MetricCalculator {
    private final MethodSettings settings;
    private final TelemetryField water;
    private final TelemetryField workloadEnergy;
    private final CarbonMetrics carbon;
    private final QualityMetrics quality;

    MetricCalculator(MethodSettings settings, CarbonContext context) {
        this.settings = settings;
        this.carbon = new CarbonMetrics(settings, context);
        this.quality = new QualityMetrics(settings.quality());
        switch (settings.wueBasis()) {
            case COOLING: water = TelemetryField.WATER_COOLING; break;
            case CONSUMPTION: water = TelemetryField.WATER_CONSUMPTION; break;
            default: water = TelemetryField.WATER_WITHDRAWAL; break;
        }
        workloadEnergy = settings.workloadEnergyBasis() == EnergyBasis.IT
                ? TelemetryField.ENERGY_IT : TelemetryField.ENERGY_FACILITY;
    }

    /** The fields a metric reads under these settings. */
    List<TelemetryField> inputs(Metric m) {
        List<TelemetryField> out = new ArrayList<>(m.inputs().size());
        for (TelemetryField f : m.inputs()) {
            out.add(actual(m, f));
        }
        return out;
    }

    private TelemetryField actual(Metric m, TelemetryField f) {
        if (f == TelemetryField.WATER_WITHDRAWAL && (m == Metric.WATER_WUE_L_PER_KWH
                || m == Metric.WATER_PER_GPU_HOUR_L || m == Metric.WATER_PER_TRAINING_RUN_L)) {
            return water;
        }
        if (f == TelemetryField.ENERGY_FACILITY && (m == Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH
                || m == Metric.EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH
                || m == Metric.EFFICIENCY_ENERGY_PER_INFERENCE_REQUEST_KWH)) {
            return workloadEnergy;
        }
        return f;
    }

    /** The embodied carbon of one facility over its covered span. */
    CarbonMetrics.Embodied embodied(String facility, GroupSums g) {
        return carbon.embodied(facility, g.firstStart, g.lastEnd);
    }

    /** The market-based allocation of one facility's sums (its own instruments, its own market). */
    MarketAllocation.Result market(GroupSums g) {
        return MarketAllocation.allocate(g.carbon, new java.util.TreeSet<>(years(g)));
    }

    /** The completeness parts of one facility's sums. */
    QualityMetrics.Completeness completeness(String facility, GroupSums g) {
        return quality.completeness(g, facility);
    }

    GroupResult result(GroupResult.Level level, String facility, Instant start, Instant end, GroupSums g,
            CarbonMetrics.Embodied embodied) {
        return result(level, facility, start, end, g, embodied, null, null);
    }

    GroupResult result(GroupResult.Level level, String facility, Instant start, Instant end, GroupSums g,
            CarbonMetrics.Embodied embodied, MarketAllocation.Result market, QualityMetrics.Completeness completeness) {
        Map<Metric, MetricResult> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.section() == Section.CARBON || m.section() == Section.QUALITY || m.section() == Section.SCORE
                    || m == Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH) {
                continue;
            }
            List<TelemetryField> inputs = inputs(m);
            Lineage lineage = lineage(facility, start, end, inputs, g);
            out.put(m, compute(m, inputs, g, lineage));
        }
        out.putAll(carbon.results(g, embodied, market, m -> lineage(facility, start, end, inputs(m), g), years(g)));
        Lineage groupLineage = lineage(facility, start, end, List.of(), g);
        QualityMetrics.Components parts = new QualityMetrics.Components();
        out.putAll(quality.metrics(g, completeness != null ? completeness : quality.completeness(g, facility),
                groupLineage, parts));
        out.putAll(ScoreMetrics.compute(settings.score(), out, groupLineage));
        for (Map.Entry<Metric, MetricResult> e : out.entrySet()) {
            MetricResult r = e.getValue();
            e.setValue(r.withConfidence(quality.confidence(parts,
                    QualityMetrics.factorConfidence(r.lineage().factors()))));
        }
        return new GroupResult(level, facility, start, end, g.firstStart, g.lastEnd, g.records, out);
    }

    private static List<Integer> years(GroupSums g) {
        List<Integer> out = new ArrayList<>();
        if (g.firstStart == null) {
            return out;
        }
        int a = g.firstStart.atZone(java.time.ZoneOffset.UTC).getYear();
        int b = g.lastEnd.minusNanos(1).atZone(java.time.ZoneOffset.UTC).getYear();
        for (int y = a; y <= b; y++) {
            out.add(y);
        }
        return out;
    }

    private Lineage lineage(String facility, Instant start, Instant end, List<TelemetryField> inputs, GroupSums g) {
        List<Lineage.Input> in = new ArrayList<>(inputs.size());
        long mask = 0;
        for (TelemetryField f : inputs) {
            in.add(new Lineage.Input(f, f == TelemetryField.ENERGY_GRID_IMPORT && g.carbon.records[CarbonSums.Channel.S2_KWH
                    .ordinal()] > g.counts[f.ordinal()] ? g.carbon.records[CarbonSums.Channel.S2_KWH.ordinal()]
                    : g.counts[f.ordinal()]));
            mask |= 1L << f.ordinal();
        }
        List<IdempotencyKey> keys = g.keysFor(mask);
        return new Lineage(facility, start, end, in, keys == null ? List.of() : keys, keys != null);
    }

    private MetricResult compute(Metric m, List<TelemetryField> in, GroupSums g, Lineage lineage) {
        switch (m) {
            case EFFICIENCY_PUE:
            case EFFICIENCY_DCIE:
            case EFFICIENCY_CHILLER_COP:
            case EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH:
            case EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH:
            case EFFICIENCY_ENERGY_PER_INFERENCE_REQUEST_KWH:
            case EFFICIENCY_ERF:
            case EFFICIENCY_CER:
            case WATER_WUE_L_PER_KWH:
            case WATER_PER_GPU_HOUR_L:
            case WATER_PER_TRAINING_RUN_L:
                return ratio(m, g, lineage, in.get(m == Metric.EFFICIENCY_DCIE ? 1 : 0),
                        in.get(m == Metric.EFFICIENCY_DCIE ? 0 : 1), false);
            case EFFICIENCY_COOLING_ENERGY_PCT:
            case WATER_RECLAIMED_PCT:
                return ratio(m, g, lineage, in.get(0), in.get(1), true);
            case EFFICIENCY_REF:
                return ref(m, g, lineage);
            case HARDWARE_UTILIZATION_PCT:
            case HARDWARE_IDLE_PCT:
                return weighted(m, g, lineage, in.get(0));
            default:
                return sum(m, g, lineage, in.get(0));
        }
    }

    private static MetricResult sum(Metric m, GroupSums g, Lineage lineage, TelemetryField f) {
        BigDecimal s = g.sums[f.ordinal()];
        return s == null ? MetricResult.notComputable(m, missing(f), lineage) : MetricResult.computed(m, s, lineage);
    }

    private static MetricResult ratio(Metric m, GroupSums g, Lineage lineage, TelemetryField num, TelemetryField den,
            boolean percent) {
        BigDecimal n = g.sums[num.ordinal()];
        BigDecimal d = g.sums[den.ordinal()];
        if (n == null) {
            return MetricResult.notComputable(m, missing(num), lineage);
        }
        if (d == null) {
            return MetricResult.notComputable(m, missing(den), lineage);
        }
        if (d.signum() == 0) {
            return MetricResult.notComputable(m, den.pointer() + " sums to zero", lineage);
        }
        return MetricResult.computed(m, percent ? Decimals.percent(n, d) : Decimals.divide(n, d), lineage);
    }

    private static MetricResult ref(Metric m, GroupSums g, Lineage lineage) {
        BigDecimal onsite = g.sums[TelemetryField.ENERGY_ONSITE_RENEWABLE.ordinal()];
        BigDecimal bought = g.sums[TelemetryField.ENERGY_RENEWABLE_PURCHASED.ordinal()];
        BigDecimal facility = g.sums[TelemetryField.ENERGY_FACILITY.ordinal()];
        if (onsite == null && bought == null) {
            return MetricResult.notComputable(m, "no record reports " + TelemetryField.ENERGY_ONSITE_RENEWABLE.pointer()
                    + " or " + TelemetryField.ENERGY_RENEWABLE_PURCHASED.pointer(), lineage);
        }
        if (facility == null) {
            return MetricResult.notComputable(m, missing(TelemetryField.ENERGY_FACILITY), lineage);
        }
        if (facility.signum() == 0) {
            return MetricResult.notComputable(m, TelemetryField.ENERGY_FACILITY.pointer() + " sums to zero", lineage);
        }
        BigDecimal renewable = (onsite == null ? BigDecimal.ZERO : onsite).add(bought == null ? BigDecimal.ZERO : bought);
        return MetricResult.computed(m, Decimals.divide(renewable, facility), lineage);
    }

    private static MetricResult weighted(Metric m, GroupSums g, Lineage lineage, TelemetryField f) {
        BigDecimal weighted = g.sums[f.ordinal()];
        BigDecimal weight = g.weights[f.ordinal()];
        if (weighted == null || weight == null) {
            return MetricResult.notComputable(m, "no record reports both " + f.pointer() + " and "
                    + TelemetryField.COMPUTE_GPU_HOURS.pointer() + " (the weight)", lineage);
        }
        if (weight.signum() == 0) {
            return MetricResult.notComputable(m, "the GPU-hours weighting " + f.pointer() + " sum to zero", lineage);
        }
        return MetricResult.computed(m, Decimals.divide(weighted, weight), lineage);
    }

    private static String missing(TelemetryField f) {
        return "no record reports " + f.pointer();
    }

    MethodSettings settings() {
        return settings;
    }
}
