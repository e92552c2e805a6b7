package org.ecocalc.core.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.Scope2Method;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.MetricResult;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.EmissionRate;
import org.ecocalc.core.telemetry.EnergyBlock;
import org.ecocalc.core.telemetry.FuelUse;
import org.ecocalc.core.telemetry.Instrument;
import org.ecocalc.core.telemetry.IntensityPoint;
import org.ecocalc.core.telemetry.RefrigerantRelease;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

/**
 * Carbon from the shipped packs, every value worked by hand (factors quoted from the pack files
 * in factor-packs/src/main/resources; 1 lb = 0.45359237 kg exactly; kWh = MWh / 1000).
 */
class CarbonTest {
    static final CarbonContext PACKS = ShippedPacks.context();
    static final String H0 = "2026-03-02T00:00:00Z";
    static final String H1 = "2026-03-02T01:00:00Z";
    static final String H2 = "2026-03-02T02:00:00Z";

    static TelemetryRecord.Builder record(String id, String start, String end) {
        return TelemetryRecord.builder().sourceId("meter").externalEventId(id).facilityId("dc-1")
                .interval(Instant.parse(start), Instant.parse(end));
    }

    static EnergyBlock grid(String kwh) {
        return EnergyBlock.builder().gridImport(Quantity.of(kwh, Unit.KWH)).facility(Quantity.of(kwh, Unit.KWH))
                .it(Quantity.of(kwh, Unit.KWH)).build();
    }

    static GroupResult total(MethodSettings s, CarbonContext ctx, TelemetryRecord... records) {
        Report r = EcoCalc.calculation(s).withCarbon(ctx).report(List.of(records));
        // Every record here is of facility dc-1; its group carries the allocation notes unprefixed.
        assertThat(r.total().value(Metric.CARBON_SCOPE2_MARKET_KGCO2E))
                .isEqualTo(r.facility("dc-1").value(Metric.CARBON_SCOPE2_MARKET_KGCO2E));
        return r.facility("dc-1");
    }

    static GroupResult total(TelemetryRecord... records) {
        return total(MethodSettings.defaults(), PACKS, records);
    }

    static void expect(GroupResult g, Metric m, String value) {
        MetricResult r = g.metric(m);
        assertThat(r.isComputed()).as(m.id() + ": " + r).isTrue();
        assertThat(r.value()).as(m.id()).isEqualByComparingTo(value);
    }

    @Test
    void egridSubregionPerGasUnderAr6AndAr5() {
        // 1,000 MWh in CAMX (eGRID2023 rev 2: CO2 428.464, CH4 0.025, N2O 0.003 lb/MWh; its CO2e 429.983 lb/MWh
        // states no GWP set, so the gases are combined with the chosen set).
        TelemetryRecord r = record("camx", H0, H1).gridZone("CAMX").country("US")
                .energy(grid("1000000")).build();
        // AR6 (CH4 27.9, N2O 273): (428.464 + 0.025 × 27.9 + 0.003 × 273) lb/MWh = 429.9805 lb/MWh
        //   × 0.45359237 kg/lb / 1000 = 0.195035874048785 kg/kWh; × 1,000,000 kWh = 195,035.874048785 kg.
        GroupResult ar6 = total(r);
        expect(ar6, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "195035.874048785");
        expect(ar6, Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, "0.195035874048785");
        // AR5 (CH4 28, N2O 265): 429.959 lb/MWh → 195,026.12181283 kg.
        GroupResult ar5 = total(MethodSettings.builder().gwp(GwpSet.AR5, GwpHorizon.YEARS_100).build(), PACKS, r);
        expect(ar5, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "195026.12181283");
        // The lineage names the three factors, the GWP pack, and the date flag (2026 is after eGRID2023's year).
        assertThat(ar6.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors())
                .extracting(FactorUse::role).contains("grid_electricity/co2", "grid_electricity/ch4",
                        "grid_electricity/n2o", "gwp/AR6-100");
        assertThat(ar6.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors())
                .filteredOn(u -> u.role().equals("grid_electricity/co2")).singleElement()
                .satisfies(u -> {
                    assertThat(u.reference()).isEqualTo("us-epa-egrid2023@1.0.0:egrid2023.camx.co2@1");
                    assertThat(u.level()).isEqualTo("grid_zone");
                    assertThat(u.trace()).anyMatch(t -> t.contains("grid_zone match: CAMX"));
                    assertThat(u.citation()).contains("eGRID2023");
                });
    }

