package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.factor.GwpTable;
import org.ecocalc.core.factor.GwpUnavailableException;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;
import org.ecocalc.core.report.CarbonSums.Channel;
import org.ecocalc.core.telemetry.FuelUse;
import org.ecocalc.core.telemetry.Instrument;
import org.ecocalc.core.telemetry.IntensityPoint;
import org.ecocalc.core.telemetry.RefrigerantRelease;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * Prices one record's carbon and adds it to the groups its interval falls in. The rules are those
 * of {@code docs/methodology.md} ("Carbon"):
 *
 * <ul>
 *   <li>Scope 2 electricity is {@code /energy/grid_import}, or, when absent, facility energy
 *       minus on-site renewable energy (flagged as inferred).</li>
 *   <li>The grid factor: the selector's best CO2 and CO2e candidates; within the winning source, a
 *       published CO2e rate computed with the chosen GWP set is used as published; otherwise
 *       CO2, CH4 and N2O are combined with the chosen set; otherwise a published CO2e of another
 *       or unknown set is used as published and flagged; otherwise CO2 alone, flagged.</li>
 *   <li>Time of use: the record's electricity is split over the segments cut by its
 *       grid-intensity intervals and the period boundaries, in proportion to time, exactly (the
 *       last segment takes the remainder); a segment without an intensity uses the annual factor,
 *       flagged.</li>
 *   <li>Fuel: per gas, the factor's activity unit decides the path: directly when the quantity is
 *       in the factor's dimension, else through the heat content of the same pack; then combined
 *       with the GWP set. Refrigerant: mass × GWP.</li>
 * </ul>
 */
final class CarbonCalculator {
    static final String GRID = "grid_electricity";
    static final String RESIDUAL = "grid_electricity_residual_mix";
    static final String S1_FUEL = "scope1_fuel";
    static final String S1_REFRIGERANT = "scope1_refrigerant";
    static final String S2_LOCATION = "scope2_location";
    static final String S2_MARKET = "scope2_market";

    /** How many grid rates {@link #gridRate} keeps; past it the memo starts again (records come roughly in time order). */
    static final int RATE_MEMO_SIZE = 4096;

    private final MethodSettings settings;
    private final CarbonContext ctx;
    /**
     * Grid rates already resolved, by activity, place and the UTC days a record touches: a rate is a
     * pure function of those, the settings and the context, so the memo never changes a result.
     */
    private final HashMap<RateKey, Priced> rates = new HashMap<>();

    CarbonCalculator(MethodSettings settings, CarbonContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
    }

    /** What a grid rate depends on besides the settings and the context. */
    private record RateKey(String activity, String facilityId, String gridZone, String country, String region,
            long fromDay, long toDay) {
    }

    /** A resolved rate: kg CO2e per canonical unit of activity, the factors behind it, and flags. */
    record Priced(BigDecimal kgCo2e, List<FactorUse> uses, List<String> notes, String missing) {
        static Priced missing(String why) {
            return new Priced(null, List.of(), List.of(), why);
        }
    }

