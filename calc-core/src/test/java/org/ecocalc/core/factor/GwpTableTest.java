package org.ecocalc.core.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GWP table and CO2e combination on a small inline pack. The numbers are the IPCC values the
 * shipped ipcc-gwp pack carries (AR5 Table 8.A.1: CH4 28, N2O 265, HFC-32 677, HFC-125 3170;
 * AR6 Table 7.15: CH4 fossil 29.8), repeated here so that the rule is tested apart from the data.
 */
class GwpTableTest {

    private static FactorPack gwpPack() {
        ObjectNode p = TestPacks.skeleton("gwp-test", "1.0.0");
        ArrayNode g = p.putArray("gwp_values");
        add(g, "co2", "AR5", 100, "1");
        add(g, "ch4", "AR5", 100, "28");
        add(g, "n2o", "AR5", 100, "265");
        add(g, "hfc-32", "AR5", 100, "677");
        add(g, "hfc-125", "AR5", 100, "3170");
        add(g, "ch4_fossil", "AR6", 100, "29.8");
        ObjectNode b = p.putArray("blends").addObject();
        b.put("gas", "r-410a");
        ArrayNode c = b.putArray("components");
        c.addObject().put("gas", "hfc-32").put("mass_fraction", "0.5");
        c.addObject().put("gas", "hfc-125").put("mass_fraction", "0.5");
        b.put("source_ref", "test");
        b.put("source_url", "https://example.org/test");
        b.put("confidence", "high");
        return TestPacks.load(p);
    }

    private static void add(ArrayNode arr, String gas, String set, int horizon, String value) {
        ObjectNode o = arr.addObject();
        o.put("gas", gas);
        o.put("gwp_set", set);
        o.put("horizon", horizon);
        o.put("value", value);
        o.put("source_ref", "test");
        o.put("source_table", "test");
        o.put("source_url", "https://example.org/test");
        o.put("confidence", "high");
    }

    @Test
    void combinesPerGasMassesExactly() {
        GwpTable t = GwpTable.from(gwpPack());
        // 1000 kg CO2 × 1 + 2 kg CH4 × 28 + 0.5 kg N2O × 265 = 1000 + 56 + 132.5 = 1188.5 kg CO2e
        BigDecimal kg = t.toCo2e(Map.of(Gas.CO2, new BigDecimal("1000"), Gas.CH4, new BigDecimal("2"),
                Gas.N2O, new BigDecimal("0.5")), GwpSet.AR5, GwpHorizon.YEARS_100);
        assertThat(kg).isEqualByComparingTo("1188.5");
    }

    @Test
    void blendIsTheMassWeightedSumOfItsComponents() {
        GwpValue v = GwpTable.from(gwpPack()).value(Gas.R_410A, GwpSet.AR5, GwpHorizon.YEARS_100);
        // 0.5 × 677 + 0.5 × 3170 = 338.5 + 1585 = 1923.5
        assertThat(v.value()).isEqualByComparingTo("1923.5");
        assertThat(v.derived()).isTrue();
        assertThat(GwpTable.from(gwpPack()).gases()).contains(Gas.R_410A, Gas.HFC_32);
    }

    @Test
    void refusesAMissingSetHorizonOrGasRatherThanGuessing() {
        GwpTable t = GwpTable.from(gwpPack());
        assertThatThrownBy(() -> t.value(Gas.CH4, GwpSet.AR6, GwpHorizon.YEARS_100))
                .isInstanceOfSatisfying(GwpUnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GWP_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("has it only for AR5/100");
                });
        // Fossil methane is never replaced by the generic value (and vice versa).
        assertThatThrownBy(() -> t.value(Gas.CH4_FOSSIL, GwpSet.AR5, GwpHorizon.YEARS_100))
                .isInstanceOf(GwpUnavailableException.class);
        assertThatThrownBy(() -> t.value(Gas.CH4, GwpSet.AR5, GwpHorizon.YEARS_20))
                .isInstanceOf(GwpUnavailableException.class);
        assertThatThrownBy(() -> t.value(Gas.of("hfc-23"), GwpSet.AR5, GwpHorizon.YEARS_100))
                .isInstanceOfSatisfying(GwpUnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("not in gwp-test@1.0.0"));
        assertThatThrownBy(() -> t.value(Gas.R_410A, GwpSet.AR6, GwpHorizon.YEARS_100))
                .isInstanceOfSatisfying(GwpUnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("component hfc-32"));
        assertThatThrownBy(() -> t.toCo2e(Map.of(Gas.CO2, BigDecimal.ONE, Gas.HFO_1234ZE_E, BigDecimal.ONE),
                GwpSet.AR5, GwpHorizon.YEARS_100)).isInstanceOf(GwpUnavailableException.class);
        assertThatThrownBy(() -> t.toCo2e(Map.of(Gas.CO2E, BigDecimal.ONE), GwpSet.AR5, GwpHorizon.YEARS_100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gasAliasesAndBadBlendsAreCaught() {
        assertThat(Gas.of("R-134a")).isEqualTo(Gas.HFC_134A);
        assertThat(Gas.of("R-1234ze")).isEqualTo(Gas.HFO_1234ZE_E);
        assertThat(Gas.of("R410A")).isEqualTo(Gas.R_410A);
        ObjectNode p = TestPacks.skeleton("bad-blend", "1.0.0");
        ObjectNode b = p.putArray("blends").addObject();
        b.put("gas", "r-410a");
        ArrayNode c = b.putArray("components");
        c.addObject().put("gas", "hfc-32").put("mass_fraction", "0.5");
        c.addObject().put("gas", "hfc-125").put("mass_fraction", "0.4");
        b.put("source_ref", "test");
        b.put("source_url", "https://example.org/test");
        b.put("confidence", "high");
        assertThatThrownBy(() -> TestPacks.load(p)).isInstanceOfSatisfying(FactorPackException.class, e -> assertThat(
                e.problems()).extracting(Problem::pointer).containsExactly("/blends/0/components"));
    }
}
