package org.ecocalc.core.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Law: for every input-valid decimal v and every unit u, converting v u to the canonical unit
 * and back gives v exactly (Unit.fromCanonical's 30-digit output context, Decimals input limits).
 */
class UnitRoundTripPropertyTest {
    private static final long SEED = 20261123L;

    /** Decimals of up to 30 significant digits (the exact round-trip bound), 21 before the point, 24 after. */
    static Gen<BigDecimal> inputDecimals() {
        Gen<BigInteger> high = longs().between(0, 999_999_999_999_999L).map(BigInteger::valueOf);
        Gen<BigInteger> low = longs().between(0, 999_999_999_999_999L).map(BigInteger::valueOf);
        Gen<Integer> digits = integers().between(1, Decimals.EXACT_ROUND_TRIP_DIGITS);
        Gen<Integer> scale = integers().between(0, 24);
        return high.zip(low, digits, scale, (h, l, n, s) -> {
            BigInteger unscaled = h.multiply(BigInteger.TEN.pow(15)).add(l);
            String text = unscaled.toString();
            if (text.length() > n) {
                unscaled = new BigInteger(text.substring(0, n));
            }
            int sc = Math.min(s, n);
            if (unscaled.toString().length() - sc > Decimals.MAX_INPUT_INTEGER_DIGITS) {
                sc = unscaled.toString().length() - Decimals.MAX_INPUT_INTEGER_DIGITS;
            }
            return Decimals.checkInputLimits(new BigDecimal(unscaled, sc));
        });
    }

    @Test
    void toCanonicalAndBackIsExact() {
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(inputDecimals(), arbitrary().pick(List.of(Unit.values())))
                .checkAssert((v, u) -> assertThat(u.fromCanonical(u.toCanonical(v)))
                        .as("%s %s", v.toPlainString(), u).isEqualByComparingTo(v));
    }

    @Test
    void conversionBetweenAnyTwoUnitsOfADimensionRoundTripsToTwentyEightDigits() {
        List<Unit[]> pairs = new java.util.ArrayList<>();
        for (Unit a : Unit.values()) {
            for (Unit b : Unit.values()) {
                if (a.dimension() == b.dimension()) {
                    pairs.add(new Unit[] {a, b});
                }
            }
        }
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(inputDecimals(), arbitrary().pick(pairs))
                .checkAssert((v, pair) -> {
                    Unit a = pair[0];
                    Unit b = pair[1];
                    // a -> b -> a rounds twice into 30 significant digits (Unit.OUTPUT_CONTEXT), so it is
                    // exact to within a relative 1e-28 (only a -> canonical -> a is exact to the digit).
                    Quantity there = Quantity.of(v, a).to(b);
                    BigDecimal back = Quantity.of(there.value(), b).to(a).value();
                    BigDecimal error = back.subtract(v).abs();
                    assertThat(error).as("%s %s -> %s -> %s", v.toPlainString(), a, b, back.toPlainString())
                            .isLessThanOrEqualTo(v.abs().movePointLeft(28));
                });
    }
}
