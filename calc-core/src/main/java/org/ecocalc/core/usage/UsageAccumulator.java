package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.FactorUse;

/**
 * Sums usage impacts into groups ({@link UsageGrouping}: any of organisation, team, user, provider,
 * model, region, and day or month) and into an overall total. Every sum is exact, so impacts added in
 * any order, split over any number of accumulators and {@linkplain #merge merged} in any order, give
 * identical groups (property-tested). Nothing is divided.
 *
 * <p>A group's part (energy, water, carbon, ...) is the sum of its events' estimates, low with low,
 * central with central, high with high; when any event of the group lacks that part, the group's part
 * is not computable and says why and for how many events (never a partial sum).
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them. Memory is proportional to
 * the number of groups, not of events.
 */
public final class UsageAccumulator {
    private final UsageGrouping grouping;
    private final TreeMap<Key, Sums> groups = new TreeMap<>();
    private final Sums total = new Sums();
    private long outsideRange;

    private UsageAccumulator(UsageGrouping grouping) {
        this.grouping = Objects.requireNonNull(grouping, "grouping");
    }

    /** An empty accumulator for a grouping. */
    public static UsageAccumulator of(UsageGrouping grouping) {
        return new UsageAccumulator(grouping);
    }

    /** The grouping. */
    public UsageGrouping grouping() {
        return grouping;
    }

    /** Adds one impact to its group and to the total (events starting outside a bounded period are skipped). */
    public UsageAccumulator add(UsageImpact impact) {
        Objects.requireNonNull(impact, "impact");
        ReportingPeriod p = grouping.period();
        Instant t = impact.event().startedAt();
        if (p.from() != null && t.isBefore(p.from()) || p.to() != null && !t.isBefore(p.to())) {
            outsideRange++;
            return this;
        }
        ReportingPeriod.Span span = p.periodOf(t);
        List<String> values = new ArrayList<>(grouping.dimensions().size());
        for (UsageDimension d : grouping.dimensions()) {
            values.add(d.valueOf(impact));
        }
        groups.computeIfAbsent(new Key(values, span.start(), span.end()), k -> new Sums()).add(impact);
        total.add(impact);
        return this;
    }

