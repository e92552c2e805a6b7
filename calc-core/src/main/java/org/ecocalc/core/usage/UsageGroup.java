package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The totals of one group of usage impacts: its key (a value per grouping dimension, null when the
 * events have none, and the period), counts, and per impact part the sum of the events' estimates, or
 * not computable when any event of the group could not be computed (with the reason and the number
 * of events: never a partial sum). With the flags counted, the factors used (with citations and how
 * many events each was applied to) and the notes.
 */
public final class UsageGroup {
    private final Map<UsageDimension, String> key;
    private final Instant periodStart;
    private final Instant periodEnd;
    private final long events;
    private final long calls;
    private final long gpuJobs;
    private final BigInteger tokensIn;
    private final BigInteger tokensOut;
    private final BigDecimal gpuSeconds;
    private final Map<ImpactPart, Estimate> estimates;
    private final Map<ImpactPart, String> reasons;
    private final Map<UsageFlag, Long> flags;
    private final List<ParameterUse> parameters;
    private final List<org.ecocalc.core.carbon.FactorUse> gridFactors;
    private final SortedMap<String, Long> notes;

    UsageGroup(Map<UsageDimension, String> key, Instant periodStart, Instant periodEnd, long events, long calls,
            long gpuJobs, BigInteger tokensIn, BigInteger tokensOut, BigDecimal gpuSeconds,
            Map<ImpactPart, Estimate> estimates, Map<ImpactPart, String> reasons, Map<UsageFlag, Long> flags,
            List<ParameterUse> parameters, List<org.ecocalc.core.carbon.FactorUse> gridFactors,
            Map<String, Long> notes) {
        this.key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.events = events;
        this.calls = calls;
        this.gpuJobs = gpuJobs;
        this.tokensIn = tokensIn;
        this.tokensOut = tokensOut;
        this.gpuSeconds = gpuSeconds;
        EnumMap<ImpactPart, Estimate> e = new EnumMap<>(ImpactPart.class);
        e.putAll(estimates);
        this.estimates = Collections.unmodifiableMap(e);
        EnumMap<ImpactPart, String> r = new EnumMap<>(ImpactPart.class);
        r.putAll(reasons);
        this.reasons = Collections.unmodifiableMap(r);
        EnumMap<UsageFlag, Long> f = new EnumMap<>(UsageFlag.class);
        f.putAll(flags);
        this.flags = Collections.unmodifiableMap(f);
        this.parameters = List.copyOf(parameters);
        this.gridFactors = List.copyOf(gridFactors);
        this.notes = Collections.unmodifiableSortedMap(new TreeMap<>(notes));
    }

    /** The group's value of each grouping dimension, in the grouping's order (null: the events have none). */
    public Map<UsageDimension, String> key() {
        return key;
    }

    /** The first instant of the group's period, or null for all time (or an open range). */
    public Instant periodStart() {
        return periodStart;
    }

    /** The first instant after the group's period, or null for all time (or an open range). */
    public Instant periodEnd() {
        return periodEnd;
    }

    /** Events counted. */
    public long events() {
        return events;
    }

    /** LLM calls counted. */
    public long calls() {
        return calls;
    }

    /** GPU jobs counted. */
    public long gpuJobs() {
        return gpuJobs;
    }

    /** Input tokens. */
    public BigInteger tokensIn() {
        return tokensIn;
    }

    /** Output tokens. */
    public BigInteger tokensOut() {
        return tokensOut;
    }

    /** GPU-seconds. */
    public BigDecimal gpuSeconds() {
        return gpuSeconds;
    }

    /** The summed estimate of a part, or null when not computable ({@link #reason(ImpactPart)}). */
    public Estimate estimate(ImpactPart part) {
        return estimates.get(part);
    }

    /** Why a part is not computable for this group, or null. */
    public String reason(ImpactPart part) {
        return reasons.get(part);
    }

    /** How many events carry each flag. */
    public Map<UsageFlag, Long> flags() {
        return flags;
    }

    /** The parameters and factors used, sorted by role and reference, with event counts. */
    public List<ParameterUse> parameters() {
        return parameters;
    }

    /** The grid factors used, sorted, with event counts. */
    public List<org.ecocalc.core.carbon.FactorUse> gridFactors() {
        return gridFactors;
    }

    /** Notes with the number of events each concerns. */
    public SortedMap<String, Long> notes() {
        return notes;
    }

    /**
     * Every computed metric by id ({@link UsageMetric}): counts, and for each computed part its
     * central, {@code _low} and {@code _high} sums. Sorted by id.
     */
    public SortedMap<String, BigDecimal> metrics() {
        TreeMap<String, BigDecimal> m = new TreeMap<>();
        m.put(UsageMetric.EVENTS.id(), BigDecimal.valueOf(events));
        m.put(UsageMetric.CALLS.id(), BigDecimal.valueOf(calls));
        m.put(UsageMetric.GPU_JOBS.id(), BigDecimal.valueOf(gpuJobs));
        m.put(UsageMetric.TOKENS_IN.id(), new BigDecimal(tokensIn));
        m.put(UsageMetric.TOKENS_OUT.id(), new BigDecimal(tokensOut));
        m.put(UsageMetric.GPU_SECONDS.id(), gpuSeconds);
        for (UsageMetric um : UsageMetric.values()) {
            if (um.part() != null && estimates.containsKey(um.part())) {
                Estimate e = estimates.get(um.part());
                m.put(um.id(), e.central());
                m.put(um.lowId(), e.low());
                m.put(um.highId(), e.high());
            }
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** The metrics that could not be computed, by central id, with the reason. */
    public SortedMap<String, String> notComputable() {
        TreeMap<String, String> m = new TreeMap<>();
        for (UsageMetric um : UsageMetric.values()) {
            if (um.part() != null && reasons.containsKey(um.part())) {
                m.put(um.id(), reasons.get(um.part()));
            }
        }
        return Collections.unmodifiableSortedMap(m);
    }

    @Override
    public String toString() {
        return "UsageGroup[" + key + ", " + periodStart + ", " + events + " events, " + metrics() + "]";
    }
}
