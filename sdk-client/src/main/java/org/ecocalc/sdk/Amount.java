package org.ecocalc.sdk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A physical amount as the ingestion protocol writes it: {@code {"value": "12.5", "unit": "MWh"}}.
 * The value is kept as the exact plain-notation decimal text it will be sent as, so no value
 * passes through a binary double. Which units a field accepts is checked where the amount is used.
 *
 * @param value a non-negative decimal in plain notation, such as {@code "12.5"}
 * @param unit  the unit symbol, such as {@code "kWh"}
 */
public record Amount(String value, String unit) {
    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        String p = Checks.decimalProblem(value);
        if (p != null) {
            throw new InvalidEventException("/value", p);
        }
    }

    /** The amount {@code value unit}; the value is plain-notation decimal text. */
    public static Amount of(String value, String unit) {
        return new Amount(value, unit);
    }

    /** The amount {@code value unit}; the value is written in plain notation. */
    public static Amount of(BigDecimal value, String unit) {
        return new Amount(Checks.plain(value, "/value"), unit);
    }

    /** The amount {@code value unit}. */
    public static Amount of(long value, String unit) {
        return new Amount(Long.toString(value), unit);
    }

    @Override
    public String toString() {
        return value + " " + unit;
    }
}