    /**
     * Adds everything another accumulator of the same grouping has counted.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) if the groupings differ
     */
    public UsageAccumulator merge(UsageAccumulator other) {
        if (!grouping.equals(other.grouping)) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "cannot merge accumulators of different groupings ("
                    + grouping.describe() + " and " + other.grouping.describe() + ")");
        }
        for (Map.Entry<Key, Sums> e : other.groups.entrySet()) {
            groups.computeIfAbsent(e.getKey(), k -> new Sums()).merge(e.getValue());
        }
        total.merge(other.total);
        outsideRange += other.outsideRange;
        return this;
    }

    /** The groups, sorted by their dimension values (absent values first) and then by period. */
    public List<UsageGroup> groups() {
        List<UsageGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<Key, Sums> e : groups.entrySet()) {
            Map<UsageDimension, String> key = new LinkedHashMap<>();
            for (int i = 0; i < grouping.dimensions().size(); i++) {
                key.put(grouping.dimensions().get(i), e.getKey().values.get(i));
            }
            out.add(e.getValue().result(key, e.getKey().start, e.getKey().end));
        }
        return out;
    }

    /** The total over every counted event (no key, the grouping's range as its period). */
    public UsageGroup total() {
        return total.result(Map.of(), grouping.period().from(), grouping.period().to());
    }

    /** Events not counted because they start outside the grouping's range. */
    public long outsideRange() {
        return outsideRange;
    }

    /** A group's key: the dimension values and the period. Ordered, so output never depends on hash order. */
    private static final class Key implements Comparable<Key> {
        private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<Instant> INSTANTS = Comparator.nullsFirst(Comparator.naturalOrder());
        final List<String> values;
        final Instant start;
        final Instant end;

        Key(List<String> values, Instant start, Instant end) {
            this.values = values;
            this.start = start;
            this.end = end;
        }

        @Override
        public int compareTo(Key o) {
            for (int i = 0; i < values.size(); i++) {
                int c = NULLS_FIRST.compare(values.get(i), o.values.get(i));
                if (c != 0) {
                    return c;
                }
            }
            int c = INSTANTS.compare(start, o.start);
            return c != 0 ? c : INSTANTS.compare(end, o.end);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(values, start, end);
        }
    }

    /** The exact sums of one group. */
    private static final class Sums {
        long events;
        long calls;
        long gpuJobs;
        BigInteger tokensIn = BigInteger.ZERO;
        BigInteger tokensOut = BigInteger.ZERO;
        BigDecimal gpuSeconds = BigDecimal.ZERO;
        final EnumMap<ImpactPart, Estimate> sums = new EnumMap<>(ImpactPart.class);
        final EnumMap<ImpactPart, TreeMap<String, Long>> missing = new EnumMap<>(ImpactPart.class);
        final EnumMap<UsageFlag, Long> flags = new EnumMap<>(UsageFlag.class);
        final TreeMap<String, ParameterUse> params = new TreeMap<>();
        final TreeMap<String, FactorUse> grid = new TreeMap<>();
        final TreeMap<String, Long> notes = new TreeMap<>();

        void add(UsageImpact i) {
            UsageEvent e = i.event();
            events++;
            if (e.kind() == UsageKind.LLM_CALL) {
                calls++;
            } else {
                gpuJobs++;
            }
            if (e.tokensIn() != null) {
                tokensIn = tokensIn.add(BigInteger.valueOf(e.tokensIn()));
            }
            if (e.tokensOut() != null) {
                tokensOut = tokensOut.add(BigInteger.valueOf(e.tokensOut()));
            }
            if (e.gpuSeconds() != null) {
                gpuSeconds = gpuSeconds.add(e.gpuSeconds());
            }
            for (ImpactPart p : ImpactPart.values()) {
                Estimate est = i.estimate(p);
                if (est != null) {
                    sums.merge(p, est, Estimate::plus);
                } else {
                    missing.computeIfAbsent(p, k -> new TreeMap<>()).merge(i.reason(p), 1L, Long::sum);
                }
            }
            for (UsageFlag f : i.flags()) {
                flags.merge(f, 1L, Long::sum);
            }
            for (ParameterUse u : i.parameters()) {
                params.merge(lineageKey(u.use()) + "|" + u.valueLow() + "|" + u.valueHigh(), u, Sums::combine);
            }
            for (FactorUse u : i.gridFactors()) {
                grid.merge(lineageKey(u), u, Sums::combine);
            }
            for (String n : i.notes()) {
                notes.merge(n, 1L, Long::sum);
            }
        }

        void merge(Sums o) {
            events += o.events;
            calls += o.calls;
            gpuJobs += o.gpuJobs;
            tokensIn = tokensIn.add(o.tokensIn);
            tokensOut = tokensOut.add(o.tokensOut);
            gpuSeconds = gpuSeconds.add(o.gpuSeconds);
            o.sums.forEach((p, est) -> sums.merge(p, est, Estimate::plus));
            o.missing.forEach((p, m) -> {
                TreeMap<String, Long> mine = missing.computeIfAbsent(p, k -> new TreeMap<>());
                m.forEach((k, v) -> mine.merge(k, v, Long::sum));
            });
            o.flags.forEach((f, n) -> flags.merge(f, n, Long::sum));
            o.params.forEach((k, u) -> params.merge(k, u, Sums::combine));
            o.grid.forEach((k, u) -> grid.merge(k, u, Sums::combine));
            o.notes.forEach((k, v) -> notes.merge(k, v, Long::sum));
        }

        /** The identity of a factor's use in a group: role, factor, match level and confidence (not the trace). */
        static String lineageKey(FactorUse u) {
            return u.role() + "|" + u.reference() + "|" + u.level() + "|" + u.confidence();
        }

        /** Two uses of one factor: counts summed, and the trace that sorts first kept (so merging is order-free). */
        static FactorUse combine(FactorUse a, FactorUse b) {
            FactorUse first = String.join("\n", a.trace()).compareTo(String.join("\n", b.trace())) <= 0 ? a : b;
            return new FactorUse(first.role(), first.reference(), first.packDigest(), first.value(), first.unit(),
                    first.gwpSet(), first.level(), first.confidence(), first.citation(), first.trace(),
                    a.records() + b.records());
        }

        static ParameterUse combine(ParameterUse a, ParameterUse b) {
            return new ParameterUse(combine(a.use(), b.use()), a.valueLow(), a.valueHigh());
        }

        UsageGroup result(Map<UsageDimension, String> key, Instant start, Instant end) {
            EnumMap<ImpactPart, Estimate> est = new EnumMap<>(ImpactPart.class);
            EnumMap<ImpactPart, String> why = new EnumMap<>(ImpactPart.class);
            for (ImpactPart p : ImpactPart.values()) {
                TreeMap<String, Long> m = missing.get(p);
                if (m != null && !m.isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    m.forEach((reason, n) -> parts.add(reason + " (" + n + (n == 1 ? " event)" : " events)")));
                    why.put(p, String.join("; ", parts));
                } else if (events > 0) {
                    est.put(p, sums.getOrDefault(p, Estimate.ZERO));
                } else {
                    why.put(p, "no events");
                }
            }
            return new UsageGroup(key, start, end, events, calls, gpuJobs, tokensIn, tokensOut,
                    org.ecocalc.core.quantity.Decimals.normalize(gpuSeconds), est, why, flags,
                    new ArrayList<>(params.values()), new ArrayList<>(grid.values()), notes);
        }
    }
}
