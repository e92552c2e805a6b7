package org.ecocalc.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.report.Metric;
import org.junit.jupiter.api.Test;

/**
 * Every formula of the simulator (docs/methodology.md, "What-if simulator") against values worked
 * out by hand on the baseline of {@link BaselineReports#STANDARD} (one year as-is, not annualised).
 * Prices: 0.10 EUR/kWh, 100 EUR/tCO2e (location basis), 2 EUR/m³. Baseline year-0 costs:
 * electricity 1,500,000 × 0.10 = 150,000; carbon (10,000 + 600,000) / 1000 × 100 = 61,000;
 * water 1,800 m³ × 2 = 3,600; total 214,600.
 */
class SimulatorTest {
    static final String PRICES = "\"prices\":{\"electricity_per_kwh\":{\"amount\":\"0.10\",\"currency\":\"EUR\"},"
            + "\"carbon_per_tco2e\":{\"amount\":\"100\",\"currency\":\"EUR\"},"
            + "\"water_per_m3\":{\"amount\":\"2\",\"currency\":\"EUR\"}}";

    static SimulationResult run(String scenarios, int years) {
        Simulation sim = Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":" + years
                + ",\"annualise\":false," + PRICES + ",\"scenarios\":[" + scenarios + "]}");
        return Simulator.run(BaselineReports.standard(), sim);
    }

    static BigDecimal amount(org.javamoney.moneta.Money m) {
        return Prices.amount(m);
    }

    @Test
    void baselineYearZeroAndCosts() {
        SimulationResult r = run("", 2);
        YearValues y0 = r.baseline().year(0);
        assertThat(y0.energyItKwh()).isEqualByComparingTo("1000000");
        assertThat(y0.energyFacilityKwh()).isEqualByComparingTo("1500000");
        assertThat(y0.pue()).isEqualByComparingTo("1.5");
        assertThat(y0.wueLPerKwh()).isEqualByComparingTo("1.8");
        assertThat(y0.gridIntensityKgco2ePerKwh()).isEqualByComparingTo("0.4");
        assertThat(amount(y0.costs().electricity())).isEqualByComparingTo("150000");
        assertThat(amount(y0.costs().carbon())).isEqualByComparingTo("61000");
        assertThat(amount(y0.costs().water())).isEqualByComparingTo("3600");
        assertThat(amount(y0.costs().total())).isEqualByComparingTo("214600");
        assertThat(y0.costs().total().getCurrency().getCurrencyCode()).isEqualTo("EUR");
        // No baseline growth: every year equals year 0 (but its number).
        assertThat(r.baseline().years()).hasSize(3);
        assertThat(r.baseline().year(2).scope2LocationKgco2e()).isEqualByComparingTo("600000");
    }

    @Test
    void workloadGrowthCompounds() {
        // g = 10 %: w_1 = 1.1, w_2 = 1.21. Year 2: E_IT 1,210,000; E_fac 1,815,000; PUE 1.5; water 2,178,000;
        // GPU-h 605,000; S1 12,100; S2 loc 726,000; mkt 580,800; embodied 60,500.
        // Costs: 181,500 + (12,100 + 726,000) / 1000 × 100 = 73,810 + 2,178 × 2 = 4,356 → 259,666.
        SimulationResult r = run("{\"name\":\"growth\",\"growth_pct_per_year\":\"10\"}", 2);
        YearValues y2 = r.scenario("growth").year(2);
        assertThat(y2.energyItKwh()).isEqualByComparingTo("1210000");
        assertThat(y2.energyFacilityKwh()).isEqualByComparingTo("1815000");
        assertThat(y2.pue()).isEqualByComparingTo("1.5");
        assertThat(y2.waterL()).isEqualByComparingTo("2178000");
        assertThat(y2.gpuHours()).isEqualByComparingTo("605000");
        assertThat(y2.scope1Kgco2e()).isEqualByComparingTo("12100");
        assertThat(y2.scope2LocationKgco2e()).isEqualByComparingTo("726000");
        assertThat(y2.scope2MarketKgco2e()).isEqualByComparingTo("580800");
        assertThat(y2.embodiedKgco2e()).isEqualByComparingTo("60500");
        assertThat(amount(y2.costs().total())).isEqualByComparingTo("259666");
        // Delta against the baseline (no growth): 259,666 − 214,600 = 45,066; 726,000 − 600,000 = 126,000.
        YearValues d2 = r.scenario("growth").deltas().get(2);
        assertThat(amount(d2.costs().total())).isEqualByComparingTo("45066");
        assertThat(d2.scope2LocationKgco2e()).isEqualByComparingTo("126000");
        assertThat(d2.pue()).isEqualByComparingTo("0");
    }

    @Test
    void pueTargetLinearThenHeld() {
        // PUE 1.5 → 1.2 by year 3: 1.5 + (1.2 − 1.5) × y / 3 = 1.4, 1.3, then 1.2 (held in year 4).
        // E_fac = E_IT × PUE; grid, S2 follow E_fac / 1,500,000: year 1 1,400,000 kWh, S2 loc 560,000, mkt 448,000;
        // year 3: 1,200,000 kWh, loc 480,000, mkt 384,000. Water follows IT energy: unchanged.
        // Year-3 costs: 120,000 + (10,000 + 480,000) / 10 = 49,000 + 3,600 = 172,600; delta −42,000.
        SimulationResult r = run("{\"name\":\"pue\",\"pue_target\":{\"value\":\"1.2\",\"by_year\":3}}", 4);
        Projection p = r.scenario("pue");
        assertThat(p.years()).extracting(y -> y.pue().toPlainString()).containsExactly("1.5", "1.4", "1.3", "1.2", "1.2");
        assertThat(p.year(1).energyFacilityKwh()).isEqualByComparingTo("1400000");
        assertThat(p.year(1).energyGridKwh()).isEqualByComparingTo("1400000");
        assertThat(p.year(1).scope2LocationKgco2e()).isEqualByComparingTo("560000");
        assertThat(p.year(1).scope2MarketKgco2e()).isEqualByComparingTo("448000");
        assertThat(p.year(3).scope2LocationKgco2e()).isEqualByComparingTo("480000");
        assertThat(p.year(3).scope2MarketKgco2e()).isEqualByComparingTo("384000");
        assertThat(p.year(3).waterL()).isEqualByComparingTo("1800000");
        assertThat(amount(p.year(3).costs().total())).isEqualByComparingTo("172600");
        assertThat(amount(p.deltas().get(3).costs().total())).isEqualByComparingTo("-42000");
    }

    @Test
    void renewablesLoadShiftAndTrajectory() {
        // Trajectory −10 %/yr: τ_1 = 0.9, τ_2 = 0.81. Load shift φ = 30 % into the 2 lowest of 4 hours
        // (0.2, 0.3, 0.4, 0.5): ρ = 0.7 + 0.3 × (4 × 0.5) / (2 × 1.4) = 0.7 + 0.3 × 0.7142857142857142857142857142857143
        // = 0.91428571428571428571428571428571429 (the ratio rounded once to 34 digits; the rest exact).
        // Year 1: S2 loc = 600,000 × 0.9 × ρ = 493,714.2857142857142857142857142857166;
        // intensity 0.4 × 0.9 × ρ = 0.3291428571428571428571428571428571444.
        // Market with 80 % covered: rate of uncovered = 480,000 / 1,200,000 × 0.9 = 0.36;
        // 1,500,000 × (1 − 0.8) × 0.36 = 108,000 (the load shift does not change market-based rates).
        // Carbon cost year 1: (10,000 + 493,714.2857…166) / 1000 × 100 = 50,371.42857142857142857142857142857166,
        // held as money to 34 digits: 50,371.42857142857142857142857142857. (Python decimal, 34 digits, half-even.)
        SimulationResult r = run("{\"name\":\"green\",\"renewable_share\":{\"pct\":\"80\"},"
                + "\"grid_intensity\":{\"change_pct_per_year\":\"-10\"},"
                + "\"load_shift\":{\"flexible_share_pct\":\"30\",\"into_hours\":2,"
                + "\"time_of_use_kgco2e_per_kwh\":[\"0.5\",\"0.2\",\"0.4\",\"0.3\"]}}", 2);
        Projection p = r.scenario("green");
        assertThat(p.year(1).scope2LocationKgco2e()).isEqualByComparingTo("493714.2857142857142857142857142857166");
        assertThat(p.year(1).gridIntensityKgco2ePerKwh()).isEqualByComparingTo("0.3291428571428571428571428571428571444");
        assertThat(p.year(1).scope2MarketKgco2e()).isEqualByComparingTo("108000");
        // Year 2: 1,500,000 × 0.2 × 0.4 × 0.81 = 97,200; loc 600,000 × 0.81 × ρ = 444,342.85714285714285714285714285714494.
        assertThat(p.year(2).scope2MarketKgco2e()).isEqualByComparingTo("97200");
        assertThat(p.year(2).scope2LocationKgco2e()).isEqualByComparingTo("444342.85714285714285714285714285714494");
        assertThat(amount(p.year(1).costs().carbon())).isEqualByComparingTo("50371.42857142857142857142857142857");
        // Year 0 untouched.
        assertThat(p.year(0).scope2LocationKgco2e()).isEqualByComparingTo("600000");
        assertThat(Simulator.shiftFactor(new Scenario.LoadShift(new BigDecimal("30"), 2,
                java.util.List.of(new BigDecimal("0.5"), new BigDecimal("0.2"), new BigDecimal("0.4"),
                        new BigDecimal("0.3")), 1))).isEqualByComparingTo("0.91428571428571428571428571428571429");
    }

    @Test
    void utilisationAndHardwareRefresh() {
        // Utilisation 50 → 80 %, idle power 30 %: ρ_u = 50 / 80 = 0.625; IT factor 0.3 × 0.625 + 0.7 = 0.8875.
        // Year 1: E_IT 887,500; E_fac 1,331,250; GPU-h 500,000 × 0.625 = 312,500; embodied 50,000 × 0.625 = 31,250;
        // water 1,800,000 × 0.8875 = 1,597,500; S2 loc 600,000 × 0.8875 = 532,500.
        // Refresh in year 2: IT −20 % (× 0.8): a = 0.8875 × 0.8 = 0.71 → E_IT 710,000, E_fac 1,065,000;
        // embodied 400,000 / 4 years = 100,000 × 0.625 = 62,500.
        SimulationResult r = run("{\"name\":\"fleet\",\"utilisation\":{\"target_pct\":\"80\",\"idle_power_pct\":\"30\"},"
                + "\"hardware_refresh\":{\"year\":2,\"embodied_kgco2e\":\"400000\",\"lifetime_years\":4,"
                + "\"it_energy_change_pct\":\"-20\"}}", 2);
        Projection p = r.scenario("fleet");
        assertThat(p.year(1).energyItKwh()).isEqualByComparingTo("887500");
        assertThat(p.year(1).energyFacilityKwh()).isEqualByComparingTo("1331250");
        assertThat(p.year(1).gpuHours()).isEqualByComparingTo("312500");
        assertThat(p.year(1).embodiedKgco2e()).isEqualByComparingTo("31250");
        assertThat(p.year(1).waterL()).isEqualByComparingTo("1597500");
        assertThat(p.year(1).scope2LocationKgco2e()).isEqualByComparingTo("532500");
        assertThat(p.year(2).energyItKwh()).isEqualByComparingTo("710000");
        assertThat(p.year(2).energyFacilityKwh()).isEqualByComparingTo("1065000");
        assertThat(p.year(2).embodiedKgco2e()).isEqualByComparingTo("62500");
        assertThat(p.year(2).pue()).isEqualByComparingTo("1.5");
    }

    @Test
    void moveToAnotherZoneAndWueTarget() {
        // WUE 1.8 → 0.5 by year 2: year 1 1.8 + (0.5 − 1.8) / 2 = 1.15 → water 1,150,000 L; year 2 500,000 L.
        // Move to 0.05 kg/kWh in year 2: S2 loc = 1,500,000 × 0.05 = 75,000; market: the baseline's covered share
        // 300,000 / 1,500,000 = 0.2 kept, uncovered at the new zone's average: 1,500,000 × 0.8 × 0.05 = 60,000.
        SimulationResult r = run("{\"name\":\"move\",\"wue_target\":{\"value\":\"0.5\",\"by_year\":2},"
                + "\"grid_intensity\":{\"move_to_kgco2e_per_kwh\":\"0.05\",\"move_year\":2}}", 2);
        Projection p = r.scenario("move");
        assertThat(p.year(1).wueLPerKwh()).isEqualByComparingTo("1.15");
        assertThat(p.year(1).waterL()).isEqualByComparingTo("1150000");
        assertThat(p.year(1).scope2LocationKgco2e()).isEqualByComparingTo("600000");
        assertThat(p.year(2).waterL()).isEqualByComparingTo("500000");
        assertThat(p.year(2).gridIntensityKgco2ePerKwh()).isEqualByComparingTo("0.05");
        assertThat(p.year(2).scope2LocationKgco2e()).isEqualByComparingTo("75000");
        assertThat(p.year(2).scope2MarketKgco2e()).isEqualByComparingTo("60000");
        assertThat(p.notes()).anyMatch(n -> n.contains("new zone's average intensity"));
    }

    @Test
    void annualisesTheBaseline() {
        // A week: 7,000 kWh IT × 31,536,000 s / 604,800 s = 7,000 × 365 / 7 = 365,000 kWh a year.
        Map<Metric, String> v = new HashMap<>(BaselineReports.STANDARD);
        v.put(Metric.ACTIVITY_ENERGY_IT_KWH, "7000");
        v.put(Metric.ACTIVITY_ENERGY_FACILITY_KWH, "10500");
        Simulation sim = Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":1,\"scenarios\":[]}");
        SimulationResult r = Simulator.run(BaselineReports.of(v, "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"), sim);
        assertThat(r.coveredSeconds()).isEqualByComparingTo("604800");
        assertThat(r.baseline().year(0).energyItKwh()).isEqualByComparingTo("365000");
        assertThat(r.baseline().year(0).energyFacilityKwh()).isEqualByComparingTo("547500");
        assertThat(r.baseline().year(0).costs()).isNull();
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> run("{\"name\":\"x\",\"pue_target\":{\"value\":\"0.95\",\"by_year\":1}}", 1))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCENARIO))
                .hasMessageContaining("/scenarios/0/pue_target/value: a PUE cannot be below 1");
        assertThatThrownBy(() -> run("{\"name\":\"x\"},{\"name\":\"x\"}", 1)).hasMessageContaining("unique");
        assertThatThrownBy(() -> run("{\"name\":\"x\",\"load_shift\":{\"flexible_share_pct\":\"10\",\"into_hours\":5,"
                + "\"time_of_use_kgco2e_per_kwh\":[\"0.1\"]}}", 1)).hasMessageContaining("load_shift/into_hours");
        assertThatThrownBy(() -> run("{\"name\":\"x\",\"colour\":\"red\"}", 1))
                .hasMessageContaining("/scenarios/0/colour").hasMessageContaining("unknown_field");
        assertThatThrownBy(() -> Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":1,\"scenarios\":[],"
                + PRICES.replace("\"water_per_m3\":{\"amount\":\"2\",\"currency\":\"EUR\"}",
                        "\"water_per_m3\":{\"amount\":\"2\",\"currency\":\"USD\"}") + "}"))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH))
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":1,\"scenarios\":[],"
                + PRICES.replace("EUR\"}}", "XYZ\"}}") + "}")).hasMessageContaining("not an ISO 4217 currency");
        Map<Metric, String> noUtil = new HashMap<>(BaselineReports.STANDARD);
        noUtil.remove(Metric.HARDWARE_UTILIZATION_PCT);
        Simulation util = Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":1,\"scenarios\":[{\"name\":\"u\","
                + "\"utilisation\":{\"target_pct\":\"80\",\"idle_power_pct\":\"30\"}}]}");
        assertThatThrownBy(() -> Simulator.run(BaselineReports.of(noUtil, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
                util)).hasMessageContaining("hardware.utilization_pct");
        Simulation other = Simulation.parse("{\"format\":\"ecocalc.scenario/1\",\"years\":1,\"facility_id\":\"dc-9\","
                + "\"scenarios\":[]}");
        assertThatThrownBy(() -> Simulator.run(BaselineReports.standard(), other)).hasMessageContaining("dc-9");
    }

    @Test
    void jsonIsDeterministicAndCarriesParametersAndCurrency() {
        String scen = "{\"name\":\"pue\",\"description\":\"free cooling\",\"pue_target\":{\"value\":\"1.2\",\"by_year\":3}}";
        String a = SimulationJson.toJson(run(scen, 3));
        assertThat(a).isEqualTo(SimulationJson.toJson(run(scen, 3)));
        assertThat(a).startsWith("{\n  \"format\": \"ecocalc.simulation/1\"").contains("\"currency\": \"EUR\"")
                .contains("\"parameters\": {").contains("\"description\": \"free cooling\"")
                .contains("\"amount\": \"214600\"").contains("\"deltas\": [").doesNotContain("\r");
    }
}
