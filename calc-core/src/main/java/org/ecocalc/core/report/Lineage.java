package org.ecocalc.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryField;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * Which records fed a metric result. Always: the group's selector (facility, time range) and, for
 * each input field, how many records reported it. When the group has at most
 * {@link org.ecocalc.core.MethodSettings#lineageKeyLimit()} records, also their idempotency keys;
 * otherwise {@link #matches(TelemetryRecord)} selects them from the data set on demand (the data
 * set is named by the report's digest).
 *
 * @param facilityId the facility, or null for all facilities
 * @param from       the first instant of the group, or null when open
 * @param to         the first instant after the group, or null when open
 * @param inputs     each input field read and how many records reported it
 * @param keys       the keys of the records that reported any input, sorted; empty when not listed
 * @param keysListed whether {@code keys} is the complete list
 * @param factors    the factors applied, with their citations and selection traces (carbon results)
 * @param notes      flags that qualify the value: an inferred input, a GWP-set mismatch, a fallback
 *                   tier, each with the number of records it concerns
 */
public record Lineage(String facilityId, Instant from, Instant to, List<Input> inputs, List<IdempotencyKey> keys,
        boolean keysListed, List<FactorUse> factors, List<String> notes) {

    /**
     * One input of a metric.
     *
     * @param field   the telemetry field
     * @param records how many records of the group reported it
     */
    public record Input(TelemetryField field, long records) {
        public Input {
            Objects.requireNonNull(field, "field");
        }
    }

    public Lineage {
        inputs = List.copyOf(inputs);
        keys = List.copyOf(keys);
        factors = List.copyOf(factors);
        notes = List.copyOf(notes);
    }

    /** A lineage without factors or notes. */
    public Lineage(String facilityId, Instant from, Instant to, List<Input> inputs, List<IdempotencyKey> keys,
            boolean keysListed) {
        this(facilityId, from, to, inputs, keys, keysListed, List.of(), List.of());
    }

    /** This lineage with factors and notes. */
    public Lineage with(List<FactorUse> factors, List<String> notes) {
        return new Lineage(facilityId, from, to, inputs, keys, keysListed, factors, notes);
    }

    /** The largest number of records reporting any one input. */
    public long records() {
        long max = 0;
        for (Input i : inputs) {
            max = Math.max(max, i.records);
        }
        return max;
    }

    /**
     * Whether a record of the data set fed this result: same facility (unless all), interval
     * overlapping the group's range, and at least one input present. Lists the records on demand
     * when {@link #keysListed()} is false.
     */
    public boolean matches(TelemetryRecord r) {
        if (facilityId != null && !facilityId.equals(r.facilityId())) {
            return false;
        }
        if (from != null && !r.interval().end().isAfter(from)) {
            return false;
        }
        if (to != null && !r.interval().start().isBefore(to)) {
            return false;
        }
        for (Input i : inputs) {
            if (i.field.isPresentIn(r)) {
                return true;
            }
        }
        return false;
    }
}
