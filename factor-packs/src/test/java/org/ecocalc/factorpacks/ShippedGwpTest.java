package org.ecocalc.factorpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.factor.GwpTable;
import org.ecocalc.core.factor.GwpUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped IPCC GWP table, set by set and horizon by horizon. Expected values are the IPCC tables
 * cited in the pack: AR4 WG I Table 2.14, AR5 WG I Table 8.A.1 (no climate-carbon feedback), AR6 WG I
 * Table 7.SM.7 and Table 7.15 (CH4 fossil / non-fossil).
 */
class ShippedGwpTest {
    private static final GwpTable GWP = GwpTable.from(FactorLibrary.fromClasspath(ShippedGwpTest.class.getClassLoader())
            .latest("ipcc-gwp").orElseThrow());

    @ParameterizedTest(name = "{0} {1}/{2} = {3}")
    @CsvSource({
        "co2,AR4,100,1", "ch4,AR4,100,25", "n2o,AR4,100,298", "hfc-134a,AR4,100,1430", "hfc-32,AR4,100,675",
        "hfc-125,AR4,100,3500",
        "co2,AR4,20,1", "ch4,AR4,20,72", "n2o,AR4,20,289", "hfc-134a,AR4,20,3830", "hfc-32,AR4,20,2330",
        "hfc-125,AR4,20,6350",
        "co2,AR5,100,1", "ch4,AR5,100,28", "n2o,AR5,100,265", "hfc-134a,AR5,100,1300", "hfc-32,AR5,100,677",
        "hfc-125,AR5,100,3170",
        "co2,AR6,100,1", "ch4,AR6,100,27.9", "ch4_fossil,AR6,100,29.8", "ch4_non_fossil,AR6,100,27",
        "n2o,AR6,100,273", "hfc-134a,AR6,100,1530", "hfc-32,AR6,100,771", "hfc-125,AR6,100,3740",
        "hfo-1234ze(e),AR6,100,1.37",
        "co2,AR6,20,1", "ch4,AR6,20,81.2", "ch4_fossil,AR6,20,82.5", "ch4_non_fossil,AR6,20,79.7",
        "n2o,AR6,20,273", "hfc-134a,AR6,20,4140", "hfc-32,AR6,20,2690", "hfc-125,AR6,20,6740",
        "hfo-1234ze(e),AR6,20,4.94",
        // R-410A = 0.5 HFC-32 + 0.5 HFC-125 by mass: AR4 0.5×675 + 0.5×3500 = 2087.5; AR4/20 0.5×2330 + 0.5×6350
        // = 4340; AR5 0.5×677 + 0.5×3170 = 1923.5; AR6 0.5×771 + 0.5×3740 = 2255.5; AR6/20 0.5×2690 + 0.5×6740 = 4715
        "r-410a,AR4,100,2087.5", "r-410a,AR4,20,4340", "r-410a,AR5,100,1923.5", "r-410a,AR6,100,2255.5",
        "r-410a,AR6,20,4715"})
    void publishedValues(String gas, String set, int horizon, String expected) {
        assertThat(GWP.value(Gas.of(gas), GwpSet.valueOf(set), GwpHorizon.ofYears(horizon)).value())
                .isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}/{2} refused")
    @CsvSource({"ch4,AR5,20", "n2o,AR5,20", "hfc-134a,AR5,20", "r-410a,AR5,20", "hfo-1234ze(e),AR4,100",
        "hfo-1234ze(e),AR5,100", "ch4_fossil,AR5,100", "ch4_fossil,AR4,100", "ch4_non_fossil,AR4,20", "sf6,AR6,100"})
    void unpublishedOrUnverifiedValuesAreRefused(String gas, String set, int horizon) {
        assertThatThrownBy(() -> GWP.value(Gas.of(gas), GwpSet.valueOf(set), GwpHorizon.ofYears(horizon)))
                .isInstanceOf(GwpUnavailableException.class);
    }

    @Test
    void refrigerantLeakInCo2e() {
        // 10 kg R-410A under AR6 GWP-100: 10 × 2255.5 = 22,555 kg; plus 2 kg HFC-134a: 2 × 1530 = 3,060;
        // total 25,615 kg CO2e. Under AR5: 10 × 1923.5 + 2 × 1300 = 19,235 + 2,600 = 21,835 kg CO2e.
        Map<Gas, BigDecimal> leak = Map.of(Gas.of("R-410A"), BigDecimal.TEN, Gas.of("R-134a"), new BigDecimal("2"));
        assertThat(GWP.toCo2e(leak, GwpSet.AR6, GwpHorizon.YEARS_100)).isEqualByComparingTo("25615");
        assertThat(GWP.toCo2e(leak, GwpSet.AR5, GwpHorizon.YEARS_100)).isEqualByComparingTo("21835");
        // AR4 GWP-20: 10 × 4340 + 2 × 3830 = 43,400 + 7,660 = 51,060 kg CO2e.
        assertThat(GWP.toCo2e(leak, GwpSet.AR4, GwpHorizon.YEARS_20)).isEqualByComparingTo("51060");
    }
}
