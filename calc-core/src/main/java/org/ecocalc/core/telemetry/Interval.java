package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.ReportingPeriod;

/**
 * A half-open time interval {@code [start, end)} in UTC, with {@code end} after {@code start}.
 *
 * @param start the first instant covered
 * @param end   the first instant after the interval
 */
public record Interval(Instant start, Instant end) {
    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.INTERVAL_NOT_POSITIVE, "/interval/end",
                    "end (" + end + ") must be after start (" + start + ")"));
        }
    }

    /** The interval {@code [start, end)}. */
    public static Interval of(Instant start, Instant end) {
        return new Interval(start, end);
    }

    /** The length of the interval. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The length in seconds, exact (nanosecond resolution). */
    public BigDecimal seconds() {
        return ReportingPeriod.seconds(start, end);
    }

    /** Whether the two intervals share any instant. */
    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Whether {@code instant} lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
