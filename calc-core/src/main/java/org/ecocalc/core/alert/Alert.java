package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.quantity.Decimals;

/**
 * A raised alert: which rule, how severe, what was measured, the value that breached, the
 * threshold it breached, when, where, and the observations (with their records) behind it.
 * Write it with {@link AlertJson}.
 *
 * @param rule       the rule
 * @param severity   the rule's severity
 * @param metric     the measure's id ({@code efficiency.pue}, {@code sensor.co2_ppm}, …)
 * @param unit       the unit of {@code observed} and {@code threshold}: the measure's unit, or
 *                   {@code baseline_sd} for the drift statistic Δ
 * @param observed   the value that completed the run of breaches (for drift, Δ)
 * @param threshold  the threshold it breached (for a spike, the ratio times the rolling mean)
 * @param baseline   the rolling mean (spike) or baseline mean (drift); null for a fixed threshold
 * @param start      the start of the first breaching observation
 * @param end        the end of the last breaching observation
 * @param facilityId the facility
 * @param sensorId   the sensor, or null for a report metric
 * @param evidence   the breaching observations, oldest first ({@link AlertSettings#consecutiveBreaches()} of them)
 */
public record Alert(AlertRule rule, AlertSeverity severity, String metric, String unit, BigDecimal observed,
        BigDecimal threshold, BigDecimal baseline, Instant start, Instant end, String facilityId, String sensorId,
        List<Observation> evidence) {
    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        observed = Decimals.normalize(Objects.requireNonNull(observed, "observed"));
        threshold = Decimals.normalize(Objects.requireNonNull(threshold, "threshold"));
        baseline = baseline == null ? null : Decimals.normalize(baseline);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(facilityId, "facilityId");
        evidence = List.copyOf(evidence);
    }

    /** The alert's id: {@code sha256:} of its canonical JSON ({@link AlertJson#id(Alert)}). */
    public String id() {
        return AlertJson.id(this);
    }

    @Override
    public String toString() {
        return severity.id() + " " + rule.id() + " " + facilityId + (sensorId == null ? "" : "/" + sensorId) + " "
                + metric + " = " + Decimals.toCanonicalString(observed) + " vs " + Decimals.toCanonicalString(threshold)
                + " [" + start + ", " + end + "]";
    }
}
