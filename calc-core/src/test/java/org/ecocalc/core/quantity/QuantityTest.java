package org.ecocalc.core.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantityTest {
    @Test
    void equalityIgnoresTrailingZeros() {
        assertThat(Quantity.of("1.50", Unit.KWH)).isEqualTo(Quantity.of("1.5", Unit.KWH));
        assertThat(Quantity.of("1.50", Unit.KWH).hashCode()).isEqualTo(Quantity.of("1.5", Unit.KWH).hashCode());
        assertThat(Quantity.of("1", Unit.MWH)).isNotEqualTo(Quantity.of("1000", Unit.KWH));
        assertThat(Quantity.of("1", Unit.MWH).toCanonical()).isEqualTo(Quantity.of("1000", Unit.KWH));
    }

    @Test
    void plusIsExact() {
        // 0.1 + 0.2 = 0.3 exactly (no binary floating point anywhere).
        assertThat(Quantity.of("0.1", Unit.KWH).plus(Quantity.of("0.2", Unit.KWH))).isEqualTo(Quantity.of("0.3", Unit.KWH));
        // 1 MWh + 500 kWh = 1500 kWh (different units: the sum is canonical).
        assertThat(Quantity.of("1", Unit.MWH).plus(Quantity.of("500", Unit.KWH))).isEqualTo(Quantity.of("1500", Unit.KWH));
    }

    @Test
    void comparesAcrossUnits() {
        assertThat(Quantity.of("1", Unit.MWH).compareTo(Quantity.of("999", Unit.KWH))).isPositive();
        assertThat(Quantity.of("1", Unit.M3).compareTo(Quantity.of("1000", Unit.L))).isZero();
    }

    @Test
    void toStringIsCanonical() {
        assertThat(Quantity.of("12.50", Unit.MWH)).hasToString("12.5 MWh");
    }
}
