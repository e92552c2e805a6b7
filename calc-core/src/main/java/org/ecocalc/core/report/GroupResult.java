package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one group: a facility in a period, a facility over the whole report, or every
 * facility together.
 *
 * @param level       which kind of group
 * @param facilityId  the facility, or null for the total
 * @param periodStart the period's first instant (null for facility totals, the total, or an
 *                    open side of an unbounded range)
 * @param periodEnd   the first instant after the period, or null
 * @param firstStart  the earliest counted instant of any record in the group
 * @param lastEnd     the latest counted instant of any record in the group
 * @param records     how many records contributed
 * @param metrics     every metric, in registry order
 */
public record GroupResult(Level level, String facilityId, Instant periodStart, Instant periodEnd, Instant firstStart,
        Instant lastEnd, long records, Map<Metric, MetricResult> metrics) {

    /** The kind of group. */
    public enum Level {
        /** One facility in one reporting period. */
        FACILITY_PERIOD,
        /** One facility over all periods. */
        FACILITY,
        /** All facilities over all periods. */
        TOTAL
    }

    public GroupResult {
        Objects.requireNonNull(level, "level");
        Map<Metric, MetricResult> copy = new EnumMap<>(Metric.class);
        copy.putAll(metrics);
        metrics = Collections.unmodifiableMap(copy);
    }

    /** One metric's result. */
    public MetricResult metric(Metric metric) {
        return metrics.get(metric);
    }

    /** One metric's value, or null when it was not computable. */
    public BigDecimal value(Metric metric) {
        MetricResult r = metrics.get(metric);
        return r == null ? null : r.value();
    }
}
