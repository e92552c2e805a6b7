package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecocalc.core.quality.OutlierMethod;
import org.ecocalc.core.quality.QualitySettings;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.stats.DriftTest;

/**
 * The data-quality metrics of a group and the confidence of its results ({@code docs/methodology.md},
 * "Data quality"). Every comparison is exact: z-scores and drift are compared squared, cross-
 * multiplied, so that no square root and no rounded quotient decides whether a value is flagged.
 */
final class QualityMetrics {
    private static final BigDecimal MAD_CONSTANT = new BigDecimal("0.6745");

    private final QualitySettings settings;

    QualityMetrics(QualitySettings settings) {
        this.settings = settings;
    }

    /** Completeness parts: Σ min(received, expected) and Σ expected over the sources. */
    record Completeness(BigDecimal received, BigDecimal expected, List<String> notes) {
        /** These parts with each note prefixed by the facility (for the all-facility total). */
        Completeness of(String facility) {
            List<String> n = new ArrayList<>();
            for (String note : notes) {
                n.add(facility + ": " + note);
            }
            return new Completeness(received, expected, n);
        }

        Completeness plus(Completeness o) {
            List<String> n = new ArrayList<>(notes);
            n.addAll(o.notes);
            return new Completeness(received.add(o.received), expected.add(o.expected), n);
        }
    }

    /**
     * Each source's received records against those expected over the group's covered span at the
     * source's cadence (declared, or its most common record length).
     */
    Completeness completeness(GroupSums g, String facility) {
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        List<String> notes = new ArrayList<>();
        if (g.firstStart == null) {
            return new Completeness(received, expected, notes);
        }
        BigDecimal span = org.ecocalc.core.ReportingPeriod.seconds(g.firstStart, g.lastEnd);
        for (Map.Entry<String, QualitySums.Source> e : g.quality.sources.entrySet()) {
            BigDecimal cadence = settings.cadences().get(e.getKey());
            String how = "declared";
            if (cadence == null) {
                cadence = mode(e.getValue().lengths);
                how = "inferred";
            }
            if (cadence == null) {
                continue;
            }
            BigDecimal exp = Decimals.divide(span, cadence);
            BigDecimal rec = e.getValue().received;
            received = received.add(rec.min(exp));
            expected = expected.add(exp);
            if (rec.compareTo(exp) < 0) {
                notes.add("source " + e.getKey() + ": "
                        + Decimals.toCanonicalString(rec) + " of " + Decimals.toCanonicalString(exp) + " expected records ("
                        + how + " cadence " + Decimals.toCanonicalString(cadence) + " s)");
            }
        }
        return new Completeness(received, expected, notes);
    }

    /** The most common record length; ties go to the shortest. */
    private static BigDecimal mode(Map<BigDecimal, Long> lengths) {
        BigDecimal best = null;
        long count = 0;
        for (Map.Entry<BigDecimal, Long> e : lengths.entrySet()) {
            if (e.getValue() > count) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }

    /** Counts of the series tests of a group. */
    record SeriesResult(long samples, long outliers, long evaluatedForDrift, List<String> drifted, List<String> notes) {
    }

    SeriesResult series(GroupSums g) {
        long samples = 0;
        long outliers = 0;
        long evaluated = 0;
        List<String> drifted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, SampleSeries> e : g.quality.seriesInOrder().entrySet()) {
            List<BigDecimal> values = e.getValue().valuesInOrder();
            samples += values.size();
            long o = settings.outlierMethod() == OutlierMethod.MAD ? madOutliers(values) : zOutliers(values);
            if (o > 0) {
                notes.add(e.getKey() + ": " + o + " outlier(s) of " + values.size() + " (" + settings.outlierMethod().id()
                        + " > " + Decimals.toCanonicalString(settings.outlierThreshold()) + ")");
            }
            outliers += o;
            int w = settings.driftWindow();
            if (values.size() >= 2 * w) {
                evaluated++;
                if (drift(values.subList(values.size() - 2 * w, values.size() - w), values.subList(values.size() - w,
                        values.size()))) {
                    drifted.add(e.getKey());
                }
            }
        }
        return new SeriesResult(samples, outliers, evaluated, drifted, notes);
    }

