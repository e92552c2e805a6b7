package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;

/**
 * An emission rate per unit of energy, held in kg CO2e per kWh: the intensity of a grid interval
 * or the rate an energy attribute certificate or supplier conveys. Written in telemetry as
 * {@code {"value": "352", "unit": "gCO2e/kWh"}}: a mass unit (g, kg, t, lb), optionally followed by
 * {@code CO2e} or {@code CO2eq}, then {@code /} and an energy unit (Wh, kWh, MWh, MJ, ...).
 *
 * @param kgPerKwh the rate in kg CO2e per kWh, never negative
 */
public record EmissionRate(BigDecimal kgPerKwh) {
    public EmissionRate {
        Objects.requireNonNull(kgPerKwh, "kgPerKwh");
        if (kgPerKwh.signum() < 0) {
            throw new IllegalArgumentException("an emission rate is never negative");
        }
        kgPerKwh = Decimals.normalize(kgPerKwh);
    }

    /** A rate in kg CO2e per kWh. */
    public static EmissionRate ofKgPerKwh(BigDecimal kgPerKwh) {
        return new EmissionRate(kgPerKwh);
    }

    /** A rate in kg CO2e per kWh. */
    public static EmissionRate ofKgPerKwh(String kgPerKwh) {
        return new EmissionRate(Decimals.parse(kgPerKwh));
    }

    /**
     * A rate of {@code value} in {@code unit} ({@code "gCO2e/kWh"}, {@code "lb/MWh"}, {@code "kg/kWh"}):
     * converted exactly, with one decimal128 rounding when the conversion does not terminate.
     *
     * @throws UnitException if the unit is not mass per energy
     */
    public static EmissionRate of(BigDecimal value, String unit) {
        Unit[] u = parseUnit(unit);
        // value × (mass → kg) / (energy → kWh): numerators multiply, denominators divide, one rounding.
        BigDecimal num = value.multiply(u[0].numerator()).multiply(u[1].denominator());
        BigDecimal den = u[0].denominator().multiply(u[1].numerator());
        return new EmissionRate(den.compareTo(BigDecimal.ONE) == 0 ? num : num.divide(den, Decimals.MATH_CONTEXT));
    }

    /** The mass and energy units of a rate unit; {@code "gCO2eq/kWh"} gives g and kWh. */
    static Unit[] parseUnit(String unit) {
        int slash = unit.indexOf('/');
        if (slash <= 0 || slash != unit.lastIndexOf('/') || slash == unit.length() - 1) {
            throw new UnitException(ErrorCode.UNKNOWN_UNIT, "an emission rate unit is mass/energy, such as "
                    + "\"gCO2e/kWh\" or \"lb/MWh\" (got \"" + unit + "\")");
        }
        String mass = unit.substring(0, slash);
        for (String suffix : new String[] {"CO2eq", "CO2e"}) {
            if (mass.endsWith(suffix) && mass.length() > suffix.length()) {
                mass = mass.substring(0, mass.length() - suffix.length());
                break;
            }
        }
        return new Unit[] {Unit.parse(mass, Dimension.MASS), Unit.parse(unit.substring(slash + 1), Dimension.ENERGY)};
    }

    /** {@code 0.352 kg/kWh}. */
    @Override
    public String toString() {
        return Decimals.toCanonicalString(kgPerKwh) + " kg/kWh";
    }
}
