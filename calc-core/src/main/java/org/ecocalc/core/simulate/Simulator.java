package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.ReportValues;
import org.javamoney.moneta.Money;

/**
 * Projects a baseline report under scenarios: a pure function of the report values and the
 * scenario file. Every quantity of year y is the baseline's annual quantity times factors that
 * are exactly 1 when nothing changes, so a scenario without changes reproduces the baseline
 * exactly, and with no growth every year equals year 0. Each division or compounding step rounds
 * once with {@link Decimals#MATH_CONTEXT}; products and sums are exact. The formulas, with their
 * sources, are in {@code docs/methodology.md}, "What-if simulator".
 */
public final class Simulator {
    /** The name of the baseline projection: {@value}. */
    public static final String BASELINE = "baseline";
    /** Seconds in the year of annualisation: 365 days of 86,400 s. */
    public static final BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(365L * 86_400L);


    private Simulator() {
    }

    /**
     * The year-0 quantities of the baseline: the report group's totals, annualised
     * (× 31,536,000 s / covered seconds, one division each) when asked. Null where the report has
     * no value.
     *
     * @param energyItKwh        E_IT,0
     * @param energyFacilityKwh  E_fac,0
     * @param energyGridKwh      E_grid,0 (Scope 2 electricity)
     * @param renewablePurchasedKwh P_0, purchased renewable electricity (0 when absent)
     * @param waterL             W_0 (the report's WUE basis)
     * @param gpuHours           G_0
     * @param scope1Kgco2e       S1_0
     * @param scope2LocationKgco2e L_0
     * @param scope2MarketKgco2e M_0
     * @param embodiedKgco2e     EMB_0
     * @param gridIntensity      I_0, the report's location-based intensity (kgCO2e/kWh)
     * @param utilisationPct     u_0, the report's GPU utilisation (%)
     * @param coveredSeconds     T, the span of the group
     */
    public record Baseline(BigDecimal energyItKwh, BigDecimal energyFacilityKwh, BigDecimal energyGridKwh,
            BigDecimal renewablePurchasedKwh, BigDecimal waterL, BigDecimal gpuHours, BigDecimal scope1Kgco2e,
            BigDecimal scope2LocationKgco2e, BigDecimal scope2MarketKgco2e, BigDecimal embodiedKgco2e,
            BigDecimal gridIntensity, BigDecimal utilisationPct, BigDecimal coveredSeconds) {
    }

