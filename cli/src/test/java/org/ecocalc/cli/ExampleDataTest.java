package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
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
        report = EcoCalc.report(CliTest.EXAMPLE, MethodSettings.defaults());
    }

    private static void expect(GroupResult g, Metric m, String value) {
        assertThat(g.metric(m).isComputed()).as(m.id() + " " + g.metric(m)).isTrue();
        assertThat(g.value(m)).as(g.facilityId() + " " + m.id()).isEqualTo(new BigDecimal(value).stripTrailingZeros());
    }

    @Test
    void frankfurtAirCooled() {
        GroupResult g = report.facility("fra-1");
        assertThat(g.records()).isEqualTo(168);
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
    void bothFacilities() {
        GroupResult t = report.total();
        assertThat(t.records()).isEqualTo(336);
        // 425,880 / 355,600 = 1.197637795275590551181102362204724...
        expect(t, Metric.EFFICIENCY_PUE, "1.197637795275590551181102362204724");
        // 425,880 / (129,024 + 172,032 = 301,056) = 1.414620535714285714...
        expect(t, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "1.414620535714285714285714285714286");
        assertThat(report.dataset().records()).isEqualTo(336);
        assertThat(report.problems()).isEmpty();
    }
}
