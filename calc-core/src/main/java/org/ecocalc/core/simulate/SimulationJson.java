package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import org.ecocalc.core.Engine;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.quantity.Decimals;
import org.javamoney.moneta.Money;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link SimulationResult} ({@value #FORMAT}): the baseline and each scenario
 * side by side, per year, with deltas and the scenario parameters; snake_case, decimals as
 * plain-notation strings (unrounded), money as {@code {"amount", "currency"}}, a value the report
 * could not give as null. The same inputs always give the same bytes.
 */
public final class SimulationJson {
    /** The format identifier of simulation results. */
    public static final String FORMAT = "ecocalc.simulation/1";

    private SimulationJson() {
    }

    /** The result as pretty JSON (two-space indent, LF, final LF). */
    public static String toJson(SimulationResult r) {
        return Json.pretty(toNode(r));
    }

    /** The result as a JSON object. */
    public static ObjectNode toNode(SimulationResult r) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ObjectNode engine = root.putObject("engine");
        engine.put("name", Engine.NAME);
        engine.put("version", Engine.VERSION);
        ObjectNode src = root.putObject("baseline_source");
        if (r.facilityId() == null) {
            src.put("group", "total");
        } else {
            src.put("group", "facility");
            src.put("facility_id", r.facilityId());
        }
        src.put("covered_seconds", Json.decimal(r.coveredSeconds()));
        src.put("annualised", r.annualised());
        src.put("seconds_per_year", Json.decimal(Simulator.SECONDS_PER_YEAR));
        Simulation sim = r.simulation();
        root.put("years", sim.years());
        root.put("baseline_growth_pct_per_year", Json.decimal(sim.baselineGrowthPct()));
        if (sim.prices() != null) {
            Prices p = sim.prices();
            root.put("currency", p.currency().getCurrencyCode());
            ObjectNode prices = root.putObject("prices");
            prices.set("electricity_per_kwh", money(p.electricityPerKwh()));
            prices.set("carbon_per_tco2e", money(p.carbonPerTonne()));
            prices.set("water_per_m3", money(p.waterPerM3()));
            prices.put("carbon_basis", p.carbonBasis());
            prices.put("carbon_includes_embodied", p.carbonIncludesEmbodied());
        } else {
            root.putNull("currency");
        }
        root.set("baseline", projection(r.baseline()));
        ArrayNode scenarios = root.putArray("scenarios");
        for (Projection p : r.scenarios()) {
            scenarios.add(projection(p));
        }
        return root;
    }

    private static ObjectNode projection(Projection p) {
        ObjectNode n = Json.object();
        n.put("name", p.name());
        n.put("growth_pct_per_year", Json.decimal(p.growthPctPerYear()));
        if (p.scenario() != null) {
            n.set("parameters", parameters(p.scenario()));
        }
        ArrayNode notes = n.putArray("notes");
        p.notes().forEach(notes::add);
        ArrayNode years = n.putArray("years");
        for (YearValues y : p.years()) {
            years.add(year(y));
        }
        if (p.scenario() != null) {
            ArrayNode deltas = n.putArray("deltas");
            for (YearValues y : p.deltas()) {
                deltas.add(year(y));
            }
        }
        return n;
    }

    /** The scenario's parameters in the layout of the scenario file. */
    public static ObjectNode parameters(Scenario s) {
        ObjectNode n = Json.object();
        n.put("name", s.name());
        if (s.description() != null) {
            n.put("description", s.description());
        }
        if (s.growthPctPerYear() != null) {
            n.put("growth_pct_per_year", Json.decimal(s.growthPctPerYear()));
        }
        if (s.pueTarget() != null) {
            n.set("pue_target", target(s.pueTarget()));
        }
        if (s.wueTarget() != null) {
            n.set("wue_target", target(s.wueTarget()));
        }
        if (s.renewableShare() != null) {
            ObjectNode r = n.putObject("renewable_share");
            r.put("pct", Json.decimal(s.renewableShare().pct()));
            r.put("from_year", s.renewableShare().fromYear());
        }
        if (s.gridIntensity() != null) {
            ObjectNode g = n.putObject("grid_intensity");
            if (s.gridIntensity().changePctPerYear() != null) {
                g.put("change_pct_per_year", Json.decimal(s.gridIntensity().changePctPerYear()));
            }
            if (s.gridIntensity().moveToKgco2ePerKwh() != null) {
                g.put("move_to_kgco2e_per_kwh", Json.decimal(s.gridIntensity().moveToKgco2ePerKwh()));
                g.put("move_year", s.gridIntensity().moveYear());
            }
        }
        if (s.loadShift() != null) {
            ObjectNode l = n.putObject("load_shift");
            l.put("flexible_share_pct", Json.decimal(s.loadShift().flexibleSharePct()));
            l.put("into_hours", s.loadShift().intoHours());
            ArrayNode tou = l.putArray("time_of_use_kgco2e_per_kwh");
            s.loadShift().timeOfUse().forEach(v -> tou.add(Json.decimal(v)));
            l.put("from_year", s.loadShift().fromYear());
        }
        if (s.utilisation() != null) {
            ObjectNode u = n.putObject("utilisation");
            u.put("target_pct", Json.decimal(s.utilisation().targetPct()));
            u.put("idle_power_pct", Json.decimal(s.utilisation().idlePowerPct()));
            u.put("from_year", s.utilisation().fromYear());
        }
        if (s.hardwareRefresh() != null) {
            ObjectNode h = n.putObject("hardware_refresh");
            h.put("year", s.hardwareRefresh().year());
            h.put("embodied_kgco2e", Json.decimal(s.hardwareRefresh().embodiedKgco2e()));
            h.put("lifetime_years", s.hardwareRefresh().lifetimeYears());
            h.put("it_energy_change_pct", Json.decimal(s.hardwareRefresh().itEnergyChangePct()));
        }
        return n;
    }

    private static ObjectNode target(Scenario.Target t) {
        ObjectNode n = Json.object();
        n.put("value", Json.decimal(t.value()));
        n.put("by_year", t.byYear());
        return n;
    }

    private static ObjectNode year(YearValues y) {
        ObjectNode n = Json.object();
        n.put("year", y.year());
        dec(n, "energy_it_kwh", y.energyItKwh());
        dec(n, "energy_facility_kwh", y.energyFacilityKwh());
        dec(n, "energy_grid_kwh", y.energyGridKwh());
        dec(n, "pue", y.pue());
        dec(n, "water_l", y.waterL());
        dec(n, "wue_l_per_kwh", y.wueLPerKwh());
        dec(n, "gpu_hours", y.gpuHours());
        dec(n, "scope1_kgco2e", y.scope1Kgco2e());
        dec(n, "scope2_location_kgco2e", y.scope2LocationKgco2e());
        dec(n, "scope2_market_kgco2e", y.scope2MarketKgco2e());
        dec(n, "embodied_kgco2e", y.embodiedKgco2e());
        dec(n, "grid_intensity_kgco2e_per_kwh", y.gridIntensityKgco2ePerKwh());
        if (y.costs() != null) {
            ObjectNode c = n.putObject("costs");
            c.set("electricity", money(y.costs().electricity()));
            c.set("carbon", money(y.costs().carbon()));
            c.set("water", money(y.costs().water()));
            c.set("total", money(y.costs().total()));
        }
        return n;
    }

    private static void dec(ObjectNode n, String name, BigDecimal v) {
        if (v == null) {
            n.putNull(name);
        } else {
            n.put(name, Json.decimal(v));
        }
    }

    private static ObjectNode money(Money m) {
        if (m == null) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("amount", Decimals.toCanonicalString(Prices.amount(m)));
        n.put("currency", m.getCurrency().getCurrencyCode());
        return n;
    }
}
