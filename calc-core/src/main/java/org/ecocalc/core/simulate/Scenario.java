package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;

/**
 * One what-if scenario: a name and any combination of changes; an absent change keeps the
 * baseline. Years count from 1 (year 0 is the baseline itself, never changed). The formulas are
 * in {@code docs/methodology.md}, "What-if simulator". Validated at once; a bad value is an
 * {@link EcoCalcException} with {@link ErrorCode#INVALID_SCENARIO} naming the field.
 *
 * @param name             a unique name, 1 to 64 characters
 * @param description      free text, or null
 * @param growthPctPerYear workload growth per year in percent (above −100), or null to use the
 *                         simulation's baseline growth
 * @param pueTarget        a PUE reached linearly by a year (at least 1), or null
 * @param wueTarget        a WUE (L/kWh) reached linearly by a year, or null
 * @param renewableShare   the share of grid electricity covered by instruments from a year, or null
 * @param gridIntensity    a grid-intensity trajectory and/or a move to another zone, or null
 * @param loadShift        a flexible share of load moved into the lowest-intensity hours, or null
 * @param utilisation      a GPU utilisation change, or null
 * @param hardwareRefresh  a hardware refresh, or null
 */
public record Scenario(String name, String description, BigDecimal growthPctPerYear, Target pueTarget,
        Target wueTarget, RenewableShare renewableShare, GridIntensity gridIntensity, LoadShift loadShift,
        Utilisation utilisation, HardwareRefresh hardwareRefresh) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Scenario {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 64) {
            throw invalid("name", "must be 1 to 64 characters");
        }
        if (growthPctPerYear != null) {
            growthPctPerYear = Decimals.normalize(growthPctPerYear);
            if (growthPctPerYear.compareTo(HUNDRED.negate()) <= 0) {
                throw invalid("growth_pct_per_year", "must be above -100");
            }
        }
        if (pueTarget != null && pueTarget.value().compareTo(BigDecimal.ONE) < 0) {
            throw invalid("pue_target/value", "a PUE cannot be below 1 (ISO/IEC 30134-2), got "
                    + Decimals.toCanonicalString(pueTarget.value()));
        }
    }

    /** A scenario that changes nothing: it reproduces the baseline exactly. */
    public static Scenario noChange(String name) {
        return new Scenario(name, null, null, null, null, null, null, null, null, null);
    }

    /** This scenario with another workload growth (percent per year, or null to inherit). */
    public Scenario withGrowth(BigDecimal pctPerYear) {
        return new Scenario(name, description, pctPerYear, pueTarget, wueTarget, renewableShare, gridIntensity,
                loadShift, utilisation, hardwareRefresh);
    }

    static EcoCalcException invalid(String field, String message) {
        return new EcoCalcException(ErrorCode.INVALID_SCENARIO, field + ": " + message);
    }

    static int year(String field, int year) {
        if (year < 1 || year > Simulation.MAX_YEARS) {
            throw invalid(field, "must be a year from 1 to " + Simulation.MAX_YEARS + ", got " + year);
        }
        return year;
    }

    static BigDecimal pct(String field, BigDecimal v, boolean allowZero) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0 || !allowZero && v.signum() == 0 || v.compareTo(HUNDRED) > 0) {
            throw invalid(field, "must be a percentage " + (allowZero ? "from 0" : "above 0") + " to 100, got "
                    + Decimals.toCanonicalString(v));
        }
        return Decimals.normalize(v);
    }

    static BigDecimal nonNegative(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0) {
            throw invalid(field, "must not be negative, got " + Decimals.toCanonicalString(v));
        }
        return Decimals.normalize(v);
    }

    /**
     * A value reached linearly: X_y = X_0 + (value − X_0) × min(y, byYear) / byYear.
     *
     * @param value  the target (not negative)
     * @param byYear the year it is reached, from 1
     */
    public record Target(BigDecimal value, int byYear) {
        public Target {
            value = nonNegative("value", value);
            year("by_year", byYear);
        }
    }

    /**
     * Energy attribute certificates or contracts covering {@code pct} % of grid electricity from
     * {@code fromYear} on, at a market-based rate of zero.
     *
     * @param pct      the covered share, 0 to 100
     * @param fromYear the first year it applies
     */
    public record RenewableShare(BigDecimal pct, int fromYear) {
        public RenewableShare {
            pct = Scenario.pct("renewable_share/pct", pct, true);
            year("renewable_share/from_year", fromYear);
        }
    }

    /**
     * The grid's intensity: a yearly change in percent (compounded, above −100), and/or a move to
     * another zone whose intensity applies from {@code moveYear} on.
     *
     * @param changePctPerYear    yearly change of the intensity in percent, or null
     * @param moveToKgco2ePerKwh  the new zone's average intensity (kgCO2e/kWh), or null
     * @param moveYear            the first year in the new zone (ignored without a move)
     */
    public record GridIntensity(BigDecimal changePctPerYear, BigDecimal moveToKgco2ePerKwh, int moveYear) {
        public GridIntensity {
            if (changePctPerYear == null && moveToKgco2ePerKwh == null) {
                throw invalid("grid_intensity", "give change_pct_per_year, move_to_kgco2e_per_kwh or both");
            }
            if (changePctPerYear != null) {
                changePctPerYear = Decimals.normalize(changePctPerYear);
                if (changePctPerYear.compareTo(HUNDRED.negate()) <= 0) {
                    throw invalid("grid_intensity/change_pct_per_year", "must be above -100");
                }
            }
            if (moveToKgco2ePerKwh != null) {
                moveToKgco2ePerKwh = nonNegative("grid_intensity/move_to_kgco2e_per_kwh", moveToKgco2ePerKwh);
                year("grid_intensity/move_year", moveYear);
            }
        }
    }

    /**
     * A flexible share of the load moved, from {@code fromYear} on, out of every hour of a
     * time-of-use series (flat load) into its {@code intoHours} lowest-intensity hours.
     *
     * @param flexibleSharePct the share of load that can move, 0 to 100
     * @param intoHours        how many lowest-intensity hours receive it (1 to the series length)
     * @param timeOfUse        the intensity of each hour of a typical day (kgCO2e/kWh), not negative
     * @param fromYear         the first year it applies
     */
    public record LoadShift(BigDecimal flexibleSharePct, int intoHours, List<BigDecimal> timeOfUse, int fromYear) {
        public LoadShift {
            flexibleSharePct = pct("load_shift/flexible_share_pct", flexibleSharePct, true);
            timeOfUse = List.copyOf(timeOfUse);
            if (timeOfUse.isEmpty()) {
                throw invalid("load_shift/time_of_use_kgco2e_per_kwh", "needs at least one hour");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal v : timeOfUse) {
                sum = sum.add(nonNegative("load_shift/time_of_use_kgco2e_per_kwh", v));
            }
            if (sum.signum() == 0) {
                throw invalid("load_shift/time_of_use_kgco2e_per_kwh", "every hour is zero: nothing to shift away from");
            }
            if (intoHours < 1 || intoHours > timeOfUse.size()) {
                throw invalid("load_shift/into_hours", "must be from 1 to the " + timeOfUse.size()
                        + " hours of the series, got " + intoHours);
            }
            year("load_shift/from_year", fromYear);
        }
    }

    /**
     * GPU utilisation raised (or lowered) to {@code targetPct} from {@code fromYear} on, for the
     * same work. {@code idlePowerPct} is the share of a GPU-hour's energy at the baseline
     * utilisation that does not depend on utilisation (the linear power model).
     *
     * @param targetPct    the new mean utilisation, above 0 to 100
     * @param idlePowerPct the utilisation-independent share of power, 0 to 100
     * @param fromYear     the first year it applies
     */
    public record Utilisation(BigDecimal targetPct, BigDecimal idlePowerPct, int fromYear) {
        public Utilisation {
            targetPct = pct("utilisation/target_pct", targetPct, false);
            idlePowerPct = pct("utilisation/idle_power_pct", idlePowerPct, true);
            year("utilisation/from_year", fromYear);
        }
    }

    /**
     * The fleet replaced in {@code year}: its embodied carbon amortised straight-line over its
     * lifetime replaces the old fleet's, and IT energy for the same work changes by
     * {@code itEnergyChangePct} (negative: more efficient).
     *
     * @param year              the year of the refresh, from 1
     * @param embodiedKgco2e    embodied carbon of the new fleet at the baseline's size (kgCO2e)
     * @param lifetimeYears     its expected lifetime in years, from 1
     * @param itEnergyChangePct IT energy change for the same work, in percent (above −100)
     */
    public record HardwareRefresh(int year, BigDecimal embodiedKgco2e, int lifetimeYears, BigDecimal itEnergyChangePct) {
        public HardwareRefresh {
            Scenario.year("hardware_refresh/year", year);
            embodiedKgco2e = nonNegative("hardware_refresh/embodied_kgco2e", embodiedKgco2e);
            if (lifetimeYears < 1 || lifetimeYears > 100) {
                throw invalid("hardware_refresh/lifetime_years", "must be from 1 to 100, got " + lifetimeYears);
            }
            itEnergyChangePct = Decimals.normalize(Objects.requireNonNull(itEnergyChangePct, "itEnergyChangePct"));
            if (itEnergyChangePct.compareTo(HUNDRED.negate()) <= 0) {
                throw invalid("hardware_refresh/it_energy_change_pct", "must be above -100");
            }
        }
    }
}