    @Test
    void aPublishedCo2eIsUsedAsPublishedAndFlagged() {
        // ERCT has CO2 and CO2e (736.629 lb/MWh) in eGRID2023 but no CH4/N2O: the published CO2e is used as
        // published: 1,000,000 kWh × 736.629 × 0.45359237 / 1000 = 334,129.29392073 kg, flagged (GWP set unstated).
        GroupResult g = total(record("erct", H0, H1).gridZone("ERCT").country("US").energy(grid("1000000")).build());
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "334129.29392073");
        assertThat(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().notes())
                .anyMatch(n -> n.contains("egrid2023.erct.co2e") && n.contains("unstated GWP set")
                        && n.contains("used as published under AR6"));
    }

    @Test
    void countryRegionAndGlobalLevels() {
        // Germany, Ember 2024: 344.14 g/kWh → 1,000 kWh = 344.14 kg.
        expect(total(record("de", H0, H1).country("DE").region("EU").energy(grid("1000")).build()),
                Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "344.14");
        // Luxembourg is not among Ember's 15 countries: the EU region average, 213.31 g/kWh.
        expect(total(record("lu", H0, H1).country("LU").region("EU").energy(grid("1000")).build()),
                Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "213.31");
        // Kenya, no region: the world average, 473.05 g/kWh.
        GroupResult world = total(record("ke", H0, H1).country("KE").energy(grid("1000")).build());
        expect(world, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "473.05");
        assertThat(world.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors())
                .extracting(FactorUse::level, FactorUse::confidence).contains(org.assertj.core.groups.Tuple.tuple("global", "low"));
    }

    @Test
    void timeOfUseSplitsTheEnergyAndFallsBackToTheAnnualFactor() {
        // 1,000 kWh over 2 h: the first hour at a time-of-use 300 g/kWh, the second without one at
        // Germany's annual 344.14 g/kWh: 500 × 0.3 + 500 × 0.34414 = 150 + 172.07 = 322.07 kg.
        TelemetryRecord r = record("tou", H0, H2).country("DE").region("EU").energy(grid("1000"))
                .gridIntensity(new IntensityPoint(Instant.parse(H0), Instant.parse(H1),
                        EmissionRate.of(new BigDecimal("300"), "gCO2e/kWh"), "grid-operator", "AR6"))
                .build();
        GroupResult g = total(r);
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "322.07");
        expect(g, Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, "0.32207");
        assertThat(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().notes())
                .anyMatch(n -> n.contains("no time-of-use intensity: annual factor used"));
    }

    static Instrument instrument(String id, Instrument.Type type, String kwh, String rate, Integer vintage, String market) {
        return new Instrument(id, type, Quantity.of(kwh, Unit.KWH), EmissionRate.ofKgPerKwh(rate), vintage, market,
                null, null);
    }

    @Test
    void marketBasedHierarchy() {
        // 1,000 kWh in Germany: a GO of 400 kWh at 0 (tier 1), a supplier rate of 0.2 kg/kWh for 300 kWh
        // (tier 2), the remaining 300 kWh at the grid average (no residual-mix pack is shipped; tier 4):
        // 0 + 300 × 0.2 + 300 × 0.34414 = 60 + 103.242 = 163.242 kg.
        TelemetryRecord r = record("mkt", H0, H1).country("DE").region("EU").energy(grid("1000"))
                .contract(instrument("GO-1", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "400", "0", 2026, "EU"))
                .contract(instrument("SUP-1", Instrument.Type.SUPPLIER_SPECIFIC, "300", "0.2", 2026, "DE"))
                .build();
        GroupResult g = total(r);
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "163.242");
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "344.14");
        assertThat(g.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).lineage().notes()).contains(
                "tier 1 certificates and contracts: 400 kWh, 0 kgCO2e",
                "tier 2 supplier-specific rates: 300 kWh, 60 kgCO2e",
                "tier 4 grid average (no residual-mix factor for this market; to be disclosed): 300 kWh");
    }

    @Test
    void residualMixTierWhereAPackProvidesIt() {
        // With a residual-mix factor for DE (600 g/kWh, a test pack): 1,000 kWh, a GO of 400 kWh at 0,
        // the remaining 600 kWh at the residual mix: 600 × 0.6 = 360 kg (tier 3).
        var pack = org.ecocalc.core.factor.FactorPacks.parse(OverrideFixtures.PACK, "override-test");
        CarbonContext ctx = CarbonContext.builder(ShippedPacks.LIBRARY.with(pack)).build();
        TelemetryRecord r = record("res", H0, H1).country("DE").region("EU").energy(grid("1000"))
                .contract(instrument("GO-2", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "400", "0", 2026, "EU"))
                .build();
        GroupResult g = total(MethodSettings.defaults(), ctx, r);
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "360");
        assertThat(g.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).lineage().notes()).contains("tier 3 residual mix: 600 kWh");
        // Location-based ignores instruments. The test pack also holds a facility-level factor for dc-1
        // (0.1 kg/kWh), which outranks Germany's country average: 1,000 × 0.1 = 100 kg.
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "100");
    }

    @Test
    void eachScope2ResultNamesOnlyTheFactorsAppliedToIt() {
        // Lineage lists the factors applied to the result, not every candidate (before the fix, location-based named
        // the residual mix and a grid factor it never applied, and market-based named factors of covered kWh).
        var pack = org.ecocalc.core.factor.FactorPacks.parse(OverrideFixtures.PACK, "override-test");
        CarbonContext ctx = CarbonContext.builder(ShippedPacks.LIBRARY.with(pack)).build();
        String de = "ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e@1";
        String residual = "org-test@1.0.0:org.de.residual.co2e@1";
        // dc-2 (no facility factor) in DE, 1,000 kWh, a GO for 400 kWh: location 1,000 × 0.34414 = 344.14 kg (Ember
        // 2024 DE); market: the 600 kWh uncovered at the residual mix, 600 × 0.6 = 360 kg.
        TelemetryRecord r = record("res", H0, H1).facilityId("dc-2").country("DE").region("EU").energy(grid("1000"))
                .contract(instrument("GO-2", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "400", "0", 2026, "EU")).build();
        GroupResult g = EcoCalc.calculation(MethodSettings.defaults()).withCarbon(ctx).report(List.of(r)).total();
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "344.14");
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "360");
        assertThat(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors()).extracting(FactorUse::reference)
                .containsExactly(de);
        assertThat(g.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).lineage().factors()).extracting(FactorUse::reference)
                .containsExactly(residual);
        // Per GPU-hour (location basis) names Scope 2's location factors, not the residual mix.
        assertThat(g.metric(Metric.CARBON_CUE_KGCO2E_PER_KWH).lineage().factors()).extracting(FactorUse::reference)
                .containsExactly(de);
        // A certificate for all 1,000 kWh and a time-of-use intensity for the whole hour (250 g/kWh): location
        // 1,000 × 0.25 = 250 kg from telemetry alone, market 0: neither applies a pack factor.
        TelemetryRecord covered = record("cov", H0, H1).facilityId("dc-2").country("DE").region("EU").energy(grid("1000"))
                .gridIntensity(new IntensityPoint(Instant.parse(H0), Instant.parse(H1),
                        EmissionRate.of(new BigDecimal("250"), "gCO2e/kWh"), "grid-operator", "AR6"))
                .contract(instrument("GO-3", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "1000", "0", 2026, "EU")).build();
        GroupResult h = EcoCalc.calculation(MethodSettings.defaults()).withCarbon(ctx).report(List.of(covered)).total();
        expect(h, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "250");
        expect(h, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "0");
        assertThat(h.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors()).isEmpty();
        assertThat(h.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).lineage().factors()).isEmpty();
    }

    @Test
    void instrumentsAreCheckedAndNeverCountedTwice() {
        // A 1,500 kWh GO covers the 1,000 kWh; 500 kWh are reported, not used. An instrument from the US
        // market is not used for a German facility. An old vintage is used and flagged. Market-based = 0.
        TelemetryRecord r = record("mkt2", H0, H1).country("DE").region("EU").energy(grid("1000"))
                .contract(instrument("GO-BIG", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "1500", "0", 2024, "EU"))
                .contract(instrument("REC-US", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "1000", "0", 2026, "US"))
                .build();
        GroupResult g = total(r);
        expect(g, Metric.CARBON_SCOPE2_MARKET_KGCO2E, "0");
        assertThat(g.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).lineage().notes())
                .anyMatch(n -> n.startsWith("instrument GO-BIG: 500 kWh beyond the consumption"))
                .anyMatch(n -> n.startsWith("instrument REC-US was issued in market US") && n.contains("not used"))
                .anyMatch(n -> n.startsWith("instrument GO-BIG has vintage 2024") && n.contains("flagged"));
    }

    @Test
    void scope1FuelOnBothPaths() {
        // US, 40 CFR 98 (HHV): 1,000 gal diesel × 0.138 mmBtu/gal = 138 mmBtu; CO2 138 × 73.96 = 10,206.48 kg;
        // CH4 138 × 0.003 = 0.414 kg × 27.9 = 11.5506; N2O 138 × 0.0006 = 0.0828 kg × 273 = 22.6044;
        // total 10,240.635 kg CO2e (AR6).
        TelemetryRecord us = record("gen-us", H0, H1).country("US")
                .fuel(FuelUse.of("distillate_fuel_oil_no2", Quantity.of("1000", Unit.US_GAL))).build();
        expect(total(us), Metric.CARBON_SCOPE1_FUEL_KGCO2E, "10240.635");
        // Natural gas, 100,000 scf × 0.001026 mmBtu/scf = 102.6 mmBtu: 102.6 × 53.06 + 102.6 × 0.001 × 27.9
        // + 102.6 × 0.0001 × 273 = 5,443.956 + 2.86254 + 2.80098 = 5,449.61952 kg.
        TelemetryRecord gas = record("boiler", H0, H1).country("US")
                .fuel(FuelUse.of("natural_gas", Quantity.of("100000", Unit.SCF))).build();
        expect(total(gas), Metric.CARBON_SCOPE1_FUEL_KGCO2E, "5449.61952");
        // Germany, IPCC 2006 (NCV): 1 t diesel × 43 TJ/Gg = 0.043 TJ; CO2 0.043 × 74,100 = 3,186.3;
        // CH4 0.043 × 3 = 0.129 × 27.9 = 3.5991; N2O 0.043 × 0.6 = 0.0258 × 273 = 7.0434; total 3,196.9425 kg.
        TelemetryRecord de = record("gen-de", H0, H1).country("DE")
                .fuel(FuelUse.of("distillate_fuel_oil_no2", Quantity.of("1", Unit.T))).build();
        GroupResult g = total(de);
        expect(g, Metric.CARBON_SCOPE1_FUEL_KGCO2E, "3196.9425");
        expect(g, Metric.CARBON_SCOPE1_KGCO2E, "3196.9425");
        assertThat(g.metric(Metric.CARBON_SCOPE1_FUEL_KGCO2E).lineage().factors()).extracting(FactorUse::reference)
                .contains("ipcc-2006-stationary-combustion@1.0.0:ipcc2006.gas_diesel_oil.ncv@1");
    }

    @Test
    void fuelThatCannotBePricedSaysWhy() {
        // IPCC gives NCV per mass, not per volume: litres of diesel in Germany cannot be priced.
        TelemetryRecord litres = record("gen-l", H0, H1).country("DE")
                .fuel(FuelUse.of("distillate_fuel_oil_no2", Quantity.of("100", Unit.L))).build();
        MetricResult r = total(litres).metric(Metric.CARBON_SCOPE1_FUEL_KGCO2E);
        assertThat(r.isComputed()).isFalse();
        assertThat(r.reason()).contains("given as volume").contains("no heat content per L");
        // An energy amount on the wrong basis is refused rather than mixed (US factors are HHV).
        TelemetryRecord ncv = record("gen-ncv", H0, H1).country("US").fuel(new FuelUse("distillate_fuel_oil_no2",
                Quantity.of("138", Unit.MMBTU), FuelUse.HeatingValue.NCV)).build();
        assertThat(total(ncv).metric(Metric.CARBON_SCOPE1_FUEL_KGCO2E).reason()).contains("ncv basis").contains("hhv basis");
        // An unknown fuel.
        TelemetryRecord peat = record("peat", H0, H1).country("US").fuel(FuelUse.of("peat", Quantity.of("1", Unit.T))).build();
        assertThat(total(peat).metric(Metric.CARBON_SCOPE1_KGCO2E).reason()).contains("no combustion factor for fuel peat");
    }

    @Test
    void refrigerantUnderEveryGwpSet() {
        // 3.5 kg HFC-134a: AR6 1,530 → 5,355; AR5 1,300 → 4,550; AR4 1,430 → 5,005 kg CO2e.
        TelemetryRecord r = record("leak", H0, H1).country("DE")
                .refrigerant(RefrigerantRelease.of("hfc-134a", Quantity.of("3.5", Unit.KG))).build();
        expect(total(r), Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E, "5355");
        expect(total(MethodSettings.builder().gwp(GwpSet.AR5, GwpHorizon.YEARS_100).build(), PACKS, r),
                Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E, "4550");
        expect(total(MethodSettings.builder().gwp(GwpSet.AR4, GwpHorizon.YEARS_100).build(), PACKS, r),
                Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E, "5005");
        // R-410A = 50 % HFC-32 (AR6 771) + 50 % HFC-125 (3,740) = 2,255.5; 2 kg → 4,511 kg CO2e.
        TelemetryRecord blend = record("leak2", H0, H1)
                .refrigerant(RefrigerantRelease.of("r-410a", Quantity.of("2", Unit.KG))).build();
        expect(total(blend), Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E, "4511");
        // HFO-1234ze(E) has no AR5 100-year value in the pack: refused, never guessed.
        TelemetryRecord hfo = record("leak3", H0, H1)
                .refrigerant(RefrigerantRelease.of("hfo-1234ze(e)", Quantity.of("1", Unit.KG))).build();
        assertThat(total(MethodSettings.builder().gwp(GwpSet.AR5, GwpHorizon.YEARS_100).build(), PACKS, hfo)
                .metric(Metric.CARBON_SCOPE1_REFRIGERANT_KGCO2E).reason()).contains("no AR5 100-year GWP");
    }

    @Test
    void embodiedIsAmortisedPerSci() {
        // One 8×H100 server: TE = 8 × 164 (H100) + 1 × 5,700 (server without GPUs) = 7,012 kg; EL = 35,040 h
        // (4 years). The group spans 2 h of telemetry: M = 7,012 × 2 / 35,040 = 0.40022831050228310502283105... kg.
        Asset server = new Asset("srv-1", "dc-1", null, List.of(
                new Asset.Component("gpu_nvidia_h100_80gb", new BigDecimal(8)),
                new Asset.Component("server_8xh100_excluding_gpus", BigDecimal.ONE)), 8, new BigDecimal("35040"),
                Instant.parse("2025-01-01T00:00:00Z"), null);
        CarbonContext ctx = CarbonContext.builder(ShippedPacks.LIBRARY).assets(AssetRegistry.of(List.of(server))).build();
        TelemetryRecord r = record("gpu", H0, H2).country("DE").energy(grid("1000"))
                .compute(org.ecocalc.core.telemetry.ComputeBlock.builder().gpuHours(Quantity.of("16", Unit.GPU_H)).build())
                .build();
        GroupResult g = total(MethodSettings.defaults(), ctx, r);
        expect(g, Metric.CARBON_EMBODIED_KGCO2E, "0.4002283105022831050228310502283105");
        // Per GPU-hour: 0.40022831050228310502283105022831 / 16 (one decimal128 division).
        expect(g, Metric.CARBON_EMBODIED_PER_GPU_HOUR_KGCO2E, "0.02501426940639269406392694063926941");
        assertThat(g.metric(Metric.CARBON_EMBODIED_KGCO2E).lineage().factors()).extracting(FactorUse::role)
                .containsExactly("embodied/gpu_nvidia_h100_80gb", "embodied/server_8xh100_excluding_gpus");
        // Without a registry it is not computable, with the reason.
        assertThat(total(r).metric(Metric.CARBON_EMBODIED_KGCO2E).reason()).isEqualTo("no assets registered for dc-1");
    }

    @Test
    void perWorkloadCarbonAndCueFollowTheBasisSetting() {
        // Germany: 1,000 kWh (location 344.14 kg), a GO for all of it (market 0), 3.5 kg HFC-134a (5,355 kg),
        // 10 GPU-hours, 2 runs, 1,000 requests, IT 1,000 kWh.
        TelemetryRecord r = record("all", H0, H1).country("DE").region("EU").energy(grid("1000"))
                .refrigerant(RefrigerantRelease.of("hfc-134a", Quantity.of("3.5", Unit.KG)))
                .contract(instrument("GO-ALL", Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE, "1000", "0", 2026, "EU"))
                .compute(org.ecocalc.core.telemetry.ComputeBlock.builder().gpuHours(Quantity.of("10", Unit.GPU_H))
                        .trainingRuns(new BigDecimal(2)).inferenceRequests(new BigDecimal(1000)).build())
                .build();
        GroupResult loc = total(r);
        // Location basis: (5,355 + 344.14) / 10 = 569.914 kg/GPU-h; / 2 runs = 2,849.57; / 1,000 = 5.69914.
        expect(loc, Metric.CARBON_PER_GPU_HOUR_KGCO2E, "569.914");
        expect(loc, Metric.CARBON_PER_TRAINING_RUN_KGCO2E, "2849.57");
        expect(loc, Metric.CARBON_PER_INFERENCE_REQUEST_KGCO2E, "5.69914");
        // CUE = (5,355 + 344.14) / 1,000 kWh IT = 5.69914.
        expect(loc, Metric.CARBON_CUE_KGCO2E_PER_KWH, "5.69914");
        GroupResult mkt = total(MethodSettings.builder().carbonBasis(org.ecocalc.core.CarbonBasis.MARKET).build(), PACKS, r);
        // Market basis: (5,355 + 0) / 10 = 535.5.
        expect(mkt, Metric.CARBON_PER_GPU_HOUR_KGCO2E, "535.5");
        expect(mkt, Metric.CARBON_CUE_KGCO2E_PER_KWH, "5.355");
    }

    @Test
    void scope2MethodSettingLimitsWhatIsComputed() {
        TelemetryRecord r = record("m", H0, H1).country("DE").energy(grid("1000")).build();
        GroupResult location = total(MethodSettings.builder().scope2Method(Scope2Method.LOCATION).build(), PACKS, r);
        assertThat(location.metric(Metric.CARBON_SCOPE2_MARKET_KGCO2E).reason())
                .isEqualTo("not computed: the Scope 2 method is location");
        expect(location, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "344.14");
    }

    @Test
    void withoutPacksCarbonIsNotComputableNeverZero() {
        TelemetryRecord r = record("none", H0, H1).country("DE").energy(grid("1000"))
                .refrigerant(RefrigerantRelease.of("hfc-134a", Quantity.of("1", Unit.KG))).build();
        GroupResult g = total(MethodSettings.defaults(), CarbonContext.none(), r);
        assertThat(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).reason()).isEqualTo("no factor packs loaded");
        assertThat(g.metric(Metric.CARBON_SCOPE1_KGCO2E).isComputed()).isFalse();
        assertThat(g.metric(Metric.CARBON_PER_GPU_HOUR_KGCO2E).value()).isNull();
    }

    @Test
    void overridesWinOverEveryPackLevel() throws Exception {
        // An approved facility override of 0.1 kg/kWh CO2e (the facility's own measured supply) for dc-1.
        var pack = org.ecocalc.core.factor.FactorPacks.parse(OverrideFixtures.PACK, "override-test");
        var factor = pack.factors().get(0);
        var override = org.ecocalc.core.factor.FactorOverride.of(org.ecocalc.core.factor.OverrideScope.FACILITY, "dc-1",
                factor, "energy manager", java.time.LocalDate.parse("2026-01-15"), "on-site metered supply mix");
        CarbonContext ctx = CarbonContext.builder(ShippedPacks.LIBRARY.with(pack)).overrides(List.of(override)).build();
        GroupResult g = total(MethodSettings.defaults(), ctx, record("o", H0, H1).country("DE").energy(grid("1000")).build());
        // 1,000 kWh × 0.1 kg/kWh = 100 kg.
        expect(g, Metric.CARBON_SCOPE2_LOCATION_KGCO2E, "100");
        assertThat(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors()).extracting(FactorUse::level)
                .contains("override");
    }

    /**
     * Three days of CAMX electricity, one record a day: eGRID2023 covers 2023 only, so each day's
     * selection is flagged with that day's distance ("closest by date (N day(s) apart)"), and the
     * traces differ. The group still lists each gas's factor once, applied to 3 records, with the
     * trace of the first day, whatever order the records come in.
     */
    @Test
    void aFactorSelectedOnSeveralDaysIsListedOnceWithItsFirstTrace() {
        TelemetryRecord[] days = new TelemetryRecord[3];
        for (int d = 0; d < 3; d++) {
            Instant start = Instant.parse(H0).plusSeconds(86_400L * d);
            days[d] = record("d" + d, start.toString(), start.plusSeconds(3600).toString()).gridZone("CAMX")
                    .country("US").energy(grid("1000")).build();
        }
        GroupResult g = total(days);
        GroupResult reversed = total(days[2], days[1], days[0]);
        List<FactorUse> co2 = g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage().factors().stream()
                .filter(u -> u.role().equals("grid_electricity/co2")).toList();
        assertThat(co2).singleElement().satisfies(u -> {
            assertThat(u.reference()).isEqualTo("us-epa-egrid2023@1.0.0:egrid2023.camx.co2@1");
            assertThat(u.records()).isEqualTo(3);
            // 2026-03-02 is 791 days after eGRID2023's expiry (2024-01-01): the first day's distance.
            assertThat(u.trace()).anyMatch(t -> t.contains("[2026-03-02T00:00:00Z, 2026-03-03T00:00:00Z)"));
        });
        assertThat(reversed.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage())
                .isEqualTo(g.metric(Metric.CARBON_SCOPE2_LOCATION_KGCO2E).lineage());
    }
}
