package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark week against the values worked out in examples/data/README.md (daily profiles ×
 * 7 days; each quotient rounded once to 34 significant digits, half-even).
 */
class ExampleDataTest {
    static Report report;

    @BeforeAll
    static void run() {
        CarbonContext carbon = CarbonContext.builder(FactorLibrary.fromClasspath(ExampleDataTest.class.getClassLoader()))
                .assets(AssetRegistry.read(CliTest.EXAMPLE.resolveSibling("assets.json"))).build();
        report = EcoCalc.calculation(MethodSettings.defaults()).withCarbon(carbon).report(CliTest.EXAMPLE);
    }

    private static void expect(GroupResult g, Metric m, String value) {
        assertThat(g.metric(m).isComputed()).as(m.id() + " " + g.metric(m)).isTrue();
        assertThat(g.value(m)).as(g.facilityId() + " " + m.id()).isEqualTo(new BigDecimal(value).stripTrailingZeros());
    }

    @Test
    void frankfurtAirCooled() {
        GroupResult g = report.facility("fra-1");
        // 168 hourly records and the week's contract record.
        assertThat(g.records()).isEqualTo(169);
        // E_IT/day = 8×900 + 12×1000 + 4×950 = 23,000; ×7 = 161,000 kWh.
        expect(g, Metric.ACTIVITY_ENERGY_IT_KWH, "161000");
        // E_cooling/day = 8×180 + 12×260 + 4×220 = 5,440; other = 24×70 = 1,680;
        // E_DC/day = 23,000 + 5,440 + 1,680 = 30,120; ×7 = 210,840 kWh.
        expect(g, Metric.ACTIVITY_ENERGY_FACILITY_KWH, "210840");
        // PUE = 210,840 / 161,000 = 1.3095652173913043478260869565217391... (34 digits, half-even).
        expect(g, Metric.EFFICIENCY_PUE, "1.309565217391304347826086956521739");
        // Cooling share = 100 × 38,080 / 210,840 = 18.0610889774236387782204515272244...
        expect(g, Metric.EFFICIENCY_COOLING_ENERGY_PCT, "18.06108897742363877822045152722444");
        // COP = Q_removed / E_chiller = 161,000 / (7 × (8×120 + 12×190 + 4×160)) = 161,000 / 27,160.
        expect(g, Metric.EFFICIENCY_CHILLER_COP, "5.927835051546391752577319587628866");
        // REF = purchased / E_DC = (E_DC / 2) / E_DC = 0.5; ERF = 0 / 210,840 = 0.
        expect(g, Metric.EFFICIENCY_REF, "0.5");
        expect(g, Metric.EFFICIENCY_ERF, "0");
        // Withdrawal/day = 8×1800 + 12×2600 + 4×2200 = 54,400 L; ×7 = 380,800 L.
        expect(g, Metric.WATER_WITHDRAWAL_L, "380800");
        // WUE = 380,800 / 161,000 = 2.365217391304347826086956521739130... (34 digits).
        expect(g, Metric.WATER_WUE_L_PER_KWH, "2.36521739130434782608695652173913");
        // Reclaimed = 100 × 38,080 / 380,800 = 10 %.
        expect(g, Metric.WATER_RECLAIMED_PCT, "10");
        // GPU-h = 168 × 768 = 129,024; kWh/GPU-h = 210,840 / 129,024 = 1.6341145833...
        expect(g, Metric.ACTIVITY_GPU_HOURS, "129024");
        expect(g, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "1.634114583333333333333333333333333");
        // Training runs = 168 × 0.125 = 21; kWh per run = 210,840 / 21 = 10,040.
        expect(g, Metric.EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH, "10040");
        // Utilisation = (8×55 + 12×85 + 4×70) / 24 = 1740 / 24 = 72.5 % (equal GPU-hours every hour).
        expect(g, Metric.HARDWARE_UTILIZATION_PCT, "72.5");
        // Idle = (8×20 + 12×5 + 4×10) / 24 = 260 / 24 = 10.8333... %.
        expect(g, Metric.HARDWARE_IDLE_PCT, "10.83333333333333333333333333333333");
    }

