package org.ecocalc.core.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each constant against its definition; the sources are cited in docs/units.md. */
class UnitTest {

    @ParameterizedTest(name = "{0} {1} = {2} {3}")
    @CsvSource({
        // SI prefixes: exact powers of ten.
        "1, Wh, 0.001, kWh",
        "1, kWh, 1, kWh",
        "1, MWh, 1000, kWh",
        "1, GWh, 1000000, kWh",
        // 1 kWh = 1000 W × 3600 s = 3.6 MJ (SI), so 3600 MJ = 1000 kWh and 36 GJ = 10,000 kWh exactly.
        "3600, MJ, 1000, kWh",
        "36, GJ, 10000, kWh",
        "0.0036, TJ, 1000, kWh",
        // US liquid gallon = 231 in³ = 3.785411784 L exactly (NIST Handbook 44, Appendix C).
        "1, gal, 3.785411784, L",
        "1, kgal, 3785.411784, L",
        "1, m3, 1000, L",
        "1, mL, 0.001, L",
        // International pound = 0.45359237 kg exactly (1959 international yard and pound agreement).
        "1, lb, 0.45359237, kg",
        "1, t, 1000, kg",
        "1, g, 0.001, kg",
        "1, min, 60, s",
        "1, h, 3600, s",
        "1, GPU-h, 1, GPU-h",
        "7200, GPU-s, 2, GPU-h",
    })
    void exactFactors(String amount, String unit, String expected, String canonical) {
        assertThat(Quantity.of(amount, Unit.parse(unit)).toCanonical()).isEqualTo(Quantity.of(expected, Unit.parse(canonical)));
    }

    @Test
    void nonTerminatingFactorsRoundOnceToDecimal128() {
        // 1 MJ = 1/3.6 kWh = 0.2777... (34 significant digits, the last rounded half-even up to 8).
        assertThat(Unit.MJ.toCanonical(BigDecimal.ONE).toPlainString()).isEqualTo("0.2" + "7".repeat(32) + "8");
        // 1 MMBtu = 10^6 Btu(IT) × 1055.05585262 J/Btu = 1055.05585262 MJ = 1055.05585262 / 3.6 kWh
        //         = 293.0710701722222... kWh (NIST SP 811, B.8: Btu_IT = 1.055 055 852 62 E+03 J).
        assertThat(Unit.MMBTU.toCanonical(BigDecimal.ONE).toPlainString())
                .isEqualTo("293.07107017" + "2".repeat(23));
        // therm = 100,000 Btu(IT) = 0.1 MMBtu (EIA, EPA).
        assertThat(Unit.THERM.toCanonical(BigDecimal.TEN)).isEqualByComparingTo(Unit.MMBTU.toCanonical(BigDecimal.ONE));
        // ton of refrigeration × 1 h = 12,000 Btu(IT) = 3.516852842066... kWh (1 TR = 3.516852842 kW, ASHRAE).
        assertThat(Unit.TON_HOUR.toCanonical(BigDecimal.ONE).toPlainString()).startsWith("3.51685284206666");
        // 1 GPU-s = 1/3600 GPU-h; 3600 GPU-s = 1 GPU-h exactly.
        assertThat(Unit.GPU_S.toCanonical(new BigDecimal(3600))).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void conversionBetweenNonCanonicalUnits() {
        // 2 MMBtu in therm: 20 therm (both via kWh, back with 30 digits: exact here).
        assertThat(Quantity.of("2", Unit.MMBTU).to(Unit.THERM)).isEqualTo(Quantity.of("20", Unit.THERM));
        // 1 kgal = 1000 gal.
        assertThat(Quantity.of("1", Unit.KGAL).to(Unit.US_GAL)).isEqualTo(Quantity.of("1000", Unit.US_GAL));
        // 1 t = 2204.62262184877580722973801345 lb (1000 / 0.45359237, 30 significant digits).
        assertThat(Quantity.of("1", Unit.T).to(Unit.LB).value().toPlainString())
                .isEqualTo("2204.62262184877580722973801345");
    }

    @Test
    void unknownUnitSuggestsTheCapitalisation() {
        assertThatThrownBy(() -> Unit.parse("kwh")).isInstanceOf(UnitException.class)
                .hasMessageContaining("unknown unit \"kwh\"").hasMessageContaining("did you mean \"kWh\"")
                .extracting(e -> ((UnitException) e).code()).isEqualTo(ErrorCode.UNKNOWN_UNIT);
        assertThatThrownBy(() -> Unit.parse("furlong", Dimension.ENERGY)).isInstanceOf(UnitException.class)
                .hasMessageContaining("energy units: Wh, kWh, MWh");
    }

    @Test
    void dimensionMismatchIsItsOwnError() {
        assertThatThrownBy(() -> Unit.parse("L", Dimension.ENERGY)).isInstanceOf(UnitException.class)
                .hasMessageContaining("\"L\" is a unit of volume, not energy")
                .extracting(e -> ((UnitException) e).code()).isEqualTo(ErrorCode.UNIT_DIMENSION_MISMATCH);
        assertThatThrownBy(() -> Quantity.of("1", Unit.L).to(Unit.KWH)).isInstanceOf(UnitException.class)
                .extracting(e -> ((UnitException) e).code()).isEqualTo(ErrorCode.UNIT_CONVERSION);
    }

    @Test
    void aliasesAreAccepted() {
        assertThat(Unit.parse("mmBtu")).isEqualTo(Unit.MMBTU);
        assertThat(Unit.parse("m³")).isEqualTo(Unit.M3);
        assertThat(Unit.parse("US gal")).isEqualTo(Unit.US_GAL);
        assertThat(Unit.parse("l")).isEqualTo(Unit.L);
    }

    @Test
    void everyDimensionHasExactlyOneCanonicalUnit() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.canonicalUnit().isCanonical()).isTrue();
            assertThat(d.canonicalUnit().dimension()).isEqualTo(d);
            long canonical = java.util.Arrays.stream(Unit.values()).filter(u -> u.dimension() == d && u.isCanonical()).count();
            assertThat(canonical).isOne();
        }
    }
}
