package org.ecocalc.core.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;
import org.junit.jupiter.api.Test;

/** Factor validity and exact application. Values are made up except where a source is named. */
class FactorTest {

    private static Factor one(TestPacks.Builder b) {
        return TestPacks.pack("t", "1.0.0", b).factors().get(0);
    }

    @Test
    void effectiveDateIsInclusiveAndExpiryDateExclusive_inUtc() {
        Factor f = one(TestPacks.factor("f").dates("2024-01-01", "2025-01-01"));
        Instant jan1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant next = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(f.covers(jan1, next)).isTrue();                        // the whole year
        assertThat(f.covers(jan1.minusSeconds(1), next)).isFalse();       // starts a second early
        assertThat(f.covers(jan1, next.plusSeconds(1))).isFalse();        // ends a second late
        assertThat(f.secondsApart(next, next.plusSeconds(3600))).isZero(); // touching the expiry: 0 apart
        assertThat(f.secondsApart(next.plusSeconds(86_400), next.plusSeconds(90_000))).isEqualTo(86_400);
        assertThat(f.secondsApart(jan1.minusSeconds(7200), jan1.minusSeconds(3600))).isEqualTo(3600);
        assertThat(f.secondsApart(jan1.minusSeconds(10), jan1.plusSeconds(10))).isZero();
        Factor open = one(TestPacks.factor("o").dates("2024-01-01", null));
        assertThat(open.covers(jan1, Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void poundsPerMegawattHourApplyExactly() {
        // eGRID2023 rev 2 CAMX CO2e, 429.983 lb/MWh (the shipped pack's value, used here inline).
        Factor f = one(TestPacks.factor("camx").value("429.983", "lb/MWh"));
        // 1,000 MWh × 429.983 lb/MWh = 429,983 lb; × 0.45359237 kg/lb (exact):
        // 429983 × 45359237 = 430000 × 45359237 − 17 × 45359237 = 19,504,471,910,000 − 771,107,029
        //                   = 19,503,700,802,971; with 8 decimals: 195,037.00802971 kg.
        Quantity lb = f.apply(Quantity.of("1000", Unit.MWH));
        assertThat(lb).isEqualTo(Quantity.of("429983", Unit.LB));
        assertThat(lb.toCanonical()).isEqualTo(Quantity.of("195037.00802971", Unit.KG));
        // The same activity in kWh gives the same result: 1,000,000 kWh × 429.983 lb/MWh / 1000 kWh/MWh.
        assertThat(f.apply(Quantity.of("1000000", Unit.KWH))).isEqualTo(Quantity.of("429983", Unit.LB));
        // kg/kWh = 429.983 × 0.45359237 / 1000 = 0.19503700802971, exact.
        assertThat(f.valueInCanonicalUnits()).isEqualByComparingTo("0.19503700802971");
    }

    @Test
    void litresOfFuelConvertToGallonsExactly() {
        // 40 CFR 98 Table C-1 heat content of distillate fuel oil No. 2: 0.138 mmBtu/gal.
        Factor hhv = one(TestPacks.factor("hhv").gas(null).value("0.138", "mmBtu/gal").activity("diesel"));
        // 3785.411784 L = 1000 US gal exactly (1 gal = 3.785411784 L); 1000 × 0.138 = 138 mmBtu.
        assertThat(hhv.apply(Quantity.of("3785.411784", Unit.L))).isEqualTo(Quantity.of("138", Unit.MMBTU));
    }

    @Test
    void wrongDimensionIsRefused() {
        Factor f = one(TestPacks.factor("f").value("0.5", "kg/kWh"));
        assertThatThrownBy(() -> f.apply(Quantity.of("1", Unit.L)))
                .isInstanceOfSatisfying(UnitException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNIT_DIMENSION_MISMATCH));
        assertThatThrownBy(() -> f.applyPerItem(BigDecimal.ONE)).isInstanceOf(UnitException.class);
        Factor item = one(TestPacks.factor("gpu").value("164", "kg/unit").activity("gpu"));
        assertThat(item.applyPerItem(new BigDecimal("8"))).isEqualTo(Quantity.of("1312", Unit.KG)); // 8 × 164
    }
}
