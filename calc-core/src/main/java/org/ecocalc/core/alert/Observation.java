package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.quantity.Decimals;

/**
 * One value of a series: a metric of one reporting period, or one sensor reading (an instant:
 * {@code start == end}), with the records behind it.
 *
 * @param start         the first instant the value covers
 * @param end           the first instant after it (equal to {@code start} for a reading)
 * @param value         the value, or null when it could not be computed (a gap in the series)
 * @param records       references to the records behind the value: telemetry idempotency keys
 *                      ({@code source_id/external_event_id}) or readings ({@code sensor_id@instant})
 * @param recordsListed whether {@code records} is complete; when false, the records are those of
 *                      the series' facility whose interval overlaps {@code [start, end)}
 * @param recordCount   how many records are behind the value
 */
public record Observation(Instant start, Instant end, BigDecimal value, List<String> records, boolean recordsListed,
        long recordCount) {
    public Observation {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an observation ends before it starts: " + start + " > " + end);
        }
        records = List.copyOf(records);
        if (value != null) {
            value = Decimals.normalize(value);
        }
        if (recordCount < 0) {
            throw new IllegalArgumentException("recordCount must not be negative");
        }
    }

    /** An observation at one instant, backed by one listed record. */
    public static Observation at(Instant instant, BigDecimal value, String record) {
        return new Observation(instant, instant, value, List.of(record), true, 1);
    }

    /** Whether the value is absent (not computable). */
    public boolean isGap() {
        return value == null;
    }
}
