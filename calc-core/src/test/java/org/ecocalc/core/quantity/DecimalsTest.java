package org.ecocalc.core.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "12.5", "-3", "0.000001", "100000000000000000000", "100.0"})
    void acceptsPlainDecimals(String text) {
        assertThat(Decimals.parse(text)).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "NaN", "Infinity", "-Infinity", "1e3", "1E3", "12,5", "+1", "01", ".5", "5.",
        "--1", "0x10", "1_000", "١٢"})
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> Decimals.parse(text)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("not a plain decimal");
    }

    @Test
    void limitsDigits() {
        // 21 integer digits are accepted, 22 are not (Decimals.MAX_INPUT_INTEGER_DIGITS).
        assertThat(Decimals.parse("1".repeat(21))).isNotNull();
        assertThatThrownBy(() -> Decimals.parse("1".repeat(22))).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("too large");
        // 48 decimals accepted, 49 not (MAX_INPUT_SCALE); leading zeros are not significant.
        assertThat(Decimals.parse("0." + "0".repeat(47) + "1")).isNotNull();
        assertThatThrownBy(() -> Decimals.parse("0." + "0".repeat(48) + "1")).isInstanceOf(ArithmeticException.class);
        // 34 significant digits accepted (decimal128), 35 not (MAX_INPUT_DIGITS).
        assertThat(Decimals.parse("1".repeat(14) + "." + "1".repeat(20))).isNotNull();
        assertThatThrownBy(() -> Decimals.parse("1".repeat(15) + "." + "1".repeat(20)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("35 significant digits");
        assertThat(Decimals.parse("0.000" + "1".repeat(34))).isNotNull();
    }

    @Test
    void normalizeStripsTrailingZerosAndZeroScale() {
        assertThat(Decimals.normalize(new BigDecimal("1.500")).toPlainString()).isEqualTo("1.5");
        assertThat(Decimals.normalize(new BigDecimal("0.000")).toPlainString()).isEqualTo("0");
        assertThat(Decimals.normalize(new BigDecimal("1200")).toPlainString()).isEqualTo("1200");
        assertThat(Decimals.toCanonicalString(new BigDecimal("1.5E+3"))).isEqualTo("1500");
    }

    @Test
    void divisionRoundsOnceToDecimal128HalfEven() {
        // 1/3 to 34 significant digits.
        assertThat(Decimals.divide(BigDecimal.ONE, new BigDecimal(3)).toPlainString())
                .isEqualTo("0." + "3".repeat(34));
        // 2/3: the 34th digit rounds up.
        assertThat(Decimals.divide(new BigDecimal(2), new BigDecimal(3)).toPlainString())
                .isEqualTo("0." + "6".repeat(33) + "7");
        // An exact quotient keeps no trailing zeros: 1250 / 1000 = 1.25.
        assertThat(Decimals.divide(new BigDecimal(1250), new BigDecimal(1000)).toPlainString()).isEqualTo("1.25");
        // percent = 100 × part / whole, one rounding: 100 × 1 / 3.
        assertThat(Decimals.percent(BigDecimal.ONE, new BigDecimal(3)).toPlainString())
                .isEqualTo("33." + "3".repeat(32));
    }

    @Test
    void displayRoundsHalfEven() {
        // Half-even: 2.5 -> 2, 3.5 -> 4, 1.125 (to 2 places) -> 1.12, 1.135 -> 1.14.
        assertThat(Decimals.display(new BigDecimal("2.5"), 0)).isEqualTo("2");
        assertThat(Decimals.display(new BigDecimal("3.5"), 0)).isEqualTo("4");
        assertThat(Decimals.display(new BigDecimal("1.125"), 2)).isEqualTo("1.12");
        assertThat(Decimals.display(new BigDecimal("1.135"), 2)).isEqualTo("1.14");
        assertThat(Decimals.display(new BigDecimal("7"), 3)).isEqualTo("7.000");
    }
}
