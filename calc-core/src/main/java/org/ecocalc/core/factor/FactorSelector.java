package org.ecocalc.core.factor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one factor selector: deterministic and explained. For a {@link FactorQuery} it returns one
 * {@link FactorSelection} or throws {@link UnknownFactorException}; the result never depends on
 * the order in which packs, factors or overrides were given.
 *
 * <h2>Rules, in order</h2>
 * <ol>
 *   <li><b>Level.</b> Candidates have the query's activity type and gas and a value. The first
 *       level with a candidate wins: an approved {@link FactorOverride} (activity-scoped, then
 *       facility-scoped, then organisation-scoped), then factors published for the
 *       {@link RegionLevel#FACILITY facility}, its {@link RegionLevel#GRID_ZONE grid zone},
 *       {@link RegionLevel#COUNTRY country}, {@link RegionLevel#REGION region},
 *       {@link RegionLevel#GLOBAL global}, and last {@link RegionLevel#FALLBACK fallback} factors.
 *       A level whose place field the query lacks is skipped.</li>
 *   <li><b>Date.</b> Within that level, the candidates that cover the whole activity interval
 *       ({@link Factor#covers}) are kept. If none does, the candidates closest by date
 *       ({@link Factor#secondsApart}) are kept and the selection is {@code dateFlagged}.</li>
 *   <li><b>Total order.</b> Any remaining tie is broken by {@link #TIE_ORDER}: latest effective
 *       date, then higher factor confidence, then pack id (ascending), newer pack version, factor id
 *       (ascending), newer factor version. Pack id, pack version, factor id and factor version
 *       identify a factor in a library, so this order is total.</li>
 * </ol>
 *
 * <h2>Confidence of a selection</h2>
 * The factor's own confidence, capped at {@code MEDIUM} for a region match and at {@code LOW} for
 * a global or fallback match, then lowered one step when {@code dateFlagged}.
 */
public final class FactorSelector {
    /** The total order that breaks ties left after the level and date rules (first = chosen). */
    public static final Comparator<Factor> TIE_ORDER = Comparator
            .comparing(Factor::effectiveDate, Comparator.reverseOrder())
            .thenComparing(Factor::confidence)
            .thenComparing((Factor f) -> f.pack().packId())
            .thenComparing((Factor f) -> f.pack().version(), SemVer.PRECEDENCE.reversed())
            .thenComparing(Factor::factorId)
            .thenComparing(Factor::version, Comparator.reverseOrder());

    private static final RegionLevel[] LEVELS = RegionLevel.values();

    /**
     * The factors by activity type, gas, region level and region code (the code left empty for the
     * global and fallback levels, which match any place): a selection
     * reads one list per level instead of scanning the library, so its cost does not grow with the
     * number of factors (docs/performance.md). The lists are exactly the factors the linear rule
     * "level, code, activity type and gas match" would find, sorted by {@link #TIE_ORDER} (stably, so
     * factors the order ties keep library order): the first of them in a pool is its minimum, the
     * choice, without comparing the rest (decision 0853).
     */
    private final Map<IndexKey, List<Factor>> index;
    private final List<FactorOverride> overrides;
    /** The trace's first line when the packs are restricted ("packs in use: …"), else null; made once. */
    private final String packsLine;

    private FactorSelector(FactorLibrary library, List<FactorOverride> overrides, Set<String> packsInUse) {
        List<Factor> fs = new ArrayList<>();
        for (FactorPack p : library.packs()) {
            if (packsInUse.isEmpty() || packsInUse.contains(p.ref().idAtVersion())) {
                fs.addAll(p.factors());
            }
        }
        Map<IndexKey, List<Factor>> idx = new HashMap<>();
        for (Factor f : fs) {
            RegionLevel level = f.region().level();
            boolean any = level == RegionLevel.GLOBAL || level == RegionLevel.FALLBACK;
            idx.computeIfAbsent(key(f.activityType(), f.gas(), level, any ? "" : f.region().code()),
                    k -> new ArrayList<>()).add(f);
        }
        idx.replaceAll((k, v) -> {
            List<Factor> sorted = new ArrayList<>(v);
            sorted.sort(TIE_ORDER); // List.sort is stable
            return List.copyOf(sorted);
        });
        this.index = idx;
        this.overrides = List.copyOf(overrides);
        this.packsLine = packsInUse.isEmpty() ? null : "packs in use: " + String.join(", ", packsInUse);
    }

    /** A selector over every pack of {@code library}, without overrides. */
    public static FactorSelector of(FactorLibrary library) {
        return builder(library).build();
    }

    /** A builder over {@code library}. */
    public static Builder builder(FactorLibrary library) {
        return new Builder(library);
    }

    /**
     * Selects the factor for a query.
     *
     * @throws UnknownFactorException if no factor matches at any level; its trace says what was tried
     */
    public FactorSelection select(FactorQuery q) {
        Objects.requireNonNull(q, "query");
        List<String> trace = new ArrayList<>();
        if (packsLine != null) {
            trace.add(packsLine);
        }
        FactorSelection o = selectOverride(q, trace);
        if (o != null) {
            return o;
        }
        int skippedNoValue = 0;
        for (RegionLevel level : LEVELS) {
            String code = q.codeFor(level);
            boolean any = level == RegionLevel.GLOBAL || level == RegionLevel.FALLBACK;
            if (code == null && !any) {
                trace.add("no " + label(level) + " given: " + level.id() + " level skipped");
                continue;
            }
            List<Factor> candidates = new ArrayList<>();
            for (Factor f : index.getOrDefault(key(q.activityType(), q.gas(), level, any ? "" : code), List.of())) {
                if (f.hasValue()) {
                    candidates.add(f);
                } else {
                    skippedNoValue++;
                }
            }
            if (candidates.isEmpty()) {
                trace.add(any ? "no " + level.id() + " factor" : "no " + level.id() + " factor for " + code);
                continue;
            }
            trace.add(level.id() + " match" + (any ? "" : ": " + code));
            Chosen c = choose(candidates, true, q, trace);
            Confidence conf = c.factor.confidence();
            if (level == RegionLevel.REGION) {
                conf = conf.atMost(Confidence.MEDIUM);
            } else if (level == RegionLevel.GLOBAL || level == RegionLevel.FALLBACK) {
                conf = Confidence.LOW;
            }
            if (c.dateFlagged) {
                conf = conf.lower();
            }
            trace.add("selected " + c.factor.reference() + " (" + c.factor.pack().digest() + "), confidence "
                    + conf.id());
            return new FactorSelection(c.factor, MatchLevel.of(level), conf, c.dateFlagged, null, trace);
        }
        if (skippedNoValue > 0) {
            trace.add(skippedNoValue + " matching factor(s) skipped: they come from citation-only packs and"
                    + " carry no value (load the licensed data as a pack)");
        }
        throw new UnknownFactorException("no factor for " + q.activityType() + " / "
                + (q.gas() == null ? "(no gas)" : q.gas().id()) + ": " + String.join("; ", trace), trace);
    }

    private FactorSelection selectOverride(FactorQuery q, List<String> trace) {
        for (OverrideScope scope : OverrideScope.values()) {
            String id = scope == OverrideScope.ACTIVITY ? q.activityId()
                    : scope == OverrideScope.FACILITY ? q.facilityId() : q.organisationId();
            if (id == null) {
                continue;
            }
            List<Factor> candidates = new ArrayList<>();
            List<FactorOverride> matching = new ArrayList<>();
            for (FactorOverride o : overrides) {
                if (o.scope() == scope && o.scopeId().equals(id) && matches(o.factor(), q)) {
                    candidates.add(o.factor());
                    matching.add(o);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            trace.add("approved override for " + scope.id() + " " + id);
            Chosen c = choose(candidates, false, q, trace);
            FactorOverride used = null;
            for (FactorOverride o : matching) {
                if (o.factor().equals(c.factor) && (used == null || compareOverrides(o, used) < 0)) {
                    used = o;
                }
            }
            Confidence conf = c.dateFlagged ? c.factor.confidence().lower() : c.factor.confidence();
            trace.add("override approved by " + used.approvedBy() + " on " + used.approvedOn() + ": " + used.reason());
            trace.add("selected " + c.factor.reference() + " (" + c.factor.pack().digest() + "), confidence "
                    + conf.id());
            return new FactorSelection(c.factor, MatchLevel.OVERRIDE, conf, c.dateFlagged, used, trace);
        }
        trace.add("no approved override for " + describeScopes(q));
        return null;
    }

    private static int compareOverrides(FactorOverride a, FactorOverride b) {
        int c = b.approvedOn().compareTo(a.approvedOn());
        if (c == 0) {
            c = a.approvedBy().compareTo(b.approvedBy());
        }
        return c != 0 ? c : a.reason().compareTo(b.reason());
    }

    private static String describeScopes(FactorQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.activityId() != null) {
            parts.add("activity " + q.activityId());
        }
        if (q.facilityId() != null) {
            parts.add("facility " + q.facilityId());
        }
        if (q.organisationId() != null) {
            parts.add("organisation " + q.organisationId());
        }
        return parts.isEmpty() ? "(no activity, facility or organisation given)" : String.join(", ", parts);
    }

    private static boolean matches(Factor f, FactorQuery q) {
        return f.activityType().equals(q.activityType()) && Objects.equals(f.gas(), q.gas());
    }

    /** The index key: activity type, gas, level and region code (a factor matches a query when all four are equal). */
    private static IndexKey key(String activityType, Gas gas, RegionLevel level, String code) {
        return new IndexKey(activityType, gas, level, code);
    }

    private record IndexKey(String activityType, Gas gas, RegionLevel level, String code) {
    }

    private static Chosen choose(List<Factor> candidates, boolean presorted, FactorQuery q, List<String> trace) {
        Instant s = q.start();
        Instant e = q.end();
        List<Factor> valid = new ArrayList<>();
        for (Factor f : candidates) {
            if (f.covers(s, e)) {
                valid.add(f);
            }
        }
        List<Factor> pool;
        boolean flagged;
        if (!valid.isEmpty()) {
            trace.add(valid.size() + " of " + candidates.size() + " candidate(s) valid for " + q.intervalText());
            pool = valid;
            flagged = false;
        } else {
            long best = Long.MAX_VALUE;
            for (Factor f : candidates) {
                best = Math.min(best, f.secondsApart(s, e));
            }
            pool = new ArrayList<>();
            for (Factor f : candidates) {
                if (f.secondsApart(s, e) == best) {
                    pool.add(f);
                }
            }
            trace.add("FLAG: none of " + candidates.size() + " candidate(s) covers " + q.intervalText()
                    + "; closest by date (" + describeGap(best) + " apart): " + pool.size() + " candidate(s)");
            flagged = true;
        }
        // The first in the total order. Index lists are sorted by it, so a pool drawn from one is
        // already in order; override candidates are not.
        Factor chosen = presorted ? pool.get(0) : Collections.min(pool, TIE_ORDER);
        if (pool.size() > 1) {
            trace.add("tie among " + pool.size() + " broken by total order (latest effective date, higher"
                    + " confidence, pack id, newer pack version, factor id, newer factor version)");
        }
        trace.add(chosen.validityText());
        return new Chosen(chosen, flagged);
    }

    private static String describeGap(long seconds) {
        if (seconds == 0) {
            return "overlapping, not covering";
        }
        long days = seconds / 86_400;
        return days > 0 ? days + " day(s)" : seconds + " s";
    }

    private static String label(RegionLevel level) {
        return level == RegionLevel.GRID_ZONE ? "grid zone" : level.id();
    }

    private record Chosen(Factor factor, boolean dateFlagged) {
    }

    /** Builds a {@link FactorSelector}. */
    public static final class Builder {
        private final FactorLibrary library;
        private final List<FactorOverride> overrides = new ArrayList<>();
        private final Set<String> packs = new TreeSet<>();

        private Builder(FactorLibrary library) {
            this.library = Objects.requireNonNull(library, "library");
        }

        /** Adds approved overrides (order does not matter). */
        public Builder overrides(Collection<FactorOverride> more) {
            for (FactorOverride o : more) {
                overrides.add(Objects.requireNonNull(o, "override"));
            }
            return this;
        }

        /** Adds one approved override. */
        public Builder override(FactorOverride o) {
            overrides.add(Objects.requireNonNull(o, "override"));
            return this;
        }

        /**
         * Restricts selection to these pack versions (default: every pack in the library), so that a
         * calculation can pin the versions it reports.
         *
         * @throws IllegalArgumentException if a pack is not in the library
         */
        public Builder packs(Collection<PackRef> refs) {
            for (PackRef r : refs) {
                FactorPack p = library.pack(r.packId(), r.version()).orElseThrow(() ->
                        new IllegalArgumentException("pack " + r.idAtVersion() + " is not in the library"));
                if (!p.digest().equals(r.digest())) {
                    throw new IllegalArgumentException("pack " + r.idAtVersion() + " in the library has digest "
                            + p.digest() + ", not " + r.digest());
                }
                packs.add(r.idAtVersion());
            }
            return this;
        }

        /** The selector. */
        public FactorSelector build() {
            return new FactorSelector(library, overrides, Collections.unmodifiableSet(new TreeSet<>(packs)));
        }
    }
}
