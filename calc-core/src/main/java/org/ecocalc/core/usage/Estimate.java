package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.quantity.Decimals;

/**
 * An estimate with its range: low, central and high values, always {@code low ≤ central ≤ high}.
 * Values are exact decimals with trailing zeros stripped; {@link #plus(Estimate)} is exact, so sums
 * of estimates do not depend on order.
 *
 * @param low     the low end
 * @param central the central value
 * @param high    the high end
 */
public record Estimate(BigDecimal low, BigDecimal central, BigDecimal high) {
    /** Zero, with a zero range. */
    public static final Estimate ZERO = new Estimate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Estimate {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(central, "central");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(central) > 0 || central.compareTo(high) > 0) {
            throw new IllegalArgumentException("an estimate needs low <= central <= high (got "
                    + Decimals.toCanonicalString(low) + ", " + Decimals.toCanonicalString(central) + ", "
                    + Decimals.toCanonicalString(high) + ")");
        }
        low = Decimals.normalize(low);
        central = Decimals.normalize(central);
        high = Decimals.normalize(high);
    }

    /** An estimate without a range. */
    public static Estimate point(BigDecimal value) {
        return new Estimate(value, value, value);
    }

    /** The estimate with these three values. */
    public static Estimate of(BigDecimal low, BigDecimal central, BigDecimal high) {
        return new Estimate(low, central, high);
    }

    /** The exact sum, end by end. */
    public Estimate plus(Estimate o) {
        return new Estimate(low.add(o.low), central.add(o.central), high.add(o.high));
    }

    /** Whether low, central and high are equal. */
    public boolean isPoint() {
        return low.compareTo(high) == 0;
    }

    /** The value at {@code 0} (low), {@code 1} (central) or {@code 2} (high). */
    public BigDecimal at(int bound) {
        switch (bound) {
            case 0: return low;
            case 1: return central;
            case 2: return high;
            default: throw new IllegalArgumentException("bound is 0, 1 or 2");
        }
    }

    @Override
    public String toString() {
        return Decimals.toCanonicalString(central) + " [" + Decimals.toCanonicalString(low) + ", "
                + Decimals.toCanonicalString(high) + "]";
    }
}
