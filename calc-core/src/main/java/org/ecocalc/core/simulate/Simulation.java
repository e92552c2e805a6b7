package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.ecocalc.core.quantity.Decimals;
import org.javamoney.moneta.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A scenario file ({@value #FORMAT}, {@code docs/schemas/scenario.v1.json}): how many years, which
 * group of the report (a facility, or the total), whether the baseline is annualised, the
 * baseline's workload growth, the prices, and the scenarios.
 *
 * @param years              how many years to project, 1 to {@value #MAX_YEARS}
 * @param facilityId         the facility projected, or null for the report's total
 * @param annualise          whether the baseline's totals are scaled to 365 days
 * @param baselineGrowthPct  workload growth per year of the baseline (business as usual), percent
 * @param prices             the prices, or null for no costs
 * @param scenarios          the scenarios, names unique
 */
public record Simulation(int years, String facilityId, boolean annualise, BigDecimal baselineGrowthPct, Prices prices,
        List<Scenario> scenarios) {
    /** The format identifier of scenario files. */
    public static final String FORMAT = "ecocalc.scenario/1";
    /** The longest projection, in years: {@value}. */
    public static final int MAX_YEARS = 50;
    /** Default: the baseline is annualised. */
    public static final boolean DEFAULT_ANNUALISE = true;

    private static final SchemaCheck SCHEMA = SchemaCheck.load("scenario.v1.json");

    public Simulation {
        Scenario.year("years", years);
        baselineGrowthPct = Decimals.normalize(Objects.requireNonNull(baselineGrowthPct, "baselineGrowthPct"));
        if (baselineGrowthPct.compareTo(BigDecimal.valueOf(-100)) <= 0) {
            throw Scenario.invalid("baseline_growth_pct_per_year", "must be above -100");
        }
        scenarios = List.copyOf(scenarios);
        Set<String> names = new HashSet<>();
        for (Scenario s : scenarios) {
            if (!names.add(s.name()) || s.name().equals(Simulator.BASELINE)) {
                throw Scenario.invalid("scenarios", "scenario names must be unique and not \"" + Simulator.BASELINE
                        + "\": " + s.name());
            }
        }
    }

    /** A simulation of the report's total, annualised, no baseline growth, no prices. */
    public static Simulation of(int years, List<Scenario> scenarios) {
        return new Simulation(years, null, DEFAULT_ANNUALISE, BigDecimal.ZERO, null, scenarios);
    }

    /**
     * Reads a scenario file.
     *
     * @throws EcoCalcException {@link ErrorCode#MALFORMED_JSON}, or {@link ErrorCode#INVALID_SCENARIO}
     *                          (schema or semantic, naming the field by JSON Pointer), or
     *                          {@link ErrorCode#CURRENCY_MISMATCH} when prices mix currencies
     */
    public static Simulation parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, "scenario file: malformed JSON: "
                    + e.getOriginalMessage());
        }
        List<Problem> problems = SCHEMA.validate(root);
        if (!problems.isEmpty()) {
            throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "scenario file: " + problems.stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
        }
        Prices prices = root.has("prices") ? prices(root.get("prices")) : null;
        List<Scenario> scenarios = new ArrayList<>();
        JsonNode arr = root.get("scenarios");
        for (int i = 0; i < arr.size(); i++) {
            String at = "/scenarios/" + i;
            try {
                scenarios.add(scenario(arr.get(i), at));
            } catch (EcoCalcException e) {
                throw new EcoCalcException(e.code(), "scenario file " + at + "/" + e.getMessage());
            }
        }
        try {
            return new Simulation(root.get("years").intValue(),
                    root.has("facility_id") ? root.get("facility_id").stringValue() : null,
                    root.has("annualise") ? root.get("annualise").booleanValue() : DEFAULT_ANNUALISE,
                    root.has("baseline_growth_pct_per_year") ? decimal(root.get("baseline_growth_pct_per_year"))
                            : BigDecimal.ZERO,
                    prices, scenarios);
        } catch (EcoCalcException e) {
            throw new EcoCalcException(e.code(), "scenario file /" + e.getMessage());
        }
    }

    private static Prices prices(JsonNode p) {
        Money e = money(p.get("electricity_per_kwh"), "/prices/electricity_per_kwh");
        Money c = money(p.get("carbon_per_tco2e"), "/prices/carbon_per_tco2e");
        Money w = money(p.get("water_per_m3"), "/prices/water_per_m3");
        Prices.requireSame(e.getCurrency(), c, "/prices/carbon_per_tco2e");
        Prices.requireSame(e.getCurrency(), w, "/prices/water_per_m3");
        try {
            return new Prices(e, c, w, p.has("carbon_basis") ? p.get("carbon_basis").stringValue()
                    : Prices.DEFAULT_CARBON_BASIS, p.has("carbon_includes_embodied")
                    && p.get("carbon_includes_embodied").booleanValue());
        } catch (EcoCalcException ex) {
            throw new EcoCalcException(ex.code(), "scenario file /prices: " + ex.getMessage());
        }
    }

    private static Money money(JsonNode m, String at) {
        CurrencyUnit currency;
        try {
            currency = Monetary.getCurrency(m.get("currency").stringValue());
        } catch (UnknownCurrencyException ex) {
            throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "scenario file " + at
                    + "/currency: not an ISO 4217 currency: " + m.get("currency").stringValue());
        }
        BigDecimal amount;
        try {
            amount = decimal(m.get("amount"));
        } catch (EcoCalcException ex) {
            throw new EcoCalcException(ex.code(), "scenario file " + at + "/amount: " + ex.getMessage());
        }
        return Prices.money(amount, currency);
    }

    private static Scenario scenario(JsonNode n, String at) {
        Scenario.Target pue = target(n.get("pue_target"));
        Scenario.Target wue = target(n.get("wue_target"));
        Scenario.RenewableShare ren = null;
        if (n.has("renewable_share")) {
            JsonNode r = n.get("renewable_share");
            ren = new Scenario.RenewableShare(decimal(r.get("pct")), intOr(r, "from_year", 1));
        }
        Scenario.GridIntensity grid = null;
        if (n.has("grid_intensity")) {
            JsonNode g = n.get("grid_intensity");
            grid = new Scenario.GridIntensity(g.has("change_pct_per_year") ? decimal(g.get("change_pct_per_year")) : null,
                    g.has("move_to_kgco2e_per_kwh") ? decimal(g.get("move_to_kgco2e_per_kwh")) : null,
                    intOr(g, "move_year", 1));
        }
        Scenario.LoadShift shift = null;
        if (n.has("load_shift")) {
            JsonNode s = n.get("load_shift");
            List<BigDecimal> tou = new ArrayList<>();
            for (JsonNode v : s.get("time_of_use_kgco2e_per_kwh")) {
                tou.add(decimal(v));
            }
            shift = new Scenario.LoadShift(decimal(s.get("flexible_share_pct")), s.get("into_hours").intValue(), tou,
                    intOr(s, "from_year", 1));
        }
        Scenario.Utilisation util = null;
        if (n.has("utilisation")) {
            JsonNode u = n.get("utilisation");
            util = new Scenario.Utilisation(decimal(u.get("target_pct")), decimal(u.get("idle_power_pct")),
                    intOr(u, "from_year", 1));
        }
        Scenario.HardwareRefresh refresh = null;
        if (n.has("hardware_refresh")) {
            JsonNode h = n.get("hardware_refresh");
            refresh = new Scenario.HardwareRefresh(h.get("year").intValue(), decimal(h.get("embodied_kgco2e")),
                    h.get("lifetime_years").intValue(), decimal(h.get("it_energy_change_pct")));
        }
        return new Scenario(n.get("name").stringValue(), n.has("description") ? n.get("description").stringValue() : null,
                n.has("growth_pct_per_year") ? decimal(n.get("growth_pct_per_year")) : null, pue, wue, ren, grid, shift,
                util, refresh);
    }

    private static Scenario.Target target(JsonNode t) {
        return t == null ? null : new Scenario.Target(decimal(t.get("value")), t.get("by_year").intValue());
    }

    private static int intOr(JsonNode n, String name, int dflt) {
        return n.has(name) ? n.get(name).intValue() : dflt;
    }

    private static BigDecimal decimal(JsonNode v) {
        try {
            return v.isString() ? Decimals.parse(v.stringValue()) : Decimals.checkInputLimits(v.decimalValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "the value " + e.getMessage());
        }
    }
}
