package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.quantity.Decimals;

/**
 * One metric for one group: its value and unit, or why it could not be computed, and its
 * lineage. A metric that cannot be computed (no IT energy, zero GPU-hours) is never a zero, NaN,
 * Infinity or exception: it carries the reason.
 *
 * @param metric  the metric
 * @param value   the value, unrounded (decimal128 at most), or null when not computable
 * @param reason  why the value could not be computed, or null when it was
 * @param lineage the records that fed it
 * @param confidence how far the value can be trusted, 0 to 1 (data quality and the factors used;
 *                   see {@code docs/methodology.md}); null for a result that was not computed
 */
public record MetricResult(Metric metric, BigDecimal value, String reason, Lineage lineage, BigDecimal confidence) {
    public MetricResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(lineage, "lineage");
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("a metric result has either a value or a reason");
        }
        if (value != null) {
            value = Decimals.normalize(value);
        }
        if (confidence != null) {
            if (value == null) {
                throw new IllegalArgumentException("a result that was not computed has no confidence");
            }
            if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a confidence is between 0 and 1");
            }
            confidence = Decimals.normalize(confidence);
        }
    }

    /** A result without a confidence. */
    public MetricResult(Metric metric, BigDecimal value, String reason, Lineage lineage) {
        this(metric, value, reason, lineage, null);
    }

    /** This result with a confidence (ignored when not computed). */
    public MetricResult withConfidence(BigDecimal c) {
        return value == null || c == null ? this : new MetricResult(metric, value, reason, lineage, c);
    }

    /** A computed result. */
    public static MetricResult computed(Metric metric, BigDecimal value, Lineage lineage) {
        return new MetricResult(metric, Objects.requireNonNull(value, "value"), null, lineage);
    }

    /** A result that could not be computed, with the reason. */
    public static MetricResult notComputable(Metric metric, String reason, Lineage lineage) {
        return new MetricResult(metric, null, Objects.requireNonNull(reason, "reason"), lineage);
    }

    /** Whether a value was computed. */
    public boolean isComputed() {
        return value != null;
    }

    /** The unit of the value. */
    public String unit() {
        return metric.unit();
    }

    /** The value rounded for display (half-even, the metric's display scale), or "n/a". */
    public String display() {
        return value == null ? "n/a" : Decimals.display(value, metric.displayScale());
    }

    @Override
    public String toString() {
        return metric.id() + " = " + (value == null ? "not computable (" + reason + ")"
                : Decimals.toCanonicalString(value) + ("1".equals(metric.unit()) ? "" : " " + metric.unit()));
    }
}