    /**
     * Adds the carbon of {@code r} to {@code targets}, one per slice. {@code parts} are the
     * slices' shares of the record's time, in seconds; {@code whole} says whether the slices cover
     * the whole record.
     */
    void add(TelemetryRecord r, List<ReportingPeriod.Slice> slices, List<CarbonSums> targets, BigDecimal total,
            boolean whole) {
        for (int i = 0; i < targets.size(); i++) {
            CarbonSums t = targets.get(i);
            if (r.place().country() != null) {
                t.markets.add(r.place().country());
            }
            if (r.place().region() != null) {
                t.markets.add(r.place().region());
            }
        }
        if (!r.fuel().isEmpty()) {
            addScope1(r, S1_FUEL, Channel.FUEL_KG, priceFuel(r), slices, targets, total, whole);
        }
        if (!r.refrigerant().isEmpty()) {
            addScope1(r, S1_REFRIGERANT, Channel.REFRIGERANT_KG, priceRefrigerant(r), slices, targets, total, whole);
        }
        addScope2(r, slices, targets, total, whole);
        for (Instrument in : r.contracts()) {
            BigDecimal[] parts = ReportAccumulator.split(in.energy().value(), slices, total, whole);
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).instrument(in, parts[i]);
            }
        }
    }

    private void addScope1(TelemetryRecord r, String category, Channel channel, Priced p,
            List<ReportingPeriod.Slice> slices, List<CarbonSums> targets, BigDecimal total, boolean whole) {
        if (p.missing() != null) {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).missing(category, p.missing(), i == 0 ? 1 : 0);
            }
            return;
        }
        BigDecimal[] parts = ReportAccumulator.split(p.kgCo2e(), slices, total, whole);
        for (int i = 0; i < targets.size(); i++) {
            CarbonSums t = targets.get(i);
            t.add(channel, parts[i]);
            t.count(channel);
            long first = i == 0 ? 1 : 0;
            p.uses().forEach(u -> t.factor(u, first));
            p.notes().forEach(n -> t.note(category, n, first));
        }
    }

    // ---------------------------------------------------------------- Scope 2

    private void addScope2(TelemetryRecord r, List<ReportingPeriod.Slice> slices, List<CarbonSums> targets,
            BigDecimal total, boolean whole) {
        BigDecimal energy;
        String inferred = null;
        if (r.energy().gridImport() != null) {
            energy = r.energy().gridImport().value();
        } else if (r.energy().facility() != null) {
            BigDecimal onsite = r.energy().onsiteRenewable() == null ? BigDecimal.ZERO : r.energy().onsiteRenewable().value();
            energy = r.energy().facility().value().subtract(onsite).max(BigDecimal.ZERO);
            inferred = "grid electricity inferred as facility energy minus on-site renewable energy"
                    + " (no /energy/grid_import)";
        } else {
            return;
        }
        Priced annual = gridRate(r, GRID);
        Priced residual = settings.scope2Method().market() ? gridRate(r, RESIDUAL) : null;
        // Cut the record at its slices' bounds and its intensity intervals.
        List<Instant> bounds;
        if (slices.size() == 1 && r.gridIntensity().isEmpty()) {
            bounds = List.of(slices.get(0).start(), slices.get(0).end()); // the common case, without a set
        } else {
            TreeSet<Instant> cuts = new TreeSet<>();
            for (ReportingPeriod.Slice s : slices) {
                cuts.add(s.start());
                cuts.add(s.end());
            }
            for (IntensityPoint p : r.gridIntensity()) {
                if (p.start().isAfter(r.interval().start()) && p.start().isBefore(r.interval().end())) {
                    cuts.add(p.start());
                }
                if (p.end().isAfter(r.interval().start()) && p.end().isBefore(r.interval().end())) {
                    cuts.add(p.end());
                }
            }
            bounds = new ArrayList<>(cuts);
        }
        List<int[]> segs = new ArrayList<>();
        List<BigDecimal> secs = new ArrayList<>();
        int slice = 0;
        for (int k = 0; k + 1 < bounds.size(); k++) {
            Instant a = bounds.get(k);
            Instant b = bounds.get(k + 1);
            while (slice < slices.size() && !slices.get(slice).end().isAfter(a)) {
                slice++;
            }
            if (slice >= slices.size() || a.isBefore(slices.get(slice).start())) {
                continue; // a gap between slices: outside the reporting range
            }
            segs.add(new int[] {slice, point(r, a, b)});
            secs.add(ReportingPeriod.seconds(a, b));
        }
        BigDecimal given = BigDecimal.ZERO;
        boolean[] seen = new boolean[targets.size()];
        boolean[] gapNoted = new boolean[targets.size()];
        boolean[] annualForLocation = new boolean[targets.size()];
        for (int k = 0; k < segs.size(); k++) {
            int[] seg = segs.get(k);
            BigDecimal e = whole && k == segs.size() - 1 ? energy.subtract(given)
                    : Decimals.normalize(energy.multiply(secs.get(k)).divide(total, Decimals.MATH_CONTEXT));
            given = given.add(e);
            CarbonSums t = targets.get(seg[0]);
            boolean firstInGroup = !seen[seg[0]];
            seen[seg[0]] = true;
            t.add(Channel.S2_KWH, e);
            if (annual.missing() == null) {
                t.add(Channel.ANNUAL_KG, e.multiply(annual.kgCo2e()));
                t.add(Channel.ANNUAL_KWH, e);
            }
            if (seg[1] >= 0) {
                IntensityPoint p = r.gridIntensity().get(seg[1]);
                t.add(Channel.LOCATION_KG, e.multiply(p.intensity().kgPerKwh()));
                t.add(Channel.TOU_KWH, e);
            } else if (annual.missing() == null) {
                t.add(Channel.LOCATION_KG, e.multiply(annual.kgCo2e()));
                annualForLocation[seg[0]] = true;
            } else if (firstInGroup) {
                t.missing(S2_LOCATION, annual.missing(), seg[0] == firstSlice(segs) ? 1 : 0);
            }
            if (residual != null && residual.missing() == null) {
                t.add(Channel.RESIDUAL_KG, e.multiply(residual.kgCo2e()));
                t.add(Channel.RESIDUAL_KWH, e);
            } else if (annual.missing() == null) {
                t.add(Channel.FALLBACK_KG, e.multiply(annual.kgCo2e()));
                t.add(Channel.FALLBACK_KWH, e);
            }
            if (firstInGroup) {
                long count = seg[0] == firstSlice(segs) ? 1 : 0;
                t.count(Channel.S2_KWH);
                if (inferred != null) {
                    t.note(S2_LOCATION, inferred, count);
                }
                if (annual.missing() == null) {
                    annual.uses().forEach(u -> t.factor(u, count));
                    annual.notes().forEach(n -> t.note(S2_LOCATION, n, count));
                    if (residual == null || residual.missing() != null) {
                        annual.uses().forEach(u -> t.gridAverageKeys.add(new CarbonSums.UseKey(u)));
                    }
                } else if (settings.scope2Method().market()) {
                    t.note(S2_MARKET, "no annual grid factor: " + annual.missing(), count);
                }
                if (residual != null && residual.missing() == null) {
                    residual.uses().forEach(u -> {
                        t.factor(u, count);
                        t.residualKeys.add(new CarbonSums.UseKey(u));
                    });
                }
            }
            if (seg[1] < 0 && !r.gridIntensity().isEmpty() && !gapNoted[seg[0]]) {
                gapNoted[seg[0]] = true;
                t.note(S2_LOCATION, "part of a record's interval has no time-of-use intensity: annual factor used",
                        seg[0] == firstSlice(segs) ? 1 : 0);
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            if (annualForLocation[i]) {
                CarbonSums t = targets.get(i);
                annual.uses().forEach(u -> t.locationKeys.add(new CarbonSums.UseKey(u)));
            }
        }
        if (!segs.isEmpty() && !r.gridIntensity().isEmpty()) {
            CarbonSums t = targets.get(segs.get(0)[0]);
            t.count(Channel.TOU_KWH);
            for (IntensityPoint p : r.gridIntensity()) {
                if (p.gwpSet() == null || !p.gwpSet().equalsIgnoreCase(settings.gwpSet().name())) {
                    t.note(S2_LOCATION, "time-of-use intensity from " + (p.source() == null ? "an unnamed source" : p.source())
                            + " is CO2e computed with " + (p.gwpSet() == null ? "an unstated" : p.gwpSet())
                            + " GWP set, used under " + settings.gwpSet().name(), 1);
                    break;
                }
            }
        }
    }

    private static int firstSlice(List<int[]> segs) {
        return segs.isEmpty() ? -1 : segs.get(0)[0];
    }

    /** The index of the intensity point covering [a, b), or -1. */
    private static int point(TelemetryRecord r, Instant a, Instant b) {
        List<IntensityPoint> points = r.gridIntensity();
        for (int i = 0; i < points.size(); i++) {
            IntensityPoint p = points.get(i);
            if (!p.start().isAfter(a) && !p.end().isBefore(b)) {
                return i;
            }
        }
        return -1;
    }

    private FactorQuery.Builder query(TelemetryRecord r, String activity, Gas gas) {
        Instant from = day(r.interval().start());
        Instant to = day(r.interval().end());
        if (to.isBefore(r.interval().end())) {
            to = to.plusSeconds(86_400);
        }
        FactorQuery.Builder q = FactorQuery.builder(activity, gas).interval(from, to).facility(r.facilityId());
        if (r.place().gridZone() != null) {
            q.gridZone(r.place().gridZone());
        }
        if (r.place().country() != null) {
            q.country(r.place().country());
        }
        if (r.place().region() != null) {
            q.region(r.place().region());
        }
        if (settings.organisationId() != null) {
            q.organisation(settings.organisationId());
        }
        return q;
    }

    /** Factors are valid by UTC day, so a record is matched by the days it touches. */
    private static Instant day(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private FactorSelection select(TelemetryRecord r, String activity, Gas gas) {
        return ctx.select(query(r, activity, gas).build());
    }

    /**
     * The kg CO2e per kWh of the grid (or residual mix) for a record, per the rule above. Memoised
     * by activity, place and the UTC days the record touches (what the queries depend on).
     */
    Priced gridRate(TelemetryRecord r, String activity) {
        if (!ctx.hasFactors()) {
            return NO_PACKS;
        }
        long fromDay = Math.floorDiv(r.interval().start().getEpochSecond(), 86_400L);
        long endSecond = r.interval().end().getEpochSecond();
        // The first UTC day boundary at or after the end, as in query(): the days the record touches.
        long toDay = Math.floorDiv(endSecond, 86_400L)
                + (Math.floorMod(endSecond, 86_400L) != 0 || r.interval().end().getNano() > 0 ? 1 : 0);
        RateKey key = new RateKey(activity, r.facilityId(), r.place().gridZone(), r.place().country(),
                r.place().region(), fromDay, toDay);
        Priced p = rates.get(key);
        if (p == null) {
            if (rates.size() >= RATE_MEMO_SIZE) {
                rates.clear();
            }
            p = gridRate(gas -> query(r, activity, gas).build(), place(r), activity);
            rates.put(key, p);
        }
        return p;
    }

    private static final Priced NO_PACKS = Priced.missing("no factor packs loaded");

    /**
     * The kg CO2e per kWh of the grid (or residual mix) for the queries {@code queryFor} builds (one
     * per gas, same place and interval), per the rule above; {@code place} names the place in messages.
     * Used for telemetry records and, through {@link GridRate}, for usage events.
     */
    Priced gridRate(Function<Gas, FactorQuery> queryFor, String place, String activity) {
        if (!ctx.hasFactors()) {
            return NO_PACKS;
        }
        FactorSelection co2 = ctx.select(queryFor.apply(Gas.CO2));
        FactorSelection co2e = ctx.select(queryFor.apply(Gas.CO2E));
        if (co2 == null && co2e == null) {
            return Priced.missing("no " + activity + " factor for " + place + " ("
                    + ctx.whyNot(queryFor.apply(Gas.CO2E)) + ")");
        }
        String role = activity;
        List<String> notes = new ArrayList<>();
        boolean co2ePrimary = co2 == null || co2e != null && co2e.level().ordinal() < co2.level().ordinal();
        if (co2ePrimary) {
            return publishedCo2e(role, co2e, notes);
        }
        FactorSelection ch4 = ctx.select(queryFor.apply(Gas.CH4));
        FactorSelection n2o = ctx.select(queryFor.apply(Gas.N2O));
        boolean sameE = sameSource(co2, co2e);
        if (sameE && settings.gwpSet().name().equals(co2e.factor().gwpSetId())) {
            return publishedCo2e(role, co2e, notes);
        }
        if (sameSource(co2, ch4) && sameSource(co2, n2o)) {
            GwpTable gwp = ctx.gwp();
            if (gwp == null) {
                return Priced.missing("no GWP pack loaded to combine CO2, CH4 and N2O");
            }
            try {
                Map<Gas, BigDecimal> kg = new EnumLikeMap();
                kg.put(Gas.CO2, co2.factor().valueInCanonicalUnits());
                kg.put(Gas.CH4, ch4.factor().valueInCanonicalUnits());
                kg.put(Gas.N2O, n2o.factor().valueInCanonicalUnits());
                BigDecimal rate = gwp.toCo2e(kg, settings.gwpSet(), settings.gwpHorizon());
                return new Priced(rate, List.of(FactorUse.of(role + "/co2", co2), FactorUse.of(role + "/ch4", ch4),
                        FactorUse.of(role + "/n2o", n2o), gwpUse(gwp)), notes, null);
            } catch (GwpUnavailableException e) {
                return Priced.missing(e.getMessage());
            }
        }
        if (sameE) {
            return publishedCo2e(role, co2e, notes);
        }
        notes.add(co2.factor().reference() + ": CH4 and N2O rates are not published for this source;"
                + " CO2 only (an underestimate of a few per mille for grid electricity)");
        return new Priced(co2.factor().valueInCanonicalUnits(), List.of(FactorUse.of(role + "/co2", co2)), notes, null);
    }

    private Priced publishedCo2e(String role, FactorSelection co2e, List<String> notes) {
        String set = co2e.factor().gwpSetId();
        if (set == null || !set.equals(settings.gwpSet().name())) {
            notes.add(co2e.factor().reference() + " is CO2e computed with "
                    + (set == null || set.equals("unknown") ? "an unstated" : set) + " GWP set, used as published under "
                    + settings.gwpSet().name());
        }
        return new Priced(co2e.factor().valueInCanonicalUnits(), List.of(FactorUse.of(role + "/co2e", co2e)), notes,
                null);
    }

    private FactorUse gwpUse(GwpTable gwp) {
        return new FactorUse("gwp/" + settings.gwpSet().name() + "-" + settings.gwpHorizon().years(),
                gwp.pack().idAtVersion(), gwp.pack().digest(), null, null, null, "global", "high",
                "IPCC global warming potentials, " + settings.gwpSet().name() + ", " + settings.gwpHorizon().years()
                        + "-year", List.of(), 1);
    }

    private static boolean sameSource(FactorSelection a, FactorSelection b) {
        return a != null && b != null && a.pack().equals(b.pack()) && a.factor().region().equals(b.factor().region())
                && a.level() == b.level();
    }

    private static String place(TelemetryRecord r) {
        StringBuilder b = new StringBuilder(r.facilityId());
        if (r.place().gridZone() != null) {
            b.append(", zone ").append(r.place().gridZone());
        }
        if (r.place().country() != null) {
            b.append(", ").append(r.place().country());
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- Scope 1

    Priced priceFuel(TelemetryRecord r) {
        if (!ctx.hasFactors()) {
            return Priced.missing("no factor packs loaded");
        }
        GwpTable gwp = ctx.gwp();
        if (gwp == null) {
            return Priced.missing("no GWP pack loaded");
        }
        BigDecimal total = BigDecimal.ZERO;
        List<FactorUse> uses = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FuelUse f : r.fuel()) {
            FactorSelection co2 = select(r, f.fuel(), Gas.CO2);
            if (co2 == null) {
                return Priced.missing("no combustion factor for fuel " + f.fuel() + " at " + place(r));
            }
            Map<Gas, BigDecimal> kg = new EnumLikeMap();
            FactorSelection heat = null;
            for (Gas gas : new Gas[] {Gas.CO2, Gas.CH4, Gas.N2O}) {
                FactorSelection s = gas == Gas.CO2 ? co2 : select(r, f.fuel(), gas);
                if (s == null || !sameSource(co2, s)) {
                    notes.add("fuel " + f.fuel() + ": no " + gas.id() + " factor from " + co2.pack().idAtVersion()
                            + "; " + gas.id() + " omitted");
                    continue;
                }
                Factor factor = s.factor();
                Quantity activity = f.quantity();
                Unit den = factor.unit().denominator();
                if (gas == Gas.CO2 && activity.dimension() == Dimension.ENERGY && factor.heatingValueBasis() != null) {
                    String stated = f.heatingValue() == null ? null : f.heatingValue().id();
                    if (stated != null && !stated.equals(factor.heatingValueBasis())) {
                        return Priced.missing("fuel " + f.fuel() + " is given as energy on a " + stated + " basis, but "
                                + factor.reference() + " is on a " + factor.heatingValueBasis()
                                + " basis: convert the amount, or report it as a volume or mass");
                    }
                    if (stated == null) {
                        notes.add("fuel " + f.fuel() + ": the energy amount is taken to be on the factor's "
                                + factor.heatingValueBasis() + " basis (heating_value not stated)");
                    }
                }
                try {
                    if (den == null) {
                        return Priced.missing("fuel factor " + factor.reference() + " is per item");
                    }
                    if (activity.dimension() != den.dimension()) {
                        if (heat == null) {
                            heat = select(r, f.fuel(), null);
                        }
                        if (heat == null || !heat.pack().equals(co2.pack()) || heat.factor().unit().denominator() == null
                                || heat.factor().unit().denominator().dimension() != activity.dimension()
                                || heat.factor().unit().numerator().dimension() != Dimension.ENERGY) {
                            return Priced.missing("fuel " + f.fuel() + " is given as " + activity.dimension().label()
                                    + " but " + factor.reference() + " is per " + den.symbol()
                                    + ", and " + co2.pack().idAtVersion() + " has no heat content per "
                                    + activity.unit().symbol());
                        }
                        activity = heat.factor().apply(activity);
                    }
                    Quantity emitted = factor.apply(activity).to(Unit.KG);
                    kg.merge(gas, emitted.value(), BigDecimal::add);
                    uses.add(FactorUse.of(f.fuel() + "/" + gas.id(), s));
                } catch (UnitException e) {
                    return Priced.missing("fuel " + f.fuel() + ": " + e.getMessage());
                }
            }
            if (heat != null) {
                uses.add(FactorUse.of(f.fuel() + "/heat_content", heat));
            }
            try {
                total = total.add(gwp.toCo2e(kg, settings.gwpSet(), settings.gwpHorizon()));
            } catch (GwpUnavailableException e) {
                return Priced.missing(e.getMessage());
            }
        }
        uses.add(gwpUse(gwp));
        return new Priced(total, dedupe(uses), notes, null);
    }

    Priced priceRefrigerant(TelemetryRecord r) {
        GwpTable gwp = ctx.gwp();
        if (gwp == null) {
            return Priced.missing("no GWP pack loaded");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (RefrigerantRelease x : r.refrigerant()) {
            Gas gas;
            try {
                gas = Gas.of(x.refrigerant());
            } catch (RuntimeException e) {
                return Priced.missing("unknown refrigerant " + x.refrigerant());
            }
            if (!gwp.contains(gas, settings.gwpSet(), settings.gwpHorizon())) {
                return Priced.missing("no " + settings.gwpSet().name() + " " + settings.gwpHorizon().years()
                        + "-year GWP for " + x.refrigerant() + " in " + gwp.pack().idAtVersion());
            }
            total = total.add(x.released().value().multiply(gwp.value(gas, settings.gwpSet(), settings.gwpHorizon()).value()));
        }
        return new Priced(Decimals.normalize(total), List.of(gwpUse(gwp)), List.of(), null);
    }

    private static List<FactorUse> dedupe(List<FactorUse> uses) {
        Map<String, FactorUse> m = new java.util.TreeMap<>();
        for (FactorUse u : uses) {
            m.putIfAbsent(u.key(), u);
        }
        return new ArrayList<>(m.values());
    }

    /** A sorted map of gases (deterministic order). */
    private static final class EnumLikeMap extends java.util.TreeMap<Gas, BigDecimal> {
        private static final long serialVersionUID = 1L;
    }

}