    /**
     * z-score outliers with the sample standard deviation: |x − mean| / s > t, compared exactly as
     * (n·x − S1)²·(n − 1) > t²·n·(n·S2 − S1²).
     */
    long zOutliers(List<BigDecimal> xs) {
        int n = xs.size();
        if (n < 3) {
            return 0;
        }
        BigDecimal s1 = BigDecimal.ZERO;
        BigDecimal s2 = BigDecimal.ZERO;
        for (BigDecimal x : xs) {
            s1 = s1.add(x);
            s2 = s2.add(x.multiply(x));
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal spread = bn.multiply(s2).subtract(s1.multiply(s1));
        if (spread.signum() == 0) {
            return 0;
        }
        BigDecimal t = settings.outlierThreshold();
        BigDecimal right = t.multiply(t).multiply(bn).multiply(spread);
        long count = 0;
        for (BigDecimal x : xs) {
            BigDecimal d = bn.multiply(x).subtract(s1);
            if (d.multiply(d).multiply(BigDecimal.valueOf(n - 1L)).compareTo(right) > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Modified z-score outliers (Iglewicz and Hoaglin 1993): 0.6745·|x − median| > t·MAD. When the
     * MAD is 0 (more than half the values equal), every value away from the median is an outlier.
     */
    long madOutliers(List<BigDecimal> xs) {
        if (xs.size() < 3) {
            return 0;
        }
        BigDecimal median = median(xs);
        List<BigDecimal> dev = new ArrayList<>(xs.size());
        for (BigDecimal x : xs) {
            dev.add(x.subtract(median).abs());
        }
        BigDecimal mad = median(dev);
        BigDecimal right = settings.outlierThreshold().multiply(mad);
        long count = 0;
        for (BigDecimal d : dev) {
            if (mad.signum() == 0 ? d.signum() > 0 : MAD_CONSTANT.multiply(d).compareTo(right) > 0) {
                count++;
            }
        }
        return count;
    }

    private static BigDecimal median(List<BigDecimal> xs) {
        List<BigDecimal> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2));
    }

    /**
     * Drift: Δ = |mean(recent) − mean(baseline)| / s(baseline) > k, s the sample standard deviation,
     * decided exactly by {@link DriftTest} (the same statistic as the sensor-drift alert). A flat
     * baseline (s = 0) is drift here as soon as the recent mean differs, compared exactly as
     * Σrecent·B ≠ Σbaseline·R: for data quality a stuck series that moves is a finding.
     */
    boolean drift(List<BigDecimal> baseline, List<BigDecimal> recent) {
        List<BigDecimal> both = new ArrayList<>(baseline);
        both.addAll(recent);
        DriftTest.Result r = DriftTest.of(baseline.size(), recent.size(), settings.driftSigmas()).test(both);
        if (r.isEvaluable()) {
            return r.drift();
        }
        BigDecimal sb = BigDecimal.ZERO;
        for (BigDecimal x : baseline) {
            sb = sb.add(x);
        }
        BigDecimal sr = BigDecimal.ZERO;
        for (BigDecimal x : recent) {
            sr = sr.add(x);
        }
        return sr.multiply(BigDecimal.valueOf(baseline.size())).compareTo(sb.multiply(BigDecimal.valueOf(recent.size())))
                != 0;
    }

    /** Nearest-rank percentile of a count map: the smallest value with at least p % of samples at or below it. */
    static Long percentile(Map<Long, Long> counts, int p) {
        long n = 0;
        for (long c : counts.values()) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        long rank = (p * n + 99) / 100;
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The quality metrics and the confidence components of a group. */
    Map<Metric, MetricResult> metrics(GroupSums g, Completeness c, Lineage lineage, Components out) {
        Map<Metric, MetricResult> m = new EnumMap<>(Metric.class);
        if (c.expected().signum() == 0) {
            m.put(Metric.QUALITY_COMPLETENESS_PCT, MetricResult.notComputable(Metric.QUALITY_COMPLETENESS_PCT,
                    "no records", lineage));
        } else {
            BigDecimal pct = Decimals.percent(c.received(), c.expected());
            m.put(Metric.QUALITY_COMPLETENESS_PCT, MetricResult.computed(Metric.QUALITY_COMPLETENESS_PCT, pct,
                    lineage.with(List.of(), c.notes())));
            out.completeness = Decimals.divide(c.received(), c.expected());
        }
        Long p50 = percentile(g.quality.latency, 50);
        Long p95 = percentile(g.quality.latency, 95);
        List<String> latencyNotes = g.quality.negativeLatency == 0 ? List.of() : List.of(g.quality.negativeLatency
                + " records ingested before they were observed (clock skew): not in the latency statistics");
        if (p50 == null) {
            for (Metric q : new Metric[] {Metric.QUALITY_LATENCY_P50_S, Metric.QUALITY_LATENCY_P95_S,
                Metric.QUALITY_LATENCY_MAX_S}) {
                m.put(q, MetricResult.notComputable(q, "no record has both /observed_at and /ingested_at",
                        lineage.with(List.of(), latencyNotes)));
            }
        } else {
            Lineage l = lineage.with(List.of(), latencyNotes);
            m.put(Metric.QUALITY_LATENCY_P50_S, MetricResult.computed(Metric.QUALITY_LATENCY_P50_S, BigDecimal.valueOf(p50), l));
            m.put(Metric.QUALITY_LATENCY_P95_S, MetricResult.computed(Metric.QUALITY_LATENCY_P95_S, BigDecimal.valueOf(p95), l));
            m.put(Metric.QUALITY_LATENCY_MAX_S, MetricResult.computed(Metric.QUALITY_LATENCY_MAX_S,
                    BigDecimal.valueOf(g.quality.latency.lastKey()), l));
            BigDecimal target = settings.latencyTargetSeconds();
            BigDecimal p = BigDecimal.valueOf(p95);
            out.latency = p.compareTo(target) <= 0 ? BigDecimal.ONE : Decimals.divide(target, p);
        }
        SeriesResult s = series(g);
        Lineage sl = lineage.with(List.of(), s.notes());
        if (s.samples() == 0) {
            m.put(Metric.QUALITY_OUTLIER_COUNT, MetricResult.notComputable(Metric.QUALITY_OUTLIER_COUNT,
                    "no samples of the analysed series", sl));
        } else {
            m.put(Metric.QUALITY_OUTLIER_COUNT, MetricResult.computed(Metric.QUALITY_OUTLIER_COUNT,
                    BigDecimal.valueOf(s.outliers()), sl));
            out.outliers = BigDecimal.ONE.subtract(Decimals.divide(BigDecimal.valueOf(s.outliers()),
                    BigDecimal.valueOf(s.samples())));
        }
        if (s.evaluatedForDrift() == 0) {
            m.put(Metric.QUALITY_DRIFT_DETECTED, MetricResult.notComputable(Metric.QUALITY_DRIFT_DETECTED,
                    "no series has two full windows of " + settings.driftWindow() + " samples", sl));
        } else {
            List<String> dn = new ArrayList<>();
            for (String d : s.drifted()) {
                dn.add("drift in " + d);
            }
            m.put(Metric.QUALITY_DRIFT_DETECTED, MetricResult.computed(Metric.QUALITY_DRIFT_DETECTED,
                    s.drifted().isEmpty() ? BigDecimal.ZERO : BigDecimal.ONE, lineage.with(List.of(), dn)));
            out.drift = s.drifted().isEmpty() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        BigDecimal conf = confidence(out, null);
        m.put(Metric.QUALITY_CONFIDENCE, conf == null
                ? MetricResult.notComputable(Metric.QUALITY_CONFIDENCE, "no quality component could be evaluated", lineage)
                : MetricResult.computed(Metric.QUALITY_CONFIDENCE, conf, lineage));
        return m;
    }

    /** The quality components of a group, each in [0, 1], null when not evaluated. */
    static final class Components {
        BigDecimal completeness;
        BigDecimal latency;
        BigDecimal outliers;
        BigDecimal drift;
    }

    /**
     * Σ w_i·x_i / Σ w_i over the components evaluated (the factors' mean confidence among them
     * when given), rounded once; null when none was evaluated.
     */
    BigDecimal confidence(Components c, BigDecimal factors) {
        Map<String, BigDecimal> w = settings.weights();
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        BigDecimal[] xs = {c.completeness, c.latency, c.outliers, c.drift, factors};
        String[] names = {"completeness", "latency", "outliers", "drift", "factors"};
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] != null) {
                num = num.add(w.get(names[i]).multiply(xs[i]));
                den = den.add(w.get(names[i]));
            }
        }
        if (den.signum() == 0) {
            return null;
        }
        BigDecimal v = Decimals.divide(num, den);
        return v.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Mean confidence of the factors applied: high 1, medium 0.7, low 0.4; null without factors. */
    static BigDecimal factorConfidence(List<org.ecocalc.core.carbon.FactorUse> uses) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (org.ecocalc.core.carbon.FactorUse u : uses) {
            if (u.role().startsWith("gwp/")) {
                continue;
            }
            sum = sum.add(switch (u.confidence()) {
                case "high" -> BigDecimal.ONE;
                case "medium" -> new BigDecimal("0.7");
                default -> new BigDecimal("0.4");
            });
            n++;
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), Decimals.MATH_CONTEXT).stripTrailingZeros();
    }

}
