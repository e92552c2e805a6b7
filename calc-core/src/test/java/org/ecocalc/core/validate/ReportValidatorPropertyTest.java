package org.ecocalc.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.ShippedPacks;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.ComputeBlock;
import org.ecocalc.core.telemetry.EmissionRate;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.FuelUse;
import org.ecocalc.core.telemetry.Instrument;
import org.ecocalc.core.telemetry.IntensityPoint;
import org.ecocalc.core.telemetry.RefrigerantRelease;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.ecocalc.core.telemetry.WaterBlock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of validation over random data sets (QuickTheories, seeded): whatever the engine computes
 * passes every rule (so the rules assert only what the engine guarantees), and any change of an
 * additive total is found.
 */
class ReportValidatorPropertyTest {
    private static final long SEED = 20261123L;
    private static final Instant BASE = Instant.parse("2026-03-29T00:00:00Z");
    private static final String[][] PLACES = {{"us-1", "US", "CAMX", null}, {"de-1", "DE", null, "EU"},
        {"se-1", "SE", "SE-SE3", "EU"}};
    /** Embodied carbon for de-1 and se-1 (us-1 has no assets: its embodied carbon, and so the total's, is not computable). */
    static final CarbonContext CARBON = CarbonContext.builder(ShippedPacks.LIBRARY).assets(AssetRegistry.parse("""
            {"assets": [
              {"asset_id": "de-1-servers", "facility_id": "de-1", "quantity": 3, "gpus": 8,
               "components": [{"activity": "gpu_nvidia_h100_80gb", "count": "8"},
                              {"activity": "server_8xh100_excluding_gpus", "count": "1"}],
               "lifetime_hours": "35040", "in_service": "2025-01-01T00:00:00Z"},
              {"asset_id": "se-1-servers", "facility_id": "se-1", "quantity": 2, "gpus": 8, "embodied_kgco2e": "7012",
               "lifetime_hours": "26280", "in_service": "2026-03-30T12:00:00Z"}
            ]}""", "assets.json")).build();

    static Gen<List<TelemetryRecord>> datasets() {
        return longs().all().zip(integers().between(1, 12), (seed, n) -> dataset(new Random(seed), n));
    }

