package org.ecocalc.core.telemetry;

import java.util.Locale;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Fuel burnt on site over the record's interval (Scope 1, stationary combustion): diesel in backup
 * generators, natural gas in boilers or turbines.
 *
 * @param fuel         the fuel, as the factor packs name its activity type, such as
 *                     {@code distillate_fuel_oil_no2} or {@code natural_gas}
 * @param quantity     how much: a volume (gal, L, m3, scf), a mass (kg, t) or an energy (MMBtu,
 *                     therm, GJ, kWh); held in its canonical unit
 * @param heatingValue for an energy quantity, whether it is on a higher (gross) or lower (net)
 *                     heating value basis; null when not stated
 */
public record FuelUse(String fuel, Quantity quantity, HeatingValue heatingValue) {
    /** The pattern of a fuel id. */
    public static final String FUEL_PATTERN = "^[a-z0-9][a-z0-9_]{0,63}$";

    /** The basis of an energy amount of fuel. */
    public enum HeatingValue {
        /** Higher (gross) heating value, the basis of US EPA factors. */
        HHV,
        /** Lower (net) calorific value, the basis of IPCC 2006 defaults. */
        NCV;

        /** The lower-case id used in JSON. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FuelUse {
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(quantity, "quantity");
        if (!fuel.matches(FUEL_PATTERN)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.WRONG_TYPE, "/fuel",
                    "a fuel id is lower-case letters, digits and _ (got \"" + fuel + "\")"));
        }
        if (quantity.dimension() != Dimension.VOLUME && quantity.dimension() != Dimension.MASS
                && quantity.dimension() != Dimension.ENERGY) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.UNIT_DIMENSION_MISMATCH, "/fuel/quantity/unit",
                    "a fuel quantity is a volume, a mass or an energy"));
        }
        if (quantity.isNegative()) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.NEGATIVE_VALUE, "/fuel/quantity/value",
                    "a fuel quantity must not be negative"));
        }
        quantity = quantity.toCanonical();
    }

    /** Fuel use without a stated heating-value basis. */
    public static FuelUse of(String fuel, Quantity quantity) {
        return new FuelUse(fuel, quantity, null);
    }
}
