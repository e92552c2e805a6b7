package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;

/**
 * The unit of a factor value as published: {@code numerator/denominator}, such as {@code lb/MWh},
 * {@code kg/mmBtu}, {@code g/kWh}, {@code mmBtu/gal} or {@code kg/unit} (per item, for embodied
 * carbon). Both sides are {@link Unit}s except the denominator {@code unit}, which means "per item".
 *
 * <p>Values are stored as published; conversion happens only when a factor is applied (see
 * {@link Factor#apply(org.ecocalc.core.quantity.Quantity)}), with exact rational arithmetic and at
 * most one rounding.
 *
 * @param numerator   the unit of the result (a mass for emission factors, an energy for heat contents)
 * @param denominator the unit of the activity, or null for "per item"
 */
public record FactorUnit(Unit numerator, Unit denominator) {
    /** The denominator symbol meaning "per item". */
    public static final String PER_ITEM = "unit";

    public FactorUnit {
        Objects.requireNonNull(numerator, "numerator");
    }

    /**
     * Parses {@code "lb/MWh"}.
     *
     * @throws UnitException ({@link ErrorCode#UNKNOWN_UNIT}) if either side is unknown or the text
     *                       has no single {@code /}
     */
    public static FactorUnit parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/') || slash == text.length() - 1) {
            throw new UnitException(ErrorCode.UNKNOWN_UNIT,
                    "a factor unit is numerator/denominator, such as \"lb/MWh\" (got \"" + text + "\")");
        }
        Unit num = Unit.parse(text.substring(0, slash));
        String d = text.substring(slash + 1);
        return new FactorUnit(num, d.equals(PER_ITEM) ? null : Unit.parse(d));
    }

    /** Whether the factor is per item rather than per an amount of activity. */
    public boolean isPerItem() {
        return denominator == null;
    }

    /**
     * The exact rational factor {@code r} such that a value {@code v} in this unit equals
     * {@code v × r[0] / r[1]} in canonical units (kg per kWh, kg per L, kWh per L, kg per item).
     */
    BigDecimal[] toCanonicalRatio() {
        BigDecimal num = numerator.numerator();
        BigDecimal den = numerator.denominator();
        if (denominator != null) {
            num = num.multiply(denominator.denominator());
            den = den.multiply(denominator.numerator());
        }
        return new BigDecimal[] {num, den};
    }

    @Override
    public String toString() {
        return numerator.symbol() + "/" + (denominator == null ? PER_ITEM : denominator.symbol());
    }
}
