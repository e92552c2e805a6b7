package org.ecocalc.core.report;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.telemetry.TelemetryField;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * Exact, order-free sums of telemetry, grouped by facility and reporting period. Feed it with
 * {@link #add(TelemetryRecord)}, combine partial accumulators with {@link #merge}, and read the
 * metrics at the end with {@link #results()}: divisions happen only then.
 *
 * <p>Because every stored quantity is an exact {@link BigDecimal} sum (or a count), a calculation
 * over the same records in any order, split across any number of threads or partitions and
 * merged in any order, gives identical results.
 *
 * <p>A record is counted in every period its interval overlaps, split in proportion to time;
 * the parts of a value always add up exactly to the value. A record outside the settings' range
 * is not counted. The accumulator does not de-duplicate: feed each record once (see
 * {@link DatasetDigest}), or use {@link org.ecocalc.core.EcoCalc}, which does.
 *
 * <p>Not thread-safe: give each thread its own and merge them. Memory is proportional to the
 * number of groups (facilities × periods), not to the number of records, except for the samples of
 * the data-quality series ({@link org.ecocalc.core.quality.QualitySettings#series()}), one per
 * record and series, which outlier and drift detection need.
 *
 * <p><b>Serialisation</b> (for partitioned engines such as Spark or Flink, which move partial
 * accumulators between workers): the serial form holds the settings as their canonical JSON
 * ({@link MethodSettings#toCanonicalJson()}) and the exact sums, never the {@link CarbonContext}
 * (factor library, overrides, asset registry), which may be large and is the same on every
 * worker. A deserialised accumulator is <em>detached</em>: {@link #merge} works, but
 * {@link #add} and {@link #results()} refuse until {@link #withContext(CarbonContext)} attaches
 * the context the accumulator was created with (each worker loads it once). Attaching another
 * context gives other carbon numbers, never an error: the caller owns that choice.
 */
public final class ReportAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int RECORDS = GroupSums.FIELDS;
    private static final int GPU = TelemetryField.COMPUTE_GPU_HOURS.ordinal();
    private static final Comparator<Instant> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::facility)
            .thenComparing(GroupKey::start, NULLS_FIRST);

    private final MethodSettings settings;
    private transient CarbonContext context;
    private transient CarbonCalculator carbon;
    private final TreeMap<GroupKey, GroupSums> groups = new TreeMap<>(ORDER);
    /** Per facility: for each field (and, last, records), how many extra times split records were counted. */
    private final TreeMap<String, long[]> splitExtras = new TreeMap<>();
    /** Per facility: for each carbon channel, how many extra times split records were counted. */
    private final TreeMap<String, long[]> carbonExtras = new TreeMap<>();

    private record GroupKey(String facility, Instant start, Instant end) implements Serializable {
    }

    private ReportAccumulator(MethodSettings settings, CarbonContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        withContext(context);
    }

    /** A detached accumulator (no carbon context), for deserialisation. */
    private ReportAccumulator(MethodSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** An empty accumulator without factors: carbon metrics are not computable. */
    public static ReportAccumulator create(MethodSettings settings) {
        return new ReportAccumulator(settings, CarbonContext.none());
    }

    /** An empty accumulator for the given settings and carbon context. */
    public static ReportAccumulator create(MethodSettings settings, CarbonContext context) {
        return new ReportAccumulator(settings, context);
    }

    /**
     * Sets the carbon context (factors, overrides, assets) after deserialisation: the context is not
     * serialised with the sums, so that each worker loads its factor packs once. Returns this.
     */
    public ReportAccumulator withContext(CarbonContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.carbon = new CarbonCalculator(settings, context);
        return this;
    }

    /**
     * Whether a carbon context is attached: always, except after deserialisation until
     * {@link #withContext(CarbonContext)}.
     */
    public boolean hasContext() {
        return context != null;
    }

    private void requireContext(String operation) {
        if (context == null) {
            throw new IllegalStateException("cannot " + operation + ": this accumulator was deserialised without its "
                    + "carbon context; attach it with withContext(context) first");
        }
    }

    /** The settings this accumulator groups and computes with. */
    public MethodSettings settings() {
        return settings;
    }

    /**
     * A collector over records (sequential or parallel) into the results, for
     * {@code records.stream().collect(ReportAccumulator.collector(settings))}. Feed each record once.
     */
    public static Collector<TelemetryRecord, ReportAccumulator, Results> collector(MethodSettings settings) {
        return collector(settings, CarbonContext.none());
    }

    /** As {@link #collector(MethodSettings)}, with a carbon context. */
    public static Collector<TelemetryRecord, ReportAccumulator, Results> collector(MethodSettings settings,
            CarbonContext context) {
        Supplier<ReportAccumulator> supplier = () -> create(settings, context);
        BiConsumer<ReportAccumulator, TelemetryRecord> add = ReportAccumulator::add;
        BinaryOperator<ReportAccumulator> merge = ReportAccumulator::merge;
        Function<ReportAccumulator, Results> finish = ReportAccumulator::results;
        return Collector.of(supplier, add, merge, finish, Collector.Characteristics.UNORDERED);
    }

    /**
     * Adds one record. Returns whether any part of it was counted (false when it lies wholly
     * outside the reporting range).
     */
    public boolean add(TelemetryRecord r) {
        requireContext("add a record");
        Instant start = r.interval().start();
        Instant end = r.interval().end();
        List<ReportingPeriod.Slice> slices = settings.period().slices(start, end);
        if (slices.isEmpty()) {
            return false;
        }
        BigDecimal[] values = new BigDecimal[GroupSums.FIELDS];
        long mask = 0;
        long lists = 0;
        for (TelemetryField f : ALL_FIELDS) {
            if (LIST[f.ordinal()]) {
                if (f.isPresentIn(r)) {
                    lists |= 1L << f.ordinal();
                }
                continue;
            }
            BigDecimal v = f.valueIn(r);
            if (v != null) {
                values[f.ordinal()] = v;
                mask |= 1L << f.ordinal();
            }
        }
        mask |= lists;
        int k = slices.size();
        List<CarbonSums> targets = new ArrayList<>(k);
        List<GroupSums> touched = new ArrayList<>(k);
        BigDecimal total = ReportingPeriod.seconds(start, end);
        boolean whole = covers(slices, start, end);
        BigDecimal[][] parts = new BigDecimal[GroupSums.FIELDS][];
        for (int f = 0; f < GroupSums.FIELDS; f++) {
            if (values[f] != null && !PERCENT[f]) {
                parts[f] = split(values[f], slices, total, whole);
            }
        }
        for (int i = 0; i < k; i++) {
            ReportingPeriod.Slice s = slices.get(i);
            BigDecimal[] part = new BigDecimal[GroupSums.FIELDS];
            for (int f = 0; f < GroupSums.FIELDS; f++) {
                if (parts[f] != null) {
                    part[f] = parts[f][i];
                }
            }
            GroupSums g = groups.computeIfAbsent(new GroupKey(r.facilityId(), s.period().start(), s.period().end()),
                    key -> new GroupSums());
            for (int f = 0; f < GroupSums.FIELDS; f++) {
                if (values[f] == null) {
                    continue;
                }
                if (PERCENT[f]) {
                    BigDecimal gpu = part[GPU];
                    if (gpu != null) {
                        g.addWeighted(f, values[f].multiply(gpu), gpu);
                    }
                } else {
                    g.addValue(f, part[f]);
                }
            }
            for (int f = 0; f < GroupSums.FIELDS; f++) {
                if ((lists & (1L << f)) != 0) {
                    g.counts[f]++;
                }
            }
            g.records++;
            g.span(s.start(), s.end());
            g.key(r.key(), mask, settings.lineageKeyLimit());
            targets.add(g.carbon);
            touched.add(g);
        }
        addQuality(r, slices, touched, total, whole, start, end);
        long[] before = new long[CarbonSums.CHANNELS];
        for (CarbonSums t : targets) {
            for (int c = 0; c < CarbonSums.CHANNELS; c++) {
                before[c] += t.records[c];
            }
        }
        carbon.add(r, slices, targets, total, whole);
        if (k > 1) {
            long[] extra = carbonExtras.computeIfAbsent(r.facilityId(), f -> new long[CarbonSums.CHANNELS]);
            for (int c = 0; c < CarbonSums.CHANNELS; c++) {
                long after = 0;
                for (CarbonSums t : targets) {
                    after += t.records[c];
                }
                long added = after - before[c];
                if (added > 1) {
                    extra[c] += added - 1;
                }
            }
        }
        if (k > 1) {
            long[] extra = splitExtras.computeIfAbsent(r.facilityId(), f -> new long[GroupSums.FIELDS + 1]);
            for (int f = 0; f < GroupSums.FIELDS; f++) {
                boolean counted = values[f] != null
                        && (!PERCENT[f] || values[GPU] != null)
                        || (lists & (1L << f)) != 0;
                if (counted) {
                    extra[f] += k - 1;
                }
            }
            extra[RECORDS] += k - 1;
        }
        return true;
    }

    /** Adds a record's data-quality counts: its share per source, and in its first group its length, latency and samples. */
    private void addQuality(TelemetryRecord r, List<ReportingPeriod.Slice> slices, List<GroupSums> touched,
            BigDecimal total, boolean whole, Instant start, Instant end) {
        BigDecimal[] shares = split(BigDecimal.ONE, slices, total, whole);
        String source = r.key().sourceId();
        QualitySums first = null;
        for (int i = 0; i < slices.size(); i++) {
            QualitySums q = touched.get(i).quality;
            q.source(source).received = q.source(source).received.add(shares[i]);
            if (i == 0) {
                first = q;
            }
        }
        first.source(source).lengths.merge(Decimals.normalize(total), 1L, Long::sum);
        if (r.observedAt() != null && r.ingestedAt() != null) {
            long seconds = Math.floorDiv(java.time.Duration.between(r.observedAt(), r.ingestedAt()).toMillis(), 1000L);
            if (seconds < 0) {
                first.negativeLatency++;
            } else {
                first.latency.merge(seconds, 1L, Long::sum);
            }
        }
        long perHourMultiplier = perHourMultiplier(total);
        for (TelemetryField f : settings.quality().series()) {
            BigDecimal v = f.valueIn(r);
            if (v != null) {
                BigDecimal perHour = f.isPercent() ? v : perHour(v, total, perHourMultiplier);
                first.series.computeIfAbsent(new QualitySums.SeriesKey(r.facilityId(), source, f.pointer()),
                        k -> new SampleSeries()).add(start, perHour);
            }
        }
    }

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** The fields, once ({@code values()} copies the array on every call). */
    private static final TelemetryField[] ALL_FIELDS = TelemetryField.values();
    /** Whether each field (by ordinal) is a percentage, weighted by GPU-hours. */
    private static final boolean[] PERCENT = new boolean[ALL_FIELDS.length];
    /** Whether each field (by ordinal) is a list (fuel, refrigerant, contracts, grid intensity). */
    private static final boolean[] LIST = new boolean[ALL_FIELDS.length];

    static {
        for (TelemetryField f : ALL_FIELDS) {
            PERCENT[f.ordinal()] = f.isPercent();
            LIST[f.ordinal()] = f.isList();
        }
    }

    /** 3600 / T when the interval T is a whole number of seconds that divides an hour (60 s, 900 s, 1 h), else 0. */
    static long perHourMultiplier(BigDecimal seconds) {
        BigDecimal t = seconds.stripTrailingZeros();
        if (t.scale() > 0 || t.signum() <= 0 || t.compareTo(SECONDS_PER_HOUR) > 0) {
            return 0;
        }
        int s = t.intValueExact();
        return 3600 % s == 0 ? 3600 / s : 0;
    }

    /**
     * A value per hour of its interval: v × 3600 / T, rounded once with {@link Decimals#MATH_CONTEXT}
     * (docs/methodology.md, "Data quality"). When T divides an hour the quotient is the exact product
     * v × (3600 / T), rounded the same way, without a division (the common case: hourly and
     * sub-hourly samples).
     */
    static BigDecimal perHour(BigDecimal v, BigDecimal seconds, long multiplier) {
        if (multiplier == 1) {
            return Decimals.normalize(v.round(Decimals.MATH_CONTEXT));
        }
        if (multiplier > 1) {
            return Decimals.normalize(v.multiply(BigDecimal.valueOf(multiplier)).round(Decimals.MATH_CONTEXT));
        }
        return Decimals.divide(v.multiply(SECONDS_PER_HOUR), seconds);
    }

    /** Whether the slices cover {@code [start, end)} without a gap. */
    private static boolean covers(List<ReportingPeriod.Slice> slices, Instant start, Instant end) {
        return slices.get(0).start().equals(start) && slices.get(slices.size() - 1).end().equals(end);
    }

    /**
     * Splits {@code v} over the slices in proportion to their time: each part but the last is
     * {@code v × t_i / T} rounded once with {@link Decimals#MATH_CONTEXT}; when the slices cover
     * the whole interval the last part is the remainder, so the parts sum exactly to {@code v}.
     */
    static BigDecimal[] split(BigDecimal v, List<ReportingPeriod.Slice> slices, BigDecimal total, boolean whole) {
        int k = slices.size();
        BigDecimal[] out = new BigDecimal[k];
        if (k == 1 && whole) {
            out[0] = v;
            return out;
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < k; i++) {
            ReportingPeriod.Slice s = slices.get(i);
            if (whole && i == k - 1) {
                out[i] = v.subtract(given);
            } else {
                out[i] = Decimals.normalize(v.multiply(ReportingPeriod.seconds(s.start(), s.end()))
                        .divide(total, Decimals.MATH_CONTEXT));
                given = given.add(out[i]);
            }
        }
        return out;
    }

    /**
     * Adds everything {@code other} holds; {@code other} is unchanged. Returns this.
     *
     * <p>Works on detached (deserialised) accumulators too: merging touches sums only.
     *
     * @throws IllegalArgumentException if the settings differ
     */
    public ReportAccumulator merge(ReportAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!settings.equals(other.settings)) {
            throw new IllegalArgumentException("cannot merge accumulators with different settings: " + settings
                    + " and " + other.settings);
        }
        int limit = settings.lineageKeyLimit();
        for (Map.Entry<GroupKey, GroupSums> e : other.groups.entrySet()) {
            GroupSums mine = groups.get(e.getKey());
            if (mine == null) {
                groups.put(e.getKey(), e.getValue().copy(limit));
            } else {
                mine.merge(e.getValue(), limit);
            }
        }
        for (Map.Entry<String, long[]> e : other.splitExtras.entrySet()) {
            long[] mine = splitExtras.computeIfAbsent(e.getKey(), f -> new long[GroupSums.FIELDS + 1]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += e.getValue()[i];
            }
        }
        for (Map.Entry<String, long[]> e : other.carbonExtras.entrySet()) {
            long[] mine = carbonExtras.computeIfAbsent(e.getKey(), f -> new long[CarbonSums.CHANNELS]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += e.getValue()[i];
            }
        }
        return this;
    }

    /** Whether nothing has been counted. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /**
     * The metrics of every group, every facility and the total. The accumulator is unchanged and
     * may be added to afterwards.
     */
    public Results results() {
        requireContext("compute results");
        int limit = settings.lineageKeyLimit();
        MetricCalculator calc = new MetricCalculator(settings, context);
        List<GroupResult> perPeriod = new ArrayList<>();
        List<GroupResult> perFacility = new ArrayList<>();
        GroupSums total = new GroupSums();
        CarbonMetrics.Embodied totalEmbodied = null;
        List<String> facilityIds = new ArrayList<>();
        List<MarketAllocation.Result> markets = new ArrayList<>();
        QualityMetrics.Completeness completeness = null;
        String facility = null;
        GroupSums facilitySums = null;
        for (Map.Entry<GroupKey, GroupSums> e : groups.entrySet()) {
            GroupKey key = e.getKey();
            if (!key.facility().equals(facility)) {
                if (facilitySums != null) {
                    GroupResult f = finishFacility(calc, facility, facilitySums, total, limit);
                    perFacility.add(f);
                    totalEmbodied = plus(totalEmbodied, calc.embodied(facility, facilitySums));
                    facilityIds.add(facility);
                    markets.add(calc.market(facilitySums));
                    completeness = plus(completeness, calc.completeness(facility, facilitySums).of(facility));
                }
                facility = key.facility();
                facilitySums = new GroupSums();
            }
            facilitySums.merge(e.getValue(), limit);
            perPeriod.add(calc.result(GroupResult.Level.FACILITY_PERIOD, key.facility(), key.start(), key.end(),
                    e.getValue(), calc.embodied(key.facility(), e.getValue())));
        }
        if (facilitySums != null) {
            perFacility.add(finishFacility(calc, facility, facilitySums, total, limit));
            totalEmbodied = plus(totalEmbodied, calc.embodied(facility, facilitySums));
            facilityIds.add(facility);
            markets.add(calc.market(facilitySums));
            completeness = plus(completeness, calc.completeness(facility, facilitySums).of(facility));
        }
        ReportingPeriod p = settings.period();
        if (totalEmbodied == null) {
            totalEmbodied = new CarbonMetrics.Embodied(null, List.of(), List.of(), "no records");
        }
        MarketAllocation.Result totalMarket = facilityIds.isEmpty() ? null
                : MarketAllocation.Result.sum(facilityIds, markets);
        GroupResult totalResult = calc.result(GroupResult.Level.TOTAL, null, p.from(), p.to(), total, totalEmbodied,
                totalMarket, completeness);
        return new Results(perPeriod, perFacility, totalResult);
    }

    private static QualityMetrics.Completeness plus(QualityMetrics.Completeness sum, QualityMetrics.Completeness one) {
        return sum == null ? one : sum.plus(one);
    }

    /** The embodied carbon of all facilities: the sum of each facility's (each over its own span). */
    private static CarbonMetrics.Embodied plus(CarbonMetrics.Embodied sum, CarbonMetrics.Embodied one) {
        return sum == null ? one : sum.plus(one);
    }

    private GroupResult finishFacility(MetricCalculator calc, String facility, GroupSums sums, GroupSums total,
            int limit) {
        long[] extra = splitExtras.get(facility);
        if (extra != null) {
            for (int f = 0; f < GroupSums.FIELDS; f++) {
                sums.counts[f] -= extra[f];
            }
            sums.records -= extra[RECORDS];
        }
        long[] cextra = carbonExtras.get(facility);
        if (cextra != null) {
            sums.carbon.uncount(cextra);
        }
        total.merge(sums, limit);
        ReportingPeriod p = settings.period();
        return calc.result(GroupResult.Level.FACILITY, facility, p.from(), p.to(), sums, calc.embodied(facility, sums));
    }

    /**
     * The serial form: a {@link SerialForm} (serialisation proxy), so that neither the carbon
     * context nor the settings object graph is written.
     */
    private Object writeReplace() {
        List<GroupKey> keys = new ArrayList<>(groups.keySet());
        List<GroupSums> sums = new ArrayList<>(groups.values());
        return new SerialForm(settings.toCanonicalJson(), keys, sums, splitExtras, carbonExtras);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a ReportAccumulator is read through its serial form");
    }

    /**
     * What a {@link ReportAccumulator} is serialised as: the settings' canonical JSON, the groups in
     * order with their exact sums, and the per-facility corrections for split records. Reading it
     * gives a detached accumulator (see the class comment).
     */
    private static final class SerialForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String settings;
        private final ArrayList<GroupKey> keys;
        private final ArrayList<GroupSums> sums;
        private final TreeMap<String, long[]> splitExtras;
        private final TreeMap<String, long[]> carbonExtras;

        SerialForm(String settings, List<GroupKey> keys, List<GroupSums> sums, TreeMap<String, long[]> splitExtras,
                TreeMap<String, long[]> carbonExtras) {
            this.settings = settings;
            this.keys = new ArrayList<>(keys);
            this.sums = new ArrayList<>(sums);
            this.splitExtras = splitExtras;
            this.carbonExtras = carbonExtras;
        }

        private Object readResolve() throws InvalidObjectException {
            if (settings == null || keys == null || sums == null || keys.size() != sums.size() || splitExtras == null
                    || carbonExtras == null) {
                throw new InvalidObjectException("corrupt ReportAccumulator serial form");
            }
            ReportAccumulator a = new ReportAccumulator(MethodSettings.parse(settings));
            for (int i = 0; i < keys.size(); i++) {
                a.groups.put(keys.get(i), sums.get(i));
            }
            a.splitExtras.putAll(splitExtras);
            a.carbonExtras.putAll(carbonExtras);
            return a;
        }
    }

    /**
     * The metrics of one calculation.
     *
     * @param groups     one per facility and period, ordered by facility id then period
     * @param facilities one per facility over all periods, ordered by facility id
     * @param total      every facility over all periods
     */
    public record Results(List<GroupResult> groups, List<GroupResult> facilities, GroupResult total) {
        public Results {
            groups = List.copyOf(groups);
            facilities = List.copyOf(facilities);
            Objects.requireNonNull(total, "total");
        }
    }
}
