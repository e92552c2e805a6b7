package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.TestRecords.computeBlock;
import static org.ecocalc.core.TestRecords.d;
import static org.ecocalc.core.TestRecords.energyBlock;
import static org.ecocalc.core.TestRecords.gpuHours;
import static org.ecocalc.core.TestRecords.hardwareBlock;
import static org.ecocalc.core.TestRecords.kwh;
import static org.ecocalc.core.TestRecords.litres;
import static org.ecocalc.core.TestRecords.record;
import static org.ecocalc.core.TestRecords.waterBlock;

import java.util.List;
import org.ecocalc.core.EnergyBasis;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.WueBasis;
import org.ecocalc.core.telemetry.CoolingBlock;
import org.ecocalc.core.telemetry.TelemetryField;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

/**
 * Every formula of docs/methodology.md against values worked out by hand. Two hourly records of
 * one facility, chosen so that each quotient is short:
 *
 * <pre>
 *                    record 1   record 2   sum
 * E_facility (kWh)   1300       1200       2500      ISO/IEC 30134-2 E_DC
 * E_IT (kWh)         1000       1000       2000      E_IT
 * E_cooling (kWh)     200        150        350
 * E_ren,onsite          0         50         50
 * E_ren,purchased     600        600       1200
 * E_reuse             100        150        250      ISO/IEC 30134-6 E_Reuse
 * E_chiller           100         60        160
 * Q_removed (kWh th)  700        700       1400
 * W_withdrawal (L)   2000       3000       5000
 * W_consumption (L)  1500       2100       3600
 * W_returned (L)      500        900       1400
 * W_reclaimed (L)     200        300        500
 * W_cooling (L)      1800       2700       4500
 * W_evaporation (L)  1400       2000       3400
 * W_blowdown (L)      100        100        200
 * GPU-hours           400        600       1000
 * training runs       0.25       0.25       0.5
 * requests          10000      30000      40000
 * tokens          1000000    2000000    3000000
 * utilisation %        50         80                weighted by GPU-h
 * idle %               20         10
 * </pre>
 */