    /**
     * Runs the simulation on a report.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) when the report lacks what the
     *                          projection needs (the facility, energy), or
     *                          ({@link ErrorCode#INVALID_SCENARIO}) when a scenario needs a
     *                          baseline value the report does not have
     */
    public static SimulationResult run(ReportValues report, Simulation simulation) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(simulation, "simulation");
        ReportValues.Group g;
        if (simulation.facilityId() == null) {
            g = report.total();
        } else {
            g = report.facility(simulation.facilityId());
            if (g == null) {
                throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "scenario file /facility_id: the report has no facility "
                        + simulation.facilityId());
            }
        }
        Baseline b = baseline(report, g, simulation.annualise());
        Projection base = project(BASELINE, null, b, simulation.baselineGrowthPct(), simulation, null);
        List<Projection> out = new ArrayList<>();
        for (Scenario s : simulation.scenarios()) {
            BigDecimal growth = s.growthPctPerYear() != null ? s.growthPctPerYear() : simulation.baselineGrowthPct();
            out.add(project(s.name(), s, b, growth, simulation, base));
        }
        return new SimulationResult(simulation.facilityId(), b.coveredSeconds(), simulation.annualise(), simulation, base,
                out);
    }

    /** The baseline quantities of a report group (see {@link Baseline}). */
    public static Baseline baseline(ReportValues report, ReportValues.Group g, boolean annualise) {
        Instant from = g.coveredStart();
        Instant to = g.coveredEnd();
        if (from == null || to == null || !to.isAfter(from)) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the baseline group covers no time: nothing to project");
        }
        BigDecimal t = ReportingPeriod.seconds(from, to);
        BigDecimal it = g.value(Metric.ACTIVITY_ENERGY_IT_KWH);
        BigDecimal fac = g.value(Metric.ACTIVITY_ENERGY_FACILITY_KWH);
        if (it == null || it.signum() <= 0 || fac == null || fac.signum() <= 0) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the baseline needs positive IT and facility energy "
                    + "(activity.energy_it_kwh, activity.energy_facility_kwh)");
        }
        Metric water;
        switch (report.wueBasis()) {
            case "cooling": water = Metric.ACTIVITY_WATER_COOLING_L; break;
            case "consumption": water = Metric.WATER_CONSUMPTION_L; break;
            default: water = Metric.WATER_WITHDRAWAL_L; break;
        }
        BigDecimal purchased = g.value(Metric.ACTIVITY_ENERGY_RENEWABLE_PURCHASED_KWH);
        return new Baseline(annual(it, t, annualise), annual(fac, t, annualise),
                annual(g.value(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH), t, annualise),
                annual(purchased == null ? BigDecimal.ZERO : purchased, t, annualise), annual(g.value(water), t, annualise),
                annual(g.value(Metric.ACTIVITY_GPU_HOURS), t, annualise),
                annual(g.value(Metric.CARBON_SCOPE1_KGCO2E), t, annualise),
                annual(g.value(Metric.CARBON_SCOPE2_LOCATION_KGCO2E), t, annualise),
                annual(g.value(Metric.CARBON_SCOPE2_MARKET_KGCO2E), t, annualise),
                annual(g.value(Metric.CARBON_EMBODIED_KGCO2E), t, annualise),
                g.value(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH), g.value(Metric.HARDWARE_UTILIZATION_PCT), t);
    }

    private static BigDecimal annual(BigDecimal x, BigDecimal t, boolean annualise) {
        if (x == null) {
            return null;
        }
        return annualise ? Decimals.divide(x.multiply(SECONDS_PER_YEAR), t) : Decimals.normalize(x);
    }

    private static Projection project(String name, Scenario s, Baseline b, BigDecimal growthPct, Simulation sim,
            Projection base) {
        Scenario sc = s != null ? s : Scenario.noChange(BASELINE);
        TreeSet<String> notes = new TreeSet<>();
        BigDecimal growth = BigDecimal.ONE.add(growthPct.movePointLeft(2));
        BigDecimal trajectory = sc.gridIntensity() != null && sc.gridIntensity().changePctPerYear() != null
                ? BigDecimal.ONE.add(sc.gridIntensity().changePctPerYear().movePointLeft(2)) : null;
        BigDecimal pue0 = Decimals.divide(b.energyFacilityKwh(), b.energyItKwh());
        if (sc.pueTarget() != null && pue0.compareTo(BigDecimal.ONE) < 0) {
            throw Scenario.invalid(name + "/pue_target", "the baseline PUE " + Decimals.toCanonicalString(pue0)
                    + " is below 1 (IT energy above facility energy): fix the data before setting a PUE target");
        }
        BigDecimal wue0 = b.waterL() == null ? null : Decimals.divide(b.waterL(), b.energyItKwh());
        if (sc.wueTarget() != null && wue0 == null) {
            throw Scenario.invalid(name + "/wue_target", "the baseline report has no water: a WUE target needs one");
        }
        BigDecimal rhoU = BigDecimal.ONE;
        BigDecimal fE = BigDecimal.ONE;
        if (sc.utilisation() != null) {
            if (b.utilisationPct() == null || b.utilisationPct().signum() <= 0) {
                throw Scenario.invalid(name + "/utilisation", "the baseline report has no GPU utilisation "
                        + "(hardware.utilization_pct): a utilisation change needs one");
            }
            rhoU = Decimals.divide(b.utilisationPct(), sc.utilisation().targetPct());
            BigDecimal p = sc.utilisation().idlePowerPct().movePointLeft(2);
            fE = Decimals.normalize(p.multiply(rhoU).add(BigDecimal.ONE.subtract(p)));
        }
        BigDecimal rhoShift = BigDecimal.ONE;
        if (sc.loadShift() != null) {
            rhoShift = shiftFactor(sc.loadShift());
        }
        BigDecimal eGrid0 = b.energyGridKwh();
        BigDecimal covered0 = null;
        BigDecimal uncovered0 = null;
        if (eGrid0 != null && eGrid0.signum() > 0) {
            BigDecimal p0 = b.renewablePurchasedKwh().min(eGrid0);
            covered0 = Decimals.divide(p0, eGrid0);
            uncovered0 = Decimals.normalize(eGrid0.subtract(p0));
        }
        List<YearValues> years = new ArrayList<>();
        List<YearValues> deltas = new ArrayList<>();
        BigDecimal w = BigDecimal.ONE;
        BigDecimal tau = BigDecimal.ONE;
        for (int y = 0; y <= sim.years(); y++) {
            if (y > 0) {
                w = round(w.multiply(growth));
                if (trajectory != null) {
                    tau = round(tau.multiply(trajectory));
                }
            }
            boolean utilOn = sc.utilisation() != null && y >= sc.utilisation().fromYear();
            BigDecimal gG = utilOn ? rhoU : BigDecimal.ONE;
            BigDecimal fEy = utilOn ? fE : BigDecimal.ONE;
            boolean refreshed = sc.hardwareRefresh() != null && y >= sc.hardwareRefresh().year();
            BigDecimal h = refreshed ? BigDecimal.ONE.add(sc.hardwareRefresh().itEnergyChangePct().movePointLeft(2))
                    : BigDecimal.ONE;
            BigDecimal a = w.multiply(fEy).multiply(h);
            BigDecimal eIt = mul(b.energyItKwh(), a);
            BigDecimal eFac;
            BigDecimal pue;
            // Quantities that follow facility energy: × a (exact) without a PUE target; with one, × E_fac,y / E_fac,0
            // as one division per quantity (exact whenever the quotient terminates).
            UnaryOperator<BigDecimal> follow;
            if (sc.pueTarget() != null && y > 0) {
                pue = toward(pue0, sc.pueTarget(), y);
                eFac = mul(eIt, pue);
                BigDecimal eFacY = eFac;
                follow = x -> x == null ? null : Decimals.divide(x.multiply(eFacY), b.energyFacilityKwh());
            } else {
                eFac = mul(b.energyFacilityKwh(), a);
                pue = Decimals.divide(eFac, eIt);
                follow = x -> mul(x, a);
            }
            BigDecimal eGrid = follow.apply(eGrid0);
            BigDecimal water;
            BigDecimal wue;
            if (sc.wueTarget() != null && y > 0) {
                wue = toward(wue0, sc.wueTarget(), y);
                water = mul(eIt, wue);
            } else {
                water = mul(b.waterL(), a);
                wue = water == null ? null : Decimals.divide(water, eIt);
            }
            BigDecimal gpuHours = mul(mul(b.gpuHours(), w), gG);
            BigDecimal scope1 = mul(b.scope1Kgco2e(), w);
            BigDecimal embodiedRate = refreshed ? Decimals.divide(sc.hardwareRefresh().embodiedKgco2e(),
                    BigDecimal.valueOf(sc.hardwareRefresh().lifetimeYears())) : b.embodiedKgco2e();
            BigDecimal embodied = mul(mul(embodiedRate, w), gG);
            boolean moved = sc.gridIntensity() != null && sc.gridIntensity().moveToKgco2ePerKwh() != null
                    && y >= sc.gridIntensity().moveYear();
            BigDecimal rho = sc.loadShift() != null && y >= sc.loadShift().fromYear() ? rhoShift : BigDecimal.ONE;
            BigDecimal intensity;
            BigDecimal location;
            if (moved) {
                intensity = Decimals.normalize(sc.gridIntensity().moveToKgco2ePerKwh().multiply(tau).multiply(rho));
                location = mul(eGrid, intensity);
                notes.add("after the move, location-based Scope 2 is grid electricity times the new zone's intensity");
            } else {
                intensity = mul(mul(b.gridIntensity(), tau), rho);
                location = mul(mul(follow.apply(b.scope2LocationKgco2e()), tau), rho);
            }
            boolean renewOn = sc.renewableShare() != null && y >= sc.renewableShare().fromYear();
            BigDecimal market;
            if (!renewOn && !moved) {
                market = mul(follow.apply(b.scope2MarketKgco2e()), tau);
            } else {
                BigDecimal share = renewOn ? sc.renewableShare().pct().movePointLeft(2) : covered0;
                BigDecimal rate;
                if (moved) {
                    rate = Decimals.normalize(sc.gridIntensity().moveToKgco2ePerKwh().multiply(tau));
                    notes.add("after the move, uncovered electricity is priced at the new zone's average intensity "
                            + "(no residual mix)");
                } else if (uncovered0 != null && uncovered0.signum() > 0 && b.scope2MarketKgco2e() != null) {
                    rate = mul(Decimals.divide(b.scope2MarketKgco2e(), uncovered0), tau);
                } else {
                    rate = mul(b.gridIntensity(), tau);
                    notes.add("the baseline has no uncovered electricity: uncovered electricity is priced at the "
                            + "location-based intensity");
                }
                market = share == null || eGrid == null || rate == null ? null
                        : Decimals.normalize(eGrid.multiply(BigDecimal.ONE.subtract(share)).multiply(rate));
            }
            YearValues.Costs costs = sim.prices() == null ? null
                    : costs(sim.prices(), eGrid, scope1, location, market, embodied, water);
            YearValues v = new YearValues(y, eIt, eFac, eGrid, pue, water, wue, gpuHours, scope1, location, market,
                    embodied, intensity, costs);
            years.add(v);
            if (base != null) {
                deltas.add(v.minus(base.year(y)));
            }
        }
        return new Projection(name, s, growthPct, years, deltas, new ArrayList<>(notes));
    }

    /** X_0 + (target − X_0) × min(y, k) / k: one division, exactly the target from year k on. */
    private static BigDecimal toward(BigDecimal x0, Scenario.Target target, int y) {
        if (y >= target.byYear()) {
            return target.value();
        }
        return Decimals.normalize(x0.add(Decimals.divide(target.value().subtract(x0).multiply(BigDecimal.valueOf(y)),
                BigDecimal.valueOf(target.byYear()))));
    }

    /**
     * ρ = (1 − φ) + φ × (n × Σ lowest m) / (m × Σ all): the intensity of a flat load after moving
     * the share φ of every hour into the m lowest-intensity hours, relative to before.
     */
    static BigDecimal shiftFactor(Scenario.LoadShift shift) {
        List<BigDecimal> sorted = new ArrayList<>(shift.timeOfUse());
        sorted.sort(null);
        BigDecimal all = BigDecimal.ZERO;
        for (BigDecimal v : sorted) {
            all = all.add(v);
        }
        BigDecimal low = BigDecimal.ZERO;
        for (int i = 0; i < shift.intoHours(); i++) {
            low = low.add(sorted.get(i));
        }
        BigDecimal phi = shift.flexibleSharePct().movePointLeft(2);
        BigDecimal n = BigDecimal.valueOf(sorted.size());
        BigDecimal m = BigDecimal.valueOf(shift.intoHours());
        BigDecimal ratio = Decimals.divide(n.multiply(low), m.multiply(all));
        return Decimals.normalize(BigDecimal.ONE.subtract(phi).add(phi.multiply(ratio)));
    }

    private static YearValues.Costs costs(Prices p, BigDecimal eGrid, BigDecimal scope1, BigDecimal location,
            BigDecimal market, BigDecimal embodied, BigDecimal water) {
        BigDecimal elec = mul(eGrid, Prices.amount(p.electricityPerKwh()));
        BigDecimal carbonKg = "market".equals(p.carbonBasis()) ? add(scope1, market) : add(scope1, location);
        if (p.carbonIncludesEmbodied()) {
            carbonKg = add(carbonKg, embodied);
        }
        BigDecimal carbon = carbonKg == null ? null
                : Decimals.normalize(carbonKg.multiply(Prices.amount(p.carbonPerTonne())).movePointLeft(3));
        BigDecimal wat = water == null ? null
                : Decimals.normalize(water.multiply(Prices.amount(p.waterPerM3())).movePointLeft(3));
        BigDecimal total = elec == null || carbon == null || wat == null ? null : elec.add(carbon).add(wat);
        return new YearValues.Costs(money(elec, p), money(carbon, p), money(wat, p), money(total, p));
    }

    private static Money money(BigDecimal v, Prices p) {
        return v == null ? null : Prices.money(v, p.currency());
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }

    private static BigDecimal mul(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : Decimals.normalize(a.multiply(b));
    }

    private static BigDecimal round(BigDecimal v) {
        return Decimals.normalize(v.round(Decimals.MATH_CONTEXT));
    }
}