    /** Records of 30 minutes to 3 days around a month end, with energy, water, compute and sometimes carbon blocks. */
    static List<TelemetryRecord> dataset(Random rnd, int n) {
        List<TelemetryRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] p = PLACES[rnd.nextInt(PLACES.length)];
            Instant start = BASE.plusSeconds(rnd.nextInt(24 * 8) * 1800L);
            Instant end = start.plusSeconds((1 + rnd.nextInt(144)) * 1800L);
            BigDecimal it = BigDecimal.valueOf(rnd.nextInt(2_000_000), 3);
            BigDecimal facility = it.add(BigDecimal.valueOf(rnd.nextInt(800_000), 3));
            EnergyBlock.Builder energy = EnergyBlock.builder().facility(Quantity.of(facility, Unit.KWH))
                    .it(Quantity.of(it, Unit.KWH));
            if (rnd.nextBoolean()) {
                energy.gridImport(Quantity.of(facility, Unit.KWH));
            }
            TelemetryRecord.Builder b = TelemetryRecord.builder().sourceId("s" + rnd.nextInt(2)).externalEventId("e" + i)
                    .facilityId(p[0]).country(p[1]).gridZone(p[2]).region(p[3]).interval(start, end).energy(energy.build())
                    .water(WaterBlock.builder().withdrawal(Quantity.of(BigDecimal.valueOf(rnd.nextInt(900_000), 2), Unit.L))
                            .consumption(Quantity.of(BigDecimal.valueOf(rnd.nextInt(400_000), 2), Unit.L)).build())
                    .compute(ComputeBlock.builder().gpuHours(Quantity.of(BigDecimal.valueOf(1 + rnd.nextInt(9000), 1),
                            Unit.GPU_H)).build());
            if (rnd.nextInt(3) == 0) {
                b.gridIntensity(new IntensityPoint(start, start.plusSeconds(1800L),
                        EmissionRate.ofKgPerKwh(BigDecimal.valueOf(rnd.nextInt(900), 3)), "test", "AR6"));
            }
            if (rnd.nextInt(6) == 0) {
                b.fuel(FuelUse.of("distillate_fuel_oil_no2", p[1].equals("US")
                        ? Quantity.of(BigDecimal.valueOf(rnd.nextInt(1000)), Unit.US_GAL)
                        : Quantity.of(BigDecimal.valueOf(rnd.nextInt(1000)), Unit.KG)));
            }
            if (rnd.nextInt(6) == 0) {
                b.refrigerant(RefrigerantRelease.of("hfc-134a", Quantity.of(BigDecimal.valueOf(rnd.nextInt(50), 1), Unit.KG)));
            }
            if (rnd.nextInt(4) == 0) {
                b.contract(new Instrument("I-" + i, rnd.nextBoolean() ? Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE
                        : Instrument.Type.SUPPLIER_SPECIFIC, Quantity.of(BigDecimal.valueOf(rnd.nextInt(40_000)), Unit.KWH),
                        EmissionRate.ofKgPerKwh(BigDecimal.valueOf(rnd.nextInt(500), 3)), 2026,
                        p[3] == null ? p[1] : p[3], null, null));
            }
            out.add(b.build());
        }
        return out;
    }

    /** Per day, per month, all at once, or a custom range that cuts records at both ends. */
    static MethodSettings settings(Random rnd) {
        MethodSettings.Builder b = MethodSettings.builder().lineageKeyLimit(rnd.nextInt(4));
        switch (rnd.nextInt(4)) {
            case 0 -> b.period(PeriodUnit.DAY);
            case 1 -> b.period(PeriodUnit.MONTH);
            case 2 -> b.period(PeriodUnit.ALL);
            default -> b.period(ReportingPeriod.of(PeriodUnit.DAY).within(BASE.plusSeconds(rnd.nextInt(48) * 1800L),
                    BASE.plusSeconds((96 + rnd.nextInt(200)) * 1800L)));
        }
        return b.build();
    }

    private static CalculationRun run(List<TelemetryRecord> records, MethodSettings settings) {
        Report r = EcoCalc.calculation(settings).withCarbon(CARBON).report(records);
        return CalculationRun.of(r, CARBON);
    }

    @Test
    void whatTheEngineComputesPassesEveryRule() {
        qt().withFixedSeed(SEED).withExamples(25).forAll(datasets(), longs().all()).checkAssert((records, s) -> {
            CalculationRun run = run(records, settings(new Random(s)));
            Validation v = ReportValidator.validate(run);
            assertThat(v.findings(Finding.Severity.ERROR)).as(v.toText()).isEmpty();
            assertThat(v.findings(Finding.Severity.WARNING)).as(v.toText()).isEmpty();
            // Rates that came with the inputs (se-1's embodied total from the registry, time-of-use
            // intensities) are said, as infos (decision 0601).
            assertThat(v.findings(FindingCode.CARBON_FACTOR_FROM_INPUTS)).allSatisfy(f ->
                    assertThat(f.severity()).isEqualTo(Finding.Severity.INFO));
        });
    }

    @Test
    void anyChangeOfAnAdditiveTotalIsFound() {
        // Add 10^-k (k = 0..30) to one additive metric of the total that has a value: the facilities no longer
        // sum to it, whatever the data.
        qt().withFixedSeed(SEED).withExamples(15).forAll(datasets(), longs().all()).checkAssert((records, s) -> {
            Random rnd = new Random(s);
            CalculationRun run = run(records, settings(rnd));
            GroupResult total = run.report().total();
            List<Metric> candidates = ReportValidator.totalAdditive().stream()
                    .filter(m -> total.value(m) != null).toList();
            Metric m = candidates.get(rnd.nextInt(candidates.size()));
            BigDecimal changed = total.value(m).add(BigDecimal.ONE.movePointLeft(rnd.nextInt(31)));
            String at = "/total/" + m.section().id() + "/" + m.id();
            String json = ExampleReports.edit(org.ecocalc.core.report.ReportJson.toJson(run.report()),
                    r -> ExampleReports.at(r, at).put("value", changed.stripTrailingZeros().toPlainString()));
            Validation v = ReportValidator.validate(json);
            assertThat(v.findings(FindingCode.TOTAL_NOT_SUM_OF_FACILITIES)).extracting(Finding::pointer)
                    .containsExactly(at + "/value");
        });
    }
}
