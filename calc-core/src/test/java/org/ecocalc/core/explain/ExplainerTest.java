package org.ecocalc.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecocalc.core.TestRecords.computeBlock;
import static org.ecocalc.core.TestRecords.energyBlock;
import static org.ecocalc.core.TestRecords.gpuHours;
import static org.ecocalc.core.TestRecords.hardwareBlock;
import static org.ecocalc.core.TestRecords.kwh;
import static org.ecocalc.core.TestRecords.litres;
import static org.ecocalc.core.TestRecords.record;
import static org.ecocalc.core.TestRecords.waterBlock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.WueBasis;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    /**
     * Two hours of dc-1 on 2026-06-01 and one of dc-1 on 2026-07-01:
     * facility 1300 + 1200 + 500 = 3000 kWh, IT 1000 + 1000 + 400 = 2400 kWh, cooling water
     * 1800 + 2700 + 500 = 5000 L; GPU-hours 400 + 600 + 0 (absent), utilisation 50 % and 80 %.
     */
    static final List<TelemetryRecord> RECORDS = List.of(
            record("dc-1", "h1", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z")
                    .energy(energyBlock().facility(kwh("1300")).it(kwh("1000")).build())
                    .water(waterBlock().cooling(litres("1800")).build())
                    .compute(computeBlock().gpuHours(gpuHours("400")).build())
                    .hardware(hardwareBlock().utilizationPct(new BigDecimal("50")).build()).build(),
            record("dc-1", "h2", "2026-06-01T01:00:00Z", "2026-06-01T02:00:00Z")
                    .energy(energyBlock().facility(kwh("1200")).it(kwh("1000")).build())
                    .water(waterBlock().cooling(litres("2700")).build())
                    .compute(computeBlock().gpuHours(gpuHours("600")).build())
                    .hardware(hardwareBlock().utilizationPct(new BigDecimal("80")).build()).build(),
            record("dc-1", "h3", "2026-07-01T00:00:00Z", "2026-07-01T01:00:00Z")
                    .energy(energyBlock().facility(kwh("500")).it(kwh("400")).build())
                    .water(waterBlock().cooling(litres("500")).build()).build());

    static final MethodSettings SETTINGS = MethodSettings.builder().period(PeriodUnit.MONTH).wueBasis(WueBasis.COOLING).build();

    @Test
    void theTotalPueShowsFormulaInputsRecordsSettingsEngineAndRun() {
        CalculationRun run = CalculationRun.compute(RECORDS, SETTINGS);
        Explanation e = run.explain("efficiency.pue");
        // 3000 / 2400 = 1.25 (ISO/IEC 30134-2: PUE = E_DC / E_IT).
        assertThat(e.value()).isEqualByComparingTo("1.25");
        assertThat(e.formula()).isEqualTo("E_facility / E_IT");
        assertThat(e.level()).isEqualTo(GroupResult.Level.TOTAL);
        assertThat(e.inputs()).extracting(i -> i.pointer() + " " + plain(i.total()) + " " + i.unit() + " " + i.records())
                .containsExactly("/energy/facility 3000 kWh 3", "/energy/it 2400 kWh 3");
        assertThat(e.keys()).containsExactly(IdempotencyKey.of("dc-1-bms", "h1"), IdempotencyKey.of("dc-1-bms", "h2"),
                IdempotencyKey.of("dc-1-bms", "h3"));
        assertThat(e.selector()).contains("every facility").contains("/energy/facility or /energy/it")
                .contains(run.report().dataset().digest());
        assertThat(e.factors()).isEmpty();
        assertThat(e.settings()).isEqualTo(SETTINGS);
        assertThat(e.runId()).isEqualTo(run.runId());
        assertThat(e.engineVersion()).isEqualTo(org.ecocalc.core.Engine.VERSION);
    }

    static String plain(BigDecimal d) {
        return org.ecocalc.core.quantity.Decimals.toCanonicalString(d);
    }

    @Test
    void aPeriodOfAFacilityIsChosenByItsStart() {
        CalculationRun run = CalculationRun.compute(RECORDS, SETTINGS);
        Explanation e = run.explain("water.wue_l_per_kwh", "dc-1", "2026-06");
        // June, cooling-water basis: (1800 + 2700) / (1000 + 1000) = 4500 / 2000 = 2.25 L/kWh.
        assertThat(e.value()).isEqualByComparingTo("2.25");
        assertThat(e.periodStart()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(e.periodEnd()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(e.inputs()).extracting(i -> i.pointer() + " " + plain(i.total()))
                .containsExactly("/water/cooling 4500", "/energy/it 2000");
        // The facility over both months: 5000 / 2400 = 2.083333… (34 significant digits, half-even).
        assertThat(run.explain("water.wue_l_per_kwh", "dc-1", null).value())
                .isEqualTo(new BigDecimal("2.083333333333333333333333333333333"));
    }

    @Test
    void aWeightedPercentageSaysHowItIsWeighted() {
        Explanation e = CalculationRun.compute(RECORDS, SETTINGS).explain("hardware.utilization_pct", "dc-1", "2026-06");
        // (50 × 400 + 80 × 600) / (400 + 600) = 68000 / 1000 = 68 %.
        assertThat(e.value()).isEqualByComparingTo("68");
        assertThat(e.inputs().get(0).total()).isNull();
        assertThat(e.inputs().get(0).note()).contains("weighted by the GPU-hours");
        assertThat(e.inputs().get(1).total()).isEqualByComparingTo("1000");
    }

    @Test
    void aNumberThatCouldNotBeComputedSaysWhy() {
        Explanation e = CalculationRun.compute(RECORDS, SETTINGS).explain("efficiency.chiller_cop");
        assertThat(e.isComputed()).isFalse();
        assertThat(e.notComputable()).isEqualTo("no record reports /cooling/heat_removed");
    }

    @Test
    void unknownMetricsAndGroupsAreRefusedWithTheChoices() {
        CalculationRun run = CalculationRun.compute(RECORDS, SETTINGS);
        assertThatThrownBy(() -> run.explain("efficiency.puee")).isInstanceOfSatisfying(EcoCalcException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_METRIC);
            assertThat(ex.getMessage()).contains("did you mean efficiency.pue");
        });
        assertThatThrownBy(() -> run.explain("efficiency.pue", "dc-9", null)).hasMessageContaining("facilities: dc-1");
        assertThatThrownBy(() -> run.explain("efficiency.pue", "dc-1", "2026"))
                .hasMessageContaining("several periods").hasMessageContaining("2026-07-01T00:00:00Z");
        assertThatThrownBy(() -> run.explain("efficiency.pue", null, "2026-06")).hasMessageContaining("name the facility");
    }

    /**
     * A carbon result's explanation lists the factors applied, with citation and selection trace,
     * and reads the same from the report's JSON. Germany, Ember 2024 (factors.md): 344.14 gCO2e/kWh,
     * so 1,000 kWh imported = 344.14 kg CO2e.
     */
    @Test
    void aCarbonResultListsItsFactorsAndTheyReadBackFromTheReportJson() {
        TelemetryRecord de = record("de-1", "g1", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z").country("DE")
                .region("EU").energy(energyBlock().gridImport(kwh("1000")).facility(kwh("1000")).build()).build();
        CalculationRun run = CalculationRun.compute(EcoCalc.calculation(SETTINGS).withCarbon(ShippedPacks.context()),
                List.of(de));
        Explanation e = run.explain("carbon.scope2_location_kgco2e");
        assertThat(e.value()).isEqualByComparingTo("344.14");
        assertThat(e.factors()).filteredOn(f -> f.role().startsWith("grid_electricity")).singleElement()
                .satisfies(f -> {
                    assertThat(f.level()).isEqualTo("country");
                    assertThat(f.value()).isEqualTo("344.14");
                    assertThat(f.citation()).contains("Ember");
                    assertThat(f.trace()).isNotEmpty();
                    assertThat(f.records()).isEqualTo(1);
                });
        Explanation read = Explainer.of(ReportJson.parse(ReportJson.toJson(run.report())), run.manifest())
                .explain("carbon.scope2_location_kgco2e");
        assertThat(read.factors()).isEqualTo(e.factors());
        assertThat(read.notes()).isEqualTo(e.notes());
        assertThat(run.explain("efficiency.pue").factors()).isEmpty();
    }
}