class MetricFormulaTest {
    static List<TelemetryRecord> records() {
        TelemetryRecord r1 = record("dc-1", "h1", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z")
                .energy(energyBlock().facility(kwh("1300")).it(kwh("1000")).cooling(kwh("200"))
                        .onsiteRenewable(kwh("0")).renewablePurchased(kwh("600")).reusedHeat(kwh("100")).build())
                .cooling(CoolingBlock.builder().chillerEnergy(kwh("100")).heatRemoved(kwh("700")).build())
                .water(waterBlock().withdrawal(litres("2000")).consumption(litres("1500")).returned(litres("500"))
                        .reclaimed(litres("200")).cooling(litres("1800")).evaporation(litres("1400"))
                        .blowdown(litres("100")).build())
                .compute(computeBlock().gpuHours(gpuHours("400")).trainingRuns(d("0.25")).inferenceRequests(d("10000"))
                        .tokens(d("1000000")).build())
                .hardware(hardwareBlock().utilizationPct(d("50")).idlePct(d("20")).build())
                .build();
        TelemetryRecord r2 = record("dc-1", "h2", "2026-06-01T01:00:00Z", "2026-06-01T02:00:00Z")
                .energy(energyBlock().facility(kwh("1200")).it(kwh("1000")).cooling(kwh("150"))
                        .onsiteRenewable(kwh("50")).renewablePurchased(kwh("600")).reusedHeat(kwh("150")).build())
                .cooling(CoolingBlock.builder().chillerEnergy(kwh("60")).heatRemoved(kwh("700")).build())
                .water(waterBlock().withdrawal(litres("3000")).consumption(litres("2100")).returned(litres("900"))
                        .reclaimed(litres("300")).cooling(litres("2700")).evaporation(litres("2000"))
                        .blowdown(litres("100")).build())
                .compute(computeBlock().gpuHours(gpuHours("600")).trainingRuns(d("0.25")).inferenceRequests(d("30000"))
                        .tokens(d("2000000")).build())
                .hardware(hardwareBlock().utilizationPct(d("80")).idlePct(d("10")).build())
                .build();
        return List.of(r1, r2);
    }

    static GroupResult total(MethodSettings settings, List<TelemetryRecord> records) {
        ReportAccumulator acc = ReportAccumulator.create(settings);
        records.forEach(acc::add);
        return acc.results().total();
    }

    private static void expect(GroupResult g, Metric m, String value) {
        assertThat(g.metric(m).isComputed()).as(m.id() + ": " + g.metric(m)).isTrue();
        assertThat(g.value(m)).as(m.id()).isEqualByComparingTo(value);
    }

    @Test
    void efficiencyFormulas() {
        GroupResult g = total(MethodSettings.defaults(), records());
        // PUE = E_DC / E_IT = 2500 / 2000 = 1.25 (ISO/IEC 30134-2).
        expect(g, Metric.EFFICIENCY_PUE, "1.25");
        // DCiE = E_IT / E_DC = 2000 / 2500 = 0.8 = 1 / PUE (The Green Grid).
        expect(g, Metric.EFFICIENCY_DCIE, "0.8");
        // Cooling share = 100 × 350 / 2500 = 14 %.
        expect(g, Metric.EFFICIENCY_COOLING_ENERGY_PCT, "14");
        // Chiller COP = Q_removed / E_chiller = 1400 / 160 = 8.75.
        expect(g, Metric.EFFICIENCY_CHILLER_COP, "8.75");
        // kWh per GPU-hour = E_DC / GPU-h = 2500 / 1000 = 2.5.
        expect(g, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "2.5");
        // kWh per training run = 2500 / 0.5 = 5000.
        expect(g, Metric.EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH, "5000");
        // kWh per inference request = 2500 / 40000 = 0.0625.
        expect(g, Metric.EFFICIENCY_ENERGY_PER_INFERENCE_REQUEST_KWH, "0.0625");
        // REF = (E_ren,onsite + E_ren,purchased) / E_DC = (50 + 1200) / 2500 = 0.5 (ISO/IEC 30134-3).
        expect(g, Metric.EFFICIENCY_REF, "0.5");
        // ERF = E_reuse / E_DC = 250 / 2500 = 0.1 (ISO/IEC 30134-6).
        expect(g, Metric.EFFICIENCY_ERF, "0.1");
        // CER = Q_removed / E_cooling = 1400 / 350 = 4 (ISO/IEC 30134-7).
        expect(g, Metric.EFFICIENCY_CER, "4");
    }

    @Test
    void waterFormulas() {
        GroupResult g = total(MethodSettings.defaults(), records());
        expect(g, Metric.WATER_WITHDRAWAL_L, "5000");
        expect(g, Metric.WATER_CONSUMPTION_L, "3600");
        expect(g, Metric.WATER_RETURNED_L, "1400");
        expect(g, Metric.WATER_EVAPORATION_L, "3400");
        expect(g, Metric.WATER_BLOWDOWN_L, "200");
        // Reclaimed share = 100 × 500 / 5000 = 10 %.
        expect(g, Metric.WATER_RECLAIMED_PCT, "10");
        // WUE = W_withdrawal / E_IT = 5000 / 2000 = 2.5 L/kWh (ISO/IEC 30134-9, default basis).
        expect(g, Metric.WATER_WUE_L_PER_KWH, "2.5");
        // Water per GPU-hour = 5000 / 1000 = 5 L; per training run = 5000 / 0.5 = 10000 L.
        expect(g, Metric.WATER_PER_GPU_HOUR_L, "5");
        expect(g, Metric.WATER_PER_TRAINING_RUN_L, "10000");
    }

    @Test
    void theBasisSettingsChangeTheNumerator() {
        MethodSettings cooling = MethodSettings.builder().wueBasis(WueBasis.COOLING).build();
        GroupResult g = total(cooling, records());
        // WUE on cooling water (the seed's definition) = 4500 / 2000 = 2.25 L/kWh.
        expect(g, Metric.WATER_WUE_L_PER_KWH, "2.25");
        // Water per GPU-hour on the same basis = 4500 / 1000 = 4.5.
        expect(g, Metric.WATER_PER_GPU_HOUR_L, "4.5");
        assertThat(g.metric(Metric.WATER_WUE_L_PER_KWH).lineage().inputs()).extracting(Lineage.Input::field)
                .containsExactly(TelemetryField.WATER_COOLING, TelemetryField.ENERGY_IT);
        GroupResult c = total(MethodSettings.builder().wueBasis(WueBasis.CONSUMPTION).build(), records());
        // 3600 / 2000 = 1.8.
        expect(c, Metric.WATER_WUE_L_PER_KWH, "1.8");
        GroupResult it = total(MethodSettings.builder().workloadEnergyBasis(EnergyBasis.IT).build(), records());
        // kWh of IT energy per GPU-hour = 2000 / 1000 = 2.
        expect(it, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH, "2");
    }

    @Test
    void hardwareIsWeightedByGpuHours() {
        GroupResult g = total(MethodSettings.defaults(), records());
        // Utilisation = (50 × 400 + 80 × 600) / (400 + 600) = (20000 + 48000) / 1000 = 68 %.
        expect(g, Metric.HARDWARE_UTILIZATION_PCT, "68");
        // Idle = (20 × 400 + 10 × 600) / 1000 = 14 %.
        expect(g, Metric.HARDWARE_IDLE_PCT, "14");
    }

    @Test
    void activityTotals() {
        GroupResult g = total(MethodSettings.defaults(), records());
        expect(g, Metric.ACTIVITY_ENERGY_FACILITY_KWH, "2500");
        expect(g, Metric.ACTIVITY_ENERGY_IT_KWH, "2000");
        expect(g, Metric.ACTIVITY_GPU_HOURS, "1000");
        expect(g, Metric.ACTIVITY_TRAINING_RUNS, "0.5");
        expect(g, Metric.ACTIVITY_INFERENCE_REQUESTS, "40000");
        expect(g, Metric.ACTIVITY_TOKENS, "3000000");
    }

    @Test
    void notComputableIsAReasonNeverAZeroOrAnException() {
        // Only facility energy: PUE has no denominator.
        TelemetryRecord r = record("dc-1", "x", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z")
                .energy(energyBlock().facility(kwh("100")).it(kwh("0")).build())
                .compute(computeBlock().gpuHours(gpuHours("0")).build()).build();
        GroupResult g = total(MethodSettings.defaults(), List.of(r));
        assertThat(g.metric(Metric.EFFICIENCY_PUE).isComputed()).isFalse();
        assertThat(g.metric(Metric.EFFICIENCY_PUE).reason()).isEqualTo("/energy/it sums to zero");
        assertThat(g.metric(Metric.EFFICIENCY_PUE).value()).isNull();
        assertThat(g.metric(Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH).reason()).isEqualTo("/compute/gpu_hours sums to zero");
        assertThat(g.metric(Metric.WATER_WUE_L_PER_KWH).reason()).isEqualTo("no record reports /water/withdrawal");
        assertThat(g.metric(Metric.EFFICIENCY_REF).reason())
                .isEqualTo("no record reports /energy/onsite_renewable or /energy/renewable_purchased");
        assertThat(g.metric(Metric.HARDWARE_UTILIZATION_PCT).reason()).startsWith("no record reports both");
        assertThat(g.metric(Metric.EFFICIENCY_PUE).display()).isEqualTo("n/a");
        // A zero numerator is a computed zero: DCiE = 0 / 100 = 0.
        expect(g, Metric.EFFICIENCY_DCIE, "0");
    }

    @Test
    void lineageNamesTheRecordsAndCountsEachInput() {
        GroupResult g = total(MethodSettings.defaults(), records());
        Lineage l = g.metric(Metric.EFFICIENCY_PUE).lineage();
        assertThat(l.inputs()).containsExactly(new Lineage.Input(TelemetryField.ENERGY_FACILITY, 2),
                new Lineage.Input(TelemetryField.ENERGY_IT, 2));
        assertThat(l.keysListed()).isTrue();
        assertThat(l.keys()).extracting(Object::toString).containsExactly("dc-1-bms/h1", "dc-1-bms/h2");
        assertThat(records()).allMatch(l::matches);
        // Over the key limit the keys are not listed, but the selector still finds them.
        GroupResult limited = total(MethodSettings.builder().lineageKeyLimit(1).build(), records());
        Lineage ll = limited.metric(Metric.EFFICIENCY_PUE).lineage();
        assertThat(ll.keysListed()).isFalse();
        assertThat(ll.keys()).isEmpty();
        assertThat(ll.records()).isEqualTo(2);
        assertThat(records()).allMatch(ll::matches);
    }

    @Test
    void aRecordCrossingAPeriodBoundaryIsSplitInProportionToTime() {
        // 3 h from 23:00 on 31 May to 02:00 on 1 June, 900 kWh: 1 h (300 kWh) in May, 2 h (600 kWh) in June.
        TelemetryRecord r = record("dc-1", "x", "2026-05-31T23:00:00Z", "2026-06-01T02:00:00Z")
                .energy(energyBlock().facility(kwh("900")).it(kwh("750")).build()).build();
        ReportAccumulator acc = ReportAccumulator.create(MethodSettings.builder().period(PeriodUnit.MONTH).build());
        acc.add(r);
        ReportAccumulator.Results res = acc.results();
        assertThat(res.groups()).hasSize(2);
        assertThat(res.groups().get(0).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH)).isEqualByComparingTo("300");
        assertThat(res.groups().get(1).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH)).isEqualByComparingTo("600");
        // 750 × 1/3 = 250 and 750 × 2/3 = 500.
        assertThat(res.groups().get(0).value(Metric.ACTIVITY_ENERGY_IT_KWH)).isEqualByComparingTo("250");
        // The facility total counts the record once, and holds the whole 900 kWh.
        assertThat(res.facilities().get(0).records()).isEqualTo(1);
        assertThat(res.facilities().get(0).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH)).isEqualByComparingTo("900");
        assertThat(res.facilities().get(0).metric(Metric.EFFICIENCY_PUE).lineage().inputs().get(0).records()).isEqualTo(1);
    }

    @Test
    void aNonTerminatingSplitStillConservesTheWhole() {
        // 100 kWh over 3 h, split 1 h / 2 h: 33.33...(34 digits) + the remainder = 100 exactly.
        TelemetryRecord r = record("dc-1", "x", "2026-05-31T23:00:00Z", "2026-06-01T02:00:00Z")
                .energy(energyBlock().facility(kwh("100")).build()).build();
        ReportAccumulator acc = ReportAccumulator.create(MethodSettings.defaults());
        acc.add(r);
        ReportAccumulator.Results res = acc.results();
        assertThat(res.groups().get(0).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH).toPlainString())
                .isEqualTo("33." + "3".repeat(32));
        assertThat(res.groups().get(0).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH)
                .add(res.groups().get(1).value(Metric.ACTIVITY_ENERGY_FACILITY_KWH))).isEqualByComparingTo("100");
    }
}
