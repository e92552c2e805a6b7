package org.ecocalc.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How results are grouped in time: a {@link PeriodUnit}, the UTC offset at which calendar days
 * begin, and an optional range {@code [from, to)} outside which nothing is counted.
 *
 * <p>Only a fixed {@link ZoneOffset} is accepted, never a region zone such as
 * {@code Europe/Berlin}: a zone's rules change with the JDK's time-zone database, and a result
 * must not depend on which JDK computed it.
 *
 * <p>A record whose interval crosses a period boundary is split in proportion to time (see
 * {@code docs/methodology.md}): each part but the last is rounded with
 * {@link org.ecocalc.core.quantity.Decimals#MATH_CONTEXT} and the last is the remainder, so the
 * parts always sum exactly to the whole.
 *
 * @param unit   the grouping
 * @param offset the offset at which days begin (UTC by default)
 * @param from   the first instant counted, or null for no lower bound
 * @param to     the first instant not counted, or null for no upper bound
 */
public record ReportingPeriod(PeriodUnit unit, ZoneOffset offset, Instant from, Instant to) {
    /** Monthly, in UTC, unbounded: the default. */
    public static final ReportingPeriod DEFAULT = new ReportingPeriod(PeriodUnit.MONTH, ZoneOffset.UTC, null, null);

    public ReportingPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(offset, "offset");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "reporting range: to (" + to
                    + ") must be after from (" + from + ")");
        }
    }

    /** Grouping by {@code unit} in UTC, unbounded. */
    public static ReportingPeriod of(PeriodUnit unit) {
        return new ReportingPeriod(unit, ZoneOffset.UTC, null, null);
    }

    /** One group over the custom range {@code [from, to)}. */
    public static ReportingPeriod custom(Instant from, Instant to) {
        return new ReportingPeriod(PeriodUnit.ALL, ZoneOffset.UTC, Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(to, "to"));
    }

    /** This grouping with days beginning at {@code offset}. */
    public ReportingPeriod withOffset(ZoneOffset offset) {
        return new ReportingPeriod(unit, offset, from, to);
    }

    /** This grouping restricted to {@code [from, to)}. */
    public ReportingPeriod within(Instant from, Instant to) {
        return new ReportingPeriod(unit, offset, from, to);
    }

    /** Whether a range restricts what is counted. */
    public boolean isBounded() {
        return from != null || to != null;
    }

    /**
     * A span of time {@code [start, end)}; either side may be null for an open side of
     * {@link PeriodUnit#ALL}.
     *
     * @param start the first instant, or null
     * @param end   the first instant after, or null
     */
    public record Span(Instant start, Instant end) {
    }

    /**
     * A counted part of an interval and the period it falls in.
     *
     * @param start  the first instant of the part
     * @param end    the first instant after the part
     * @param period the period the part belongs to
     */
    public record Slice(Instant start, Instant end, Span period) {
    }

    /**
     * The period containing {@code instant}. For {@link PeriodUnit#ALL} it is the range itself,
     * with null for an open side.
     */
    public Span periodOf(Instant instant) {
        if (unit == PeriodUnit.ALL) {
            return new Span(from, to);
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        LocalDateTime start;
        LocalDateTime end;
        switch (unit) {
            case DAY:
                start = local.toLocalDate().atStartOfDay();
                end = start.plusDays(1);
                break;
            case MONTH:
                start = local.toLocalDate().withDayOfMonth(1).atStartOfDay();
                end = start.plusMonths(1);
                break;
            case QUARTER:
                int firstMonth = (local.getMonthValue() - 1) / 3 * 3 + 1;
                start = local.toLocalDate().withDayOfMonth(1).withMonth(firstMonth).atStartOfDay();
                end = start.plusMonths(3);
                break;
            case YEAR:
                start = local.toLocalDate().withDayOfYear(1).atStartOfDay();
                end = start.plusYears(1);
                break;
            default:
                throw new AssertionError(unit);
        }
        return new Span(start.toInstant(offset), end.toInstant(offset));
    }

    /**
     * The parts of {@code [start, end)} that are counted, one per period it touches, in time
     * order. Empty when the interval lies wholly outside the range.
     */
    public List<Slice> slices(Instant start, Instant end) {
        Instant s = from != null && from.isAfter(start) ? from : start;
        Instant e = to != null && to.isBefore(end) ? to : end;
        List<Slice> out = new ArrayList<>(1);
        while (s.isBefore(e)) {
            Span period = periodOf(s);
            Instant partEnd = period.end() != null && period.end().isBefore(e) ? period.end() : e;
            out.add(new Slice(s, partEnd, period));
            s = partEnd;
        }
        return out;
    }

    /** Exact seconds between two instants (nanosecond resolution). */
    public static BigDecimal seconds(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }
}
