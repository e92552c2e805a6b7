package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecocalc.core.CarbonBasis;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.Asset;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.report.CarbonSums.Channel;
import org.ecocalc.core.telemetry.TelemetryField;

/** The carbon metrics of one group, read from its exact sums (see {@code docs/methodology.md}, "Carbon"). */
final class CarbonMetrics {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final MethodSettings settings;
    private final CarbonContext ctx;

    CarbonMetrics(MethodSettings settings, CarbonContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
    }

    /** Embodied carbon of a set of facilities' assets over [from, to): kg, uses, or a reason. */
    record Embodied(BigDecimal kg, List<FactorUse> uses, List<String> notes, String missing) {
        Embodied plus(Embodied o) {
            if (missing != null || o.missing != null) {
                return new Embodied(null, List.of(), List.of(), missing != null ? missing : o.missing);
            }
            List<FactorUse> u = new ArrayList<>(uses);
            u.addAll(o.uses);
            List<String> n = new ArrayList<>(notes);
            n.addAll(o.notes);
            return new Embodied(kg.add(o.kg), u, n, null);
        }
    }

    /**
     * SCI (ISO/IEC 21031:2024) amortisation: M = Σ TE × TiR / EL, with TiR the hours of [from, to)
     * within the asset's service (from in-service to the end of its expected life or retirement)
     * and RR/ToR = 1 (the facility bears its whole fleet).
     */
    Embodied embodied(String facility, Instant from, Instant to) {
        List<Asset> assets = ctx.assets().forFacility(facility);
        if (assets.isEmpty()) {
            return new Embodied(null, List.of(), List.of(), "no assets registered for " + facility);
        }
        if (from == null || to == null) {
            return new Embodied(null, List.of(), List.of(), "the group has no time span");
        }
        // Σ TE × TiR (in seconds) per distinct lifetime, then one division per lifetime.
        TreeMap<BigDecimal, BigDecimal> byLifetime = new TreeMap<>();
        Map<String, FactorUse> uses = new TreeMap<>();
        for (Asset a : assets) {
            Instant s = a.inService().isAfter(from) ? a.inService() : from;
            Instant e = a.amortisedUntil().isBefore(to) ? a.amortisedUntil() : to;
            if (!e.isAfter(s)) {
                continue;
            }
            BigDecimal te = a.embodiedKg();
            if (te == null) {
                te = BigDecimal.ZERO;
                for (Asset.Component c : a.components()) {
                    Instant day = LocalDate.ofInstant(a.inService(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
                    FactorQuery q = FactorQuery.builder(c.activity(), Gas.CO2E).interval(day, day.plusSeconds(86_400))
                            .facility(a.facilityId()).build();
                    FactorSelection sel = ctx.select(q);
                    if (sel == null) {
                        return new Embodied(null, List.of(), List.of(), "no embodied factor for " + c.activity()
                                + " (asset " + a.assetId() + ")");
                    }
                    te = te.add(sel.factor().applyPerItem(c.count()).to(Unit.KG).value());
                    FactorUse u = FactorUse.of("embodied/" + c.activity(), sel);
                    uses.merge(u.role() + "|" + u.reference() + "|" + u.level() + "|" + u.confidence(), u,
                            CarbonSums::combine);
                }
            }
            BigDecimal seconds = ReportingPeriod.seconds(s, e);
            byLifetime.merge(a.lifetimeHours(), te.multiply(seconds), BigDecimal::add);
        }
        // M = Σ_EL (Σ TE × TiR) / EL, TiR in hours = seconds / 3600: one division per distinct lifetime.
        BigDecimal kg = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> e : byLifetime.entrySet()) {
            kg = kg.add(Decimals.divide(e.getValue(), e.getKey().multiply(SECONDS_PER_HOUR)));
        }
        List<String> notes = List.of(assets.size() + " assets amortised over their expected lifetime (SCI, RR/ToR = 1)");
        return new Embodied(Decimals.normalize(kg), new ArrayList<>(uses.values()), notes, null);
    }

    /** Every carbon metric of a group. {@code lineage} gives the base lineage of a metric. */
    Map<Metric, MetricResult> results(GroupSums g, Embodied embodied, MarketAllocation.Result marketOverride,
            Function<Metric, Lineage> lineage, List<Integer> years) {
        Map<Metric, MetricResult> out = new EnumMap<>(Metric.class);
        CarbonSums c = g.carbon;
        List<FactorUse> s1Uses = scope1Uses(c);
        List<String> s1Notes = notes(c, CarbonCalculator.S1_FUEL, CarbonCalculator.S1_REFRIGERANT);
        // Each Scope 2 result names the factors applied to it: location-based the grid factors of kWh without a
        // time-of-use intensity (never a residual mix); market-based those of the uncovered kWh (residual mix or
        // grid average), none when instruments cover all.
        List<FactorUse> locUses = uses(c, c.locationKeys);
        String noPacks = ctx.hasFactors() ? null : "no factor packs loaded";

        // Scope 1
        MetricResult fuel = part(Metric.CARBON_SCOPE1_FUEL_KGCO2E, c, Channel.FUEL_KG, CarbonCalculator.S1_FUEL,
                TelemetryField.FUEL, lineage, s1Uses, s1Notes, g);
        MetricResult refr = part(Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E, c, Channel.REFRIGERANT_KG,
                CarbonCalculator.S1_REFRIGERANT, TelemetryField.REFRIGERANT, lineage, s1Uses, s1Notes, g);
        out.put(fuel.metric(), fuel);
        out.put(refr.metric(), refr);
        MetricResult s1;
        Lineage s1Lineage = lineage.apply(Metric.CARBON_SCOPE1_KGCO2E).with(s1Uses, s1Notes);
        if (c.isMissing(CarbonCalculator.S1_FUEL) || c.isMissing(CarbonCalculator.S1_REFRIGERANT)) {
            s1 = MetricResult.notComputable(Metric.CARBON_SCOPE1_KGCO2E, firstMissing(c, "scope1"), s1Lineage);
        } else {
            BigDecimal v = zero(c.get(Channel.FUEL_KG)).add(zero(c.get(Channel.REFRIGERANT_KG)));
            List<String> n = new ArrayList<>(s1Notes);
            if (c.get(Channel.FUEL_KG) == null && c.get(Channel.REFRIGERANT_KG) == null) {
                n.add("no fuel or refrigerant reported in this group: Scope 1 is 0");
            }
            s1 = MetricResult.computed(Metric.CARBON_SCOPE1_KGCO2E, v, s1Lineage.with(s1Uses, n));
        }
        out.put(s1.metric(), s1);

        // Scope 2 location
        List<String> locNotes = notes(c, CarbonCalculator.S2_LOCATION);
        Lineage locLineage = lineage.apply(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).with(locUses, locNotes);
        MetricResult loc;
        if (!settings.scope2Method().location()) {
            loc = MetricResult.notComputable(Metric.CARBON_SCOPE2_LOCATION_KGCO2E,
                    "not computed: the Scope 2 method is market", locLineage);
        } else if (c.get(Channel.S2_KWH) == null) {
            loc = MetricResult.notComputable(Metric.CARBON_SCOPE2_LOCATION_KGCO2E,
                    "no Scope 2 electricity reported (/energy/grid_import or /energy/facility)", locLineage);
        } else if (noPacks != null && zero(c.get(Channel.TOU_KWH)).compareTo(c.get(Channel.S2_KWH)) < 0) {
            loc = MetricResult.notComputable(Metric.CARBON_SCOPE2_LOCATION_KGCO2E, noPacks, locLineage);
        } else if (c.isMissing(CarbonCalculator.S2_LOCATION)) {
            loc = MetricResult.notComputable(Metric.CARBON_SCOPE2_LOCATION_KGCO2E,
                    firstMissing(c, CarbonCalculator.S2_LOCATION), locLineage);
        } else {
            loc = MetricResult.computed(Metric.CARBON_SCOPE2_LOCATION_KGCO2E, zero(c.get(Channel.LOCATION_KG)), locLineage);
        }
        out.put(loc.metric(), loc);
        MetricResult intensity = loc.isComputed() && c.get(Channel.S2_KWH).signum() > 0
                ? MetricResult.computed(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH,
                        Decimals.divide(loc.value(), c.get(Channel.S2_KWH)),
                        lineage.apply(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH).with(locUses, locNotes))
                : MetricResult.notComputable(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH,
                        loc.isComputed() ? "Scope 2 electricity sums to zero" : loc.reason(),
                        lineage.apply(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH).with(locUses, locNotes));
        out.put(intensity.metric(), intensity);

        // Scope 2 market
        Lineage mktBase = lineage.apply(Metric.CARBON_SCOPE2_MARKET_KGCO2E);
        MetricResult mkt;
        List<FactorUse> mktUses = List.of();
        if (!settings.scope2Method().market()) {
            mkt = MetricResult.notComputable(Metric.CARBON_SCOPE2_MARKET_KGCO2E,
                    "not computed: the Scope 2 method is location", mktBase);
        } else {
            MarketAllocation.Result m = marketOverride != null ? marketOverride
                    : MarketAllocation.allocate(c, new TreeSet<>(years));
            List<String> n = new ArrayList<>(m.notes());
            n.addAll(notes(c, CarbonCalculator.S2_MARKET));
            mktUses = uses(c, m.factorKeys());
            Lineage l = mktBase.with(mktUses, n);
            mkt = m.missing() != null ? MetricResult.notComputable(Metric.CARBON_SCOPE2_MARKET_KGCO2E,
                    noPacks != null ? noPacks + "; " + m.missing() : m.missing(), l)
                    : MetricResult.computed(Metric.CARBON_SCOPE2_MARKET_KGCO2E, m.kgCo2e(), l);
        }
        out.put(mkt.metric(), mkt);

        // Embodied
        Lineage embLineage = lineage.apply(Metric.CARBON_EMBODIED_KGCO2E).with(embodied.uses(), embodied.notes());
        MetricResult emb = embodied.missing() != null
                ? MetricResult.notComputable(Metric.CARBON_EMBODIED_KGCO2E, embodied.missing(), embLineage)
                : MetricResult.computed(Metric.CARBON_EMBODIED_KGCO2E, embodied.kg(), embLineage);
        out.put(emb.metric(), emb);
        out.put(Metric.CARBON_EMBODIED_PER_GPU_HOUR_KGCO2E, perUnit(Metric.CARBON_EMBODIED_PER_GPU_HOUR_KGCO2E,
                emb, g, TelemetryField.COMPUTE_GPU_HOURS,
                lineage.apply(Metric.CARBON_EMBODIED_PER_GPU_HOUR_KGCO2E).with(embodied.uses(), embodied.notes())));

        // Per workload and CUE: S1 + S2 (basis) [+ embodied]
        MetricResult s2 = settings.carbonBasis() == CarbonBasis.MARKET ? mkt : loc;
        List<FactorUse> allUses = new ArrayList<>(s1Uses);
        for (FactorUse u : settings.carbonBasis() == CarbonBasis.MARKET ? mktUses : locUses) {
            if (!allUses.contains(u)) {
                allUses.add(u);
            }
        }
        String basis = "C_total = Scope 1 + Scope 2 " + settings.carbonBasis().id()
                + (settings.perUnitIncludesEmbodied() ? " + embodied" : "");
        MetricResult total = sum(s1, s2, settings.perUnitIncludesEmbodied() ? emb : null);
        for (Metric m : new Metric[] {Metric.CARBON_PER_GPU_HOUR_KGCO2E, Metric.CARBON_PER_TRAINING_RUN_KGCO2E,
            Metric.CARBON_PER_INFERENCE_REQUEST_KGCO2E}) {
            TelemetryField den = m == Metric.CARBON_PER_GPU_HOUR_KGCO2E ? TelemetryField.COMPUTE_GPU_HOURS
                    : m == Metric.CARBON_PER_TRAINING_RUN_KGCO2E ? TelemetryField.COMPUTE_TRAINING_RUNS
                    : TelemetryField.COMPUTE_INFERENCE_REQUESTS;
            out.put(m, perUnit(m, total, g, den, lineage.apply(m).with(allUses, List.of(basis))));
        }
        MetricResult scopes = sum(s1, s2, null);
        out.put(Metric.CARBON_CUE_KGCO2E_PER_KWH, perUnit(Metric.CARBON_CUE_KGCO2E_PER_KWH, scopes, g,
                TelemetryField.ENERGY_IT, lineage.apply(Metric.CARBON_CUE_KGCO2E_PER_KWH).with(allUses,
                        List.of("CUE = (Scope 1 + Scope 2 " + settings.carbonBasis().id() + ") / E_IT (ISO/IEC 30134-8)"))));

        BigDecimal kwh = c.get(Channel.S2_KWH);
        Lineage kwhLineage = lineage.apply(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH)
                .with(List.of(), notes(c, CarbonCalculator.S2_LOCATION).stream()
                        .filter(n -> n.contains("inferred")).toList());
        out.put(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH, kwh == null
                ? MetricResult.notComputable(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH,
                        "no record reports /energy/grid_import or /energy/facility", kwhLineage)
                : MetricResult.computed(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH, kwh, kwhLineage));
        return out;
    }

    private MetricResult part(Metric m, CarbonSums c, Channel ch, String category, TelemetryField field,
            Function<Metric, Lineage> lineage, List<FactorUse> uses, List<String> notes, GroupSums g) {
        Lineage l = lineage.apply(m).with(uses, notes);
        if (c.isMissing(category)) {
            return MetricResult.notComputable(m, firstMissing(c, category), l);
        }
        BigDecimal v = c.get(ch);
        return v == null ? MetricResult.notComputable(m, "no record reports " + field.pointer(), l)
                : MetricResult.computed(m, v, l);
    }

    private static MetricResult sum(MetricResult s1, MetricResult s2, MetricResult embodied) {
        for (MetricResult r : new MetricResult[] {s1, s2, embodied}) {
            if (r != null && !r.isComputed()) {
                return r;
            }
        }
        BigDecimal v = s1.value().add(s2.value());
        if (embodied != null) {
            v = v.add(embodied.value());
        }
        return MetricResult.computed(s1.metric(), v, s1.lineage());
    }

    private static MetricResult perUnit(Metric m, MetricResult numerator, GroupSums g, TelemetryField den,
            Lineage lineage) {
        if (!numerator.isComputed()) {
            return MetricResult.notComputable(m, numerator.reason(), lineage);
        }
        BigDecimal d = g.sums[den.ordinal()];
        if (d == null) {
            return MetricResult.notComputable(m, "no record reports " + den.pointer(), lineage);
        }
        if (d.signum() == 0) {
            return MetricResult.notComputable(m, den.pointer() + " sums to zero", lineage);
        }
        return MetricResult.computed(m, Decimals.divide(numerator.value(), d), lineage);
    }

    /** The factor uses of Scope 1; the GWP table goes with it when fuel or refrigerant was priced. */
    private static List<FactorUse> scope1Uses(CarbonSums c) {
        boolean scope1Priced = c.records[Channel.FUEL_KG.ordinal()] > 0 || c.records[Channel.REFRIGERANT_KG.ordinal()] > 0;
        List<FactorUse> out = new ArrayList<>();
        for (FactorUse u : c.factorUses()) {
            boolean grid = u.role().startsWith(CarbonCalculator.GRID);
            boolean gwp = u.role().startsWith("gwp/");
            if (!grid && (!gwp || scope1Priced)) {
                out.add(u);
            }
        }
        return out;
    }

    /** The factor uses whose keys are in {@code keys} (Scope 2: those applied to location- or market-based kWh). */
    private static List<FactorUse> uses(CarbonSums c, java.util.Set<CarbonSums.UseKey> keys) {
        List<FactorUse> out = new ArrayList<>();
        for (FactorUse u : c.factorUses()) {
            if (keys.contains(new CarbonSums.UseKey(u))) {
                out.add(u);
            }
        }
        return out;
    }

    private static List<String> notes(CarbonSums c, String... categories) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : c.notes.sorted().entrySet()) {
            for (String cat : categories) {
                if (e.getKey().startsWith(cat + ": ")) {
                    out.add(e.getKey().substring(cat.length() + 2) + " (" + e.getValue() + " records)");
                }
            }
        }
        return out;
    }

    private static String firstMissing(CarbonSums c, String prefix) {
        for (Map.Entry<String, Long> e : c.missing.sorted().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String text = e.getKey().substring(e.getKey().indexOf(": ") + 2);
                return text + " (" + e.getValue() + " records)";
            }
        }
        return null;
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