    @Test
    void stockholmLiquidCooledWithHeatReuse() {
        GroupResult g = report.facility("sto-1");
        // E_IT/day = 8×1100 + 12×1200 + 4×1150 = 27,800; ×7 = 194,600 kWh (reported in MWh).
        expect(g, Metric.ACTIVITY_ENERGY_IT_KWH, "194600");
        // E_DC/day = 27,800 + (8×60 + 12×80 + 4×70 = 1,720) + 24×50 = 30,720; ×7 = 215,040 kWh.
        expect(g, Metric.ACTIVITY_ENERGY_FACILITY_KWH, "215040");
        expect(g, Metric.EFFICIENCY_PUE, "1.105035971223021582733812949640288");
        // ERF = reuse / E_DC = 7 × (8×660 + 12×720 + 4×690) / 215,040 = 116,760 / 215,040 = 0.54296875.
        expect(g, Metric.EFFICIENCY_ERF, "0.54296875");
        // REF = (on-site 7×12×40 = 3,360 + purchased 215,040 − 3,360) / 215,040 = 1.
        expect(g, Metric.EFFICIENCY_REF, "1");
        // CER = Q_removed / E_cooling = 194,600 / 12,040 = 16.1627906976744...
        expect(g, Metric.EFFICIENCY_CER, "16.16279069767441860465116279069767");
        // No chillers: COP is not computable, with the reason.
        assertThat(g.metric(Metric.EFFICIENCY_CHILLER_COP).reason()).isEqualTo("no record reports /cooling/chiller_energy");
        // Withdrawal = 168 × 0.1 m3 = 16,800 L; WUE = 16,800 / 194,600.
        expect(g, Metric.WATER_WITHDRAWAL_L, "16800");
        expect(g, Metric.WATER_WUE_L_PER_KWH, "0.08633093525179856115107913669064748");
        // kWh/GPU-h = 215,040 / (168 × 1024 = 172,032) = 1.25 exactly.
        expect(g, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "1.25");
        // L/GPU-h = 16,800 / 172,032 = 0.09765625 exactly.
        expect(g, Metric.WATER_PER_GPU_HOUR_L, "0.09765625");
        // No training: runs sum to zero, so per-run energy is not computable.
        assertThat(g.metric(Metric.EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH).reason())
                .isEqualTo("/compute/training_runs sums to zero");
    }

    @Test
    void frankfurtCarbon() {
        GroupResult g = report.facility("fra-1");
        // Scope 1: diesel 150 kg = 0.00015 Gg × 43 TJ/Gg = 0.00645 TJ (IPCC 2006, NCV);
        // 0.00645 × (74,100 + 3 × 27.9 + 0.6 × 273) = 477.945 + 0.539865 + 1.05651 = 479.541375 kg;
        // HFC-134a 3.5 kg × 1,530 (AR6) = 5,355 kg. Scope 1 = 5,834.541375 kg.
        expect(g, Metric.CARBON_SCOPE1_KGCO2E, "5834.541375");
        // Location, time of use: per day 8 × 1,150 × 0.31 + 12 × 1,330 × 0.29 + 4 × 1,240 × 0.41
        // = 2,852 + 4,628.4 + 2,033.6 = 9,514 kg; × 7 = 66,598 kg.
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "66598");
        // 66,598 / 210,840 kWh.
        expect(g, Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, "0.3158698539176626826029216467463479");
        // Market: GOs cover 105,420 kWh at 0; the other 105,420 kWh at Germany's annual 344.14 g/kWh
        // (Ember 2024; no residual mix is shipped) = 36,279.2388 kg.
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "36279.2388");
        // Embodied: 96 servers × (8 × 164 + 5,700) = 673,152 kg over 35,040 h; 168 h: 673,152 × 168 / 35,040.
        expect(g, Metric.CARBON_EMBODIED_KGCO2E, "3227.441095890410958904109589041096");
        // Per GPU-hour (location basis, no embodied): (5,834.541375 + 66,598) / 129,024.
        expect(g, Metric.CARBON_PER_GPU_HOUR_KGCO2E, "0.5613881244962177579365079365079365");
        // CUE = (5,834.541375 + 66,598) / 161,000 kWh IT.
        expect(g, Metric.CARBON_CUE_KGCO2E_PER_KWH, "0.4498915613354037267080745341614907");
    }

    @Test
    void stockholmCarbon() {
        GroupResult g = report.facility("sto-1");
        // HFO-1234ze(E) 0.8 kg × 1.37 (AR6) = 1.096 kg.
        expect(g, Metric.CARBON_SCOPE1_KGCO2E, "1.096");
        // Grid electricity = facility − solar = 215,040 − 3,360 = 211,680 kWh × 35.82 g/kWh (Ember 2024, SE).
        expect(g, Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH, "211680");
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "7582.3776");
        // The hydro PPA covers all of it: market-based 0.
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "0");
        // 128 servers: 897,536 kg × 168 / 35,040.
        expect(g, Metric.CARBON_EMBODIED_KGCO2E, "4303.254794520547945205479452054795");
    }

    @Test
    void bothFacilities() {
        GroupResult t = report.total();
        assertThat(t.records()).isEqualTo(338);
        // 425,880 / 355,600 = 1.197637795275590551181102362204724...
        expect(t, Metric.EFFICIENCY_PUE, "1.197637795275590551181102362204724");
        // 425,880 / (129,024 + 172,032 = 301,056) = 1.414620535714285714...
        expect(t, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "1.414620535714285714285714285714286");
        assertThat(report.dataset().records()).isEqualTo(338);
        assertThat(report.problems()).isEmpty();
        // Totals are sums of the facilities' carbon; instruments are never pooled across facilities.
        expect(t, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "74180.3776");
        expect(t, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "36279.2388");
        expect(t, Metric.CARBON_EMBODIED_KGCO2E, "7530.695890410958904109589041095891");
        // (5,834.541375 + 1.096 + 66,598 + 7,582.3776) / 301,056 GPU-h.
        expect(t, Metric.CARBON_PER_GPU_HOUR_KGCO2E, "0.265784488517086522108843537414966");
    }
}
