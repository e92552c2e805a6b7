package org.ecocalc.core.quantity;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;

/**
 * An exact amount with its unit, such as {@code 12.5 MWh}. The value is held with trailing zeros
 * stripped, so {@code Quantity.of("1.50", KWH).equals(Quantity.of("1.5", KWH))}. Two quantities in
 * different units are not {@code equals} even when they measure the same amount; compare
 * {@link #toCanonical()} instead.
 *
 * @param value the amount, never null
 * @param unit  the unit, never null
 */
public record Quantity(BigDecimal value, Unit unit) implements Comparable<Quantity> {

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        value = Decimals.normalize(value);
    }

    /** A quantity of {@code value} in {@code unit}. */
    public static Quantity of(BigDecimal value, Unit unit) {
        return new Quantity(value, unit);
    }

    /**
     * A quantity from a decimal string in JSON number syntax.
     *
     * @throws NumberFormatException if the text is not a decimal
     */
    public static Quantity of(String value, Unit unit) {
        return new Quantity(Decimals.parse(value), unit);
    }

    /**
     * A quantity from a decimal string and a unit symbol, as written in telemetry.
     *
     * @throws UnitException         if the symbol is unknown
     * @throws NumberFormatException if the value is not a decimal
     */
    public static Quantity parse(String value, String unitSymbol) {
        return of(value, Unit.parse(unitSymbol));
    }

    /** What this quantity measures. */
    public Dimension dimension() {
        return unit.dimension();
    }

    /** This amount in its dimension's canonical unit (kWh, L, kg, s, GPU-h). */
    public Quantity toCanonical() {
        return unit.isCanonical() ? this : new Quantity(unit.toCanonical(value), unit.dimension().canonicalUnit());
    }

    /**
     * This amount in another unit of the same dimension.
     *
     * @throws UnitException ({@link ErrorCode#UNIT_CONVERSION}) if the dimensions differ
     */
    public Quantity to(Unit target) {
        Objects.requireNonNull(target, "target");
        if (target == unit) {
            return this;
        }
        if (target.dimension() != unit.dimension()) {
            throw new UnitException(ErrorCode.UNIT_CONVERSION, "cannot convert " + unit.symbol() + " ("
                    + unit.dimension().label() + ") to " + target.symbol() + " (" + target.dimension().label() + ")");
        }
        return new Quantity(target.fromCanonical(unit.toCanonical(value)), target);
    }

    /**
     * The sum, exact. In this unit when both units are the same, otherwise in the canonical unit.
     *
     * @throws UnitException ({@link ErrorCode#UNIT_CONVERSION}) if the dimensions differ
     */
    public Quantity plus(Quantity other) {
        Objects.requireNonNull(other, "other");
        if (other.unit == unit) {
            return new Quantity(value.add(other.value), unit);
        }
        if (other.dimension() != dimension()) {
            throw new UnitException(ErrorCode.UNIT_CONVERSION, "cannot add " + other.unit.symbol() + " to "
                    + unit.symbol());
        }
        return new Quantity(toCanonical().value.add(other.toCanonical().value), dimension().canonicalUnit());
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return value.signum() < 0;
    }

    /**
     * Orders by the amount in the canonical unit.
     *
     * @throws UnitException ({@link ErrorCode#UNIT_CONVERSION}) if the dimensions differ
     */
    @Override
    public int compareTo(Quantity other) {
        if (other.dimension() != dimension()) {
            throw new UnitException(ErrorCode.UNIT_CONVERSION, "cannot compare " + unit.symbol() + " with "
                    + other.unit.symbol());
        }
        return toCanonical().value.compareTo(other.toCanonical().value);
    }

    /** {@code "12.5 MWh"}: the canonical decimal text, a space, the symbol. */
    @Override
    public String toString() {
        return Decimals.toCanonicalString(value) + " " + unit.symbol();
    }
}
