package org.ecocalc.core.usage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;

/**
 * How usage impacts are grouped: by any of the {@link UsageDimension}s, in the order given, and in
 * time by a {@link ReportingPeriod} (day or month in UTC or a fixed offset; {@link PeriodUnit#ALL} for
 * no time grouping). An event belongs to the period that contains its {@code started_at}: a call or a
 * job is counted whole, never split across periods. With a bounded period, events that start outside
 * {@code [from, to)} are not counted.
 *
 * @param dimensions the dimensions, without repeats
 * @param period     the time grouping
 */
public record UsageGrouping(List<UsageDimension> dimensions, ReportingPeriod period) {
    /** No dimension, one group over all time: the total. */
    public static final UsageGrouping TOTAL = new UsageGrouping(List.of(), ReportingPeriod.of(PeriodUnit.ALL));

    public UsageGrouping {
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(period, "period");
        EnumSet<UsageDimension> distinct = EnumSet.noneOf(UsageDimension.class);
        distinct.addAll(dimensions);
        if (distinct.size() != dimensions.size()) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "a dimension appears twice in " + dimensions);
        }
    }

    /** Grouping by the given dimensions and period. */
    public static UsageGrouping of(ReportingPeriod period, UsageDimension... dimensions) {
        return new UsageGrouping(List.of(dimensions), period);
    }

    /**
     * Parses {@code "model,day"}: dimension ids ({@code organisation}, {@code team}, {@code user},
     * {@code provider}, {@code model}, {@code region}) and at most one period ({@code day}, {@code month},
     * {@code quarter}, {@code year}), separated by commas; no period means all time. Days begin at
     * {@code base}'s offset, and {@code base}'s range applies.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) naming an unknown or repeated item
     */
    public static UsageGrouping parse(String text, ReportingPeriod base) {
        Objects.requireNonNull(text, "text");
        List<UsageDimension> dims = new ArrayList<>();
        PeriodUnit unit = PeriodUnit.ALL;
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                if (text.isBlank()) {
                    continue;
                }
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "--group-by: empty item in \"" + text + "\"");
            }
            UsageDimension d = UsageDimension.fromId(item);
            if (d != null) {
                if (dims.contains(d)) {
                    throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "--group-by: " + item + " appears twice");
                }
                dims.add(d);
                continue;
            }
            PeriodUnit u;
            try {
                u = PeriodUnit.fromId(item.toLowerCase(java.util.Locale.ROOT));
            } catch (EcoCalcException e) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "--group-by: unknown item \"" + item
                        + "\"; use organisation, team, user, provider, model, region and one of day, month, quarter,"
                        + " year");
            }
            if (unit != PeriodUnit.ALL) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "--group-by: at most one period (got "
                        + unit.id() + " and " + u.id() + ")");
            }
            unit = u;
        }
        return new UsageGrouping(dims, new ReportingPeriod(unit, base.offset(), base.from(), base.to()));
    }

    /** {@code model,day}: the ids, the period last (omitted for all time). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (UsageDimension d : dimensions) {
            parts.add(d.id());
        }
        if (period.unit() != PeriodUnit.ALL) {
            parts.add(period.unit().id());
        }
        return parts.isEmpty() ? "total" : String.join(",", parts);
    }
}
