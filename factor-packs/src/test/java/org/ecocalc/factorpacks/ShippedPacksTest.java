package org.ecocalc.factorpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.factor.Confidence;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.factor.FactorPackException;
import org.ecocalc.core.factor.FactorPacks;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.FactorSelector;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.factor.GwpTable;
import org.ecocalc.core.factor.MatchLevel;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;

/**
 * The shipped packs, loaded through the class-path index exactly as a user would, and used through
 * the selector. Every expected number is computed by hand from the cited value (written out in the
 * comment); the pack value itself is cited in the pack (dataset, table, edition, year, URL).
 */
class ShippedPacksTest {
    /** 1 lb = 0.45359237 kg exactly (international pound, 1959). */
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

    private static final FactorLibrary LIB = FactorLibrary.fromClasspath(ShippedPacksTest.class.getClassLoader());
    private static final FactorSelector SELECTOR = FactorSelector.of(LIB);
    private static final GwpTable GWP = GwpTable.from(LIB.latest("ipcc-gwp").orElseThrow());

    private static FactorQuery.Builder q(String activity, Gas gas, String from, String to) {
        return FactorQuery.builder(activity, gas).interval(Instant.parse(from + "T00:00:00Z"),
                Instant.parse(to + "T00:00:00Z"));
    }

    private static FactorSelection elec(Gas gas, String from, String to, String zone, String country) {
        FactorQuery.Builder b = q("grid_electricity", gas, from, to).facility("dc-1");
        if (zone != null) {
            b.gridZone(zone);
        }
        return SELECTOR.select(b.country(country).build());
    }

    @Test
    void everyShippedPackLoadsFromTheIndex_withItsDigestChecked() {
        // Value counts by hand: eGRID2023 28 rows × (CO2, CO2e) + 3 rows × (CH4, N2O) = 62;
        // eGRID2022 28 × 4 = 112; 40 CFR 98: 2 fuels × (CO2, CH4, N2O, heat content) = 8; IPCC 2006 the same = 8;
        // GWP: 6 gases × 5 set/horizon pairs + CO2 AR5/20 + CH4 fossil/non-fossil × 2 + HFO-1234ze(E) × 2 = 37;
        // Ember: 15 countries + EU + world = 17; embodied: 2; ai-inference: 7 model coefficients + 30 models × (active,
        // total) + 4 size classes × 2 + 7 providers × (PUE, WUE, location) + 1 fallback PUE + 13 water intensities
        // + 5 accelerator factors = 7 + 60 + 8 + 21 + 1 + 13 + 5 = 115.
        assertThat(LIB.packs()).extracting(p -> p.ref().idAtVersion() + " " + p.valueCount()).containsExactly(
                "ai-inference@1.0.0 115", "ember-grid-intensity-2024@1.0.0 17", "gpu-embodied@1.0.0 2",
                "ipcc-2006-stationary-combustion@1.0.0 8", "ipcc-gwp@1.0.0 37",
                "us-epa-40cfr98-subpart-c@1.0.0 8", "us-epa-egrid2022@1.0.0 112", "us-epa-egrid2023@1.0.0 62");
        for (FactorPack p : LIB.packs()) {
            assertThat(p.digest()).matches("sha256:[0-9a-f]{64}");
            assertThat(p.licence().id()).isNotBlank();
            assertThat(p.isCitationOnly()).isFalse();
            for (Factor f : p.factors()) {
                assertThat(f.provenance().dataset()).as(f.reference()).isNotBlank();
                assertThat(f.provenance().table()).as(f.reference()).isNotBlank();
                assertThat(f.provenance().edition()).as(f.reference()).isNotBlank();
                assertThat(f.provenance().year()).as(f.reference()).isNotNull();
                assertThat(f.provenance().url()).as(f.reference()).startsWith("https://");
            }
        }
    }

    @Test
    void aShippedPackWithOneByteChangedIsRefused() throws IOException {
        String name = "org/ecocalc/factorpacks/us-epa-egrid2023-1.0.0.json";
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(FactorPacks.parse(text, name).digest()).isEqualTo(LIB.latest("us-epa-egrid2023").orElseThrow().digest());
        String changed = text.replace("\"429.983\"", "\"429.984\"");
        assertThat(changed).isNotEqualTo(text);
        assertThatThrownBy(() -> FactorPacks.parse(changed, name)).isInstanceOfSatisfying(FactorPackException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_DIGEST_MISMATCH));
    }

    @Test
    void camx2023_publishedCo2eRate() {
        FactorSelection s = elec(Gas.CO2E, "2023-01-01", "2024-01-01", "CAMX", "US");
        assertThat(s.factor().reference()).isEqualTo("us-epa-egrid2023@1.0.0:egrid2023.camx.co2e@1");
        assertThat(s.level()).isEqualTo(MatchLevel.GRID_ZONE);
        assertThat(s.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(s.factor().gwpSetId()).isEqualTo("unknown");
        // eGRID2023 rev 2, CAMX SRC2ERTA = 429.983 lb/MWh.
        // 1,000 MWh = 1,000,000 kWh; 1,000,000 kWh × 429.983 lb/MWh × 0.45359237 kg/lb / 1000 kWh/MWh
        //   = 429,983 lb × 0.45359237 = 195,037.00802971 kg CO2e
        //   (429983 × 45359237 = 430000 × 45359237 − 17 × 45359237 = 19,504,471,910,000 − 771,107,029).
        Quantity lb = s.factor().apply(Quantity.of("1000", Unit.MWH));
        assertThat(lb).isEqualTo(Quantity.of("429983", Unit.LB));
        assertThat(lb.toCanonical().value()).isEqualByComparingTo("195037.00802971");
        assertThat(s.factor().valueInCanonicalUnits()).isEqualByComparingTo("0.19503700802971"); // kg/kWh
    }

    @Test
    void camx2023_perGasPath_underAr5AndAr6() {
        // eGRID2023 CAMX: CO2 428.464, CH4 0.025, N2O 0.003 lb/MWh (CH4/N2O second-hand, see pack).
        // For 1,000 MWh: 428,464 lb CO2, 25 lb CH4, 3 lb N2O.
        Map<Gas, BigDecimal> kg = Map.of(
                Gas.CO2, kg(elec(Gas.CO2, "2023-01-01", "2024-01-01", "CAMX", "US")),
                Gas.CH4, kg(elec(Gas.CH4, "2023-01-01", "2024-01-01", "CAMX", "US")),
                Gas.N2O, kg(elec(Gas.N2O, "2023-01-01", "2024-01-01", "CAMX", "US")));
        assertThat(kg.get(Gas.CO2)).isEqualByComparingTo("194348.00121968"); // 428464 × 0.45359237
        assertThat(kg.get(Gas.CH4)).isEqualByComparingTo("11.33980925");     // 25 × 0.45359237
        assertThat(kg.get(Gas.N2O)).isEqualByComparingTo("1.36077711");      // 3 × 0.45359237
        // AR5 (CH4 28, N2O 265): 428464 + 25 × 28 + 3 × 265 = 428464 + 700 + 795 = 429,959 lb
        //   × 0.45359237 = 195,026.12181283 kg (= 195,037.00802971 − 24 × 0.45359237).
        assertThat(GWP.toCo2e(kg, GwpSet.AR5, GwpHorizon.YEARS_100)).isEqualByComparingTo("195026.12181283");
        // AR6 (CH4 27.9, N2O 273): 428464 + 697.5 + 819 = 429,980.5 lb × 0.45359237 = 195,035.874048785 kg.
        assertThat(GWP.toCo2e(kg, GwpSet.AR6, GwpHorizon.YEARS_100)).isEqualByComparingTo("195035.874048785");
        // AR6 with fossil methane (29.8): 428464 + 745 + 819 = 430,028 lb × 0.45359237 = 195,057.41968636 kg.
        Map<Gas, BigDecimal> fossil = Map.of(Gas.CO2, kg.get(Gas.CO2), Gas.CH4_FOSSIL, kg.get(Gas.CH4),
                Gas.N2O, kg.get(Gas.N2O));
        assertThat(GWP.toCo2e(fossil, GwpSet.AR6, GwpHorizon.YEARS_100)).isEqualByComparingTo("195057.41968636");
        // None equals the published 195,037.00802971 kg (rounded per-gas rates): store and use CO2e as published.
    }

    private static BigDecimal kg(FactorSelection s) {
        return s.factor().apply(Quantity.of("1000", Unit.MWH)).toCanonical().value();
    }

    @Test
    void camxIn2025_usesTheClosest2023RatesFlagged_and2022UsesEgrid2022() {
        FactorSelection s = elec(Gas.CO2E, "2025-01-01", "2025-02-01", "CAMX", "US");
        assertThat(s.factorId()).isEqualTo("egrid2023.camx.co2e");
        assertThat(s.dateFlagged()).isTrue();
        assertThat(s.confidence()).isEqualTo(Confidence.MEDIUM); // HIGH lowered one step for the date
        // 2024-01-01 (expiry, exclusive) to 2025-01-01 = 366 days (2024 is a leap year).
        assertThat(s.trace()).anyMatch(t -> t.contains("366 day(s) apart"));

        FactorSelection y22 = elec(Gas.CO2E, "2022-07-01", "2022-08-01", "CAMX", "US");
        assertThat(y22.factorId()).isEqualTo("egrid2022.camx.co2e");
        // 1,000 MWh × 499.278 lb/MWh = 499,278 lb × 0.45359237 = 226,468.69130886 kg
        assertThat(kg(y22)).isEqualByComparingTo("226468.69130886");
    }

    @Test
    void countryRegionAndGlobalGridAverages() {
        FactorSelection de = SELECTOR.select(q("grid_electricity", Gas.CO2E, "2024-05-01", "2024-06-01")
                .facility("fra-1").country("DE").region("EU").build());
        assertThat(de.factor().reference()).isEqualTo("ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e@1");
        assertThat(de.level()).isEqualTo(MatchLevel.COUNTRY);
        assertThat(de.confidence()).isEqualTo(Confidence.MEDIUM); // second-hand Ember value
        assertThat(de.trace()).containsSubsequence("no facility factor for fra-1",
                "no grid zone given: grid_zone level skipped", "country match: DE");
        // Ember 2024 Germany 344.14 g/kWh; 1,000 MWh = 1,000,000 kWh → 344,140,000 g = 344,140 kg.
        assertThat(de.factor().apply(Quantity.of("1000", Unit.MWH)).toCanonical().value())
                .isEqualByComparingTo("344140");

        // A US facility without a subregion in 2024: the eGRID U.S. rates are for 2022/2023, Ember's for 2024.
        FactorSelection us = elec(Gas.CO2E, "2024-05-01", "2024-06-01", null, "US");
        assertThat(us.factorId()).isEqualTo("ember2024.usa.co2e");
        assertThat(us.trace()).contains("1 of 3 candidate(s) valid for [2024-05-01T00:00:00Z, 2024-06-01T00:00:00Z)");

        FactorSelection at = SELECTOR.select(q("grid_electricity", Gas.CO2E, "2024-05-01", "2024-06-01")
                .country("AT").region("EU").build());
        assertThat(at.factorId()).isEqualTo("ember2024.eu.co2e");
        assertThat(at.level()).isEqualTo(MatchLevel.REGION);
        assertThat(at.factor().value()).isEqualByComparingTo("213.31");

        FactorSelection ke = SELECTOR.select(q("grid_electricity", Gas.CO2E, "2024-05-01", "2024-06-01")
                .country("KE").build());
        assertThat(ke.factorId()).isEqualTo("ember2024.world.co2e");
        assertThat(ke.level()).isEqualTo(MatchLevel.GLOBAL);
        assertThat(ke.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void fifteenCountriesHaveAGridAverage() {
        for (String c : new String[] {"US", "GB", "DE", "FR", "IE", "NL", "SE", "NO", "JP", "SG", "IN", "CN", "AU",
                "CA", "BR"}) {
            FactorSelection s = SELECTOR.select(q("grid_electricity", Gas.CO2E, "2024-01-01", "2025-01-01")
                    .country(c).build());
            assertThat(s.level()).as(c).isEqualTo(MatchLevel.COUNTRY);
            assertThat(s.dateFlagged()).as(c).isFalse();
        }
    }

    @Test
    void dieselByThePerMmBtuPath_40cfr98() {
        FactorQuery.Builder base = q("distillate_fuel_oil_no2", null, "2024-01-01", "2024-02-01").country("US");
        Factor hhv = SELECTOR.select(base.build()).factor();
        // 1,000 US gal × 0.138 mmBtu/gal (Table C-1) = 138 mmBtu
        Quantity energy = hhv.apply(Quantity.of("1000", Unit.US_GAL));
        assertThat(energy).isEqualTo(Quantity.of("138", Unit.MMBTU));
        // The same fuel in litres: 3,785.411784 L = 1,000 gal exactly.
        assertThat(hhv.apply(Quantity.of("3785.411784", Unit.L))).isEqualTo(energy);
        BigDecimal co2 = gas("distillate_fuel_oil_no2", Gas.CO2, "US", energy);
        BigDecimal ch4 = gas("distillate_fuel_oil_no2", Gas.CH4, "US", energy);
        BigDecimal n2o = gas("distillate_fuel_oil_no2", Gas.N2O, "US", energy);
        assertThat(co2).isEqualByComparingTo("10206.48"); // 138 × 73.96 (not the Hub's rounded 10.21 kg/gal)
        assertThat(ch4).isEqualByComparingTo("0.414");    // 138 × 0.003
        assertThat(n2o).isEqualByComparingTo("0.0828");   // 138 × 0.0006
        // AR5: 10206.48 + 0.414 × 28 + 0.0828 × 265 = 10206.48 + 11.592 + 21.942 = 10,240.014 kg CO2e
        assertThat(GWP.toCo2e(Map.of(Gas.CO2, co2, Gas.CH4, ch4, Gas.N2O, n2o), GwpSet.AR5, GwpHorizon.YEARS_100))
                .isEqualByComparingTo("10240.014");
    }

    @Test
    void naturalGasByThePerMmBtuPath_40cfr98() {
        Factor hhv = SELECTOR.select(q("natural_gas", null, "2024-01-01", "2024-02-01").country("US").build()).factor();
        // 1,000,000 scf × 0.001026 mmBtu/scf = 1,026 mmBtu
        Quantity energy = hhv.apply(Quantity.of("1000000", Unit.SCF));
        assertThat(energy).isEqualTo(Quantity.of("1026", Unit.MMBTU));
        assertThat(gas("natural_gas", Gas.CO2, "US", energy)).isEqualByComparingTo("54439.56"); // 1026 × 53.06
        assertThat(gas("natural_gas", Gas.CH4, "US", energy)).isEqualByComparingTo("1.026");    // 1026 × 0.001
        assertThat(gas("natural_gas", Gas.N2O, "US", energy)).isEqualByComparingTo("0.1026");   // 1026 × 0.0001
    }

    @Test
    void gasDieselOutsideTheUs_ipcc2006PerTjNcv() {
        FactorSelection ncv = SELECTOR.select(q("distillate_fuel_oil_no2", null, "2024-01-01", "2024-02-01")
                .country("DE").build());
        assertThat(ncv.level()).isEqualTo(MatchLevel.GLOBAL);
        // 10 t = 0.01 Gg × 43 TJ/Gg = 0.43 TJ
        Quantity tj = ncv.factor().apply(Quantity.of("10", Unit.T));
        assertThat(tj).isEqualTo(Quantity.of("0.43", Unit.TJ));
        assertThat(gas("distillate_fuel_oil_no2", Gas.CO2, "DE", tj)).isEqualByComparingTo("31863"); // 0.43 × 74,100
        assertThat(gas("distillate_fuel_oil_no2", Gas.CH4, "DE", tj)).isEqualByComparingTo("1.29");  // 0.43 × 3
        assertThat(gas("distillate_fuel_oil_no2", Gas.N2O, "DE", tj)).isEqualByComparingTo("0.258"); // 0.43 × 0.6
    }

    private static BigDecimal gas(String activity, Gas gas, String country, Quantity energy) {
        FactorSelection s = SELECTOR.select(q(activity, gas, "2024-01-01", "2024-02-01").country(country).build());
        return s.factor().apply(energy).toCanonical().value();
    }

    @Test
    void embodiedCarbonOfAnEightGpuServer() {
        Factor gpu = SELECTOR.select(q("gpu_nvidia_h100_80gb", Gas.CO2E, "2024-01-01", "2024-02-01").build()).factor();
        Factor server = SELECTOR.select(q("server_8xh100_excluding_gpus", Gas.CO2E, "2024-01-01", "2024-02-01")
                .build()).factor();
        assertThat(server.provenance().illustrative()).isTrue();
        assertThat(server.confidence()).isEqualTo(Confidence.LOW);
        // 8 × 164 kg (NVIDIA H100 PCF, via EcoLogits) + 5,700 kg (BoaviztAPI estimate) = 1,312 + 5,700 = 7,012 kg
        BigDecimal total = gpu.applyPerItem(new BigDecimal("8")).toCanonical().value()
                .add(server.applyPerItem(BigDecimal.ONE).toCanonical().value());
        assertThat(total).isEqualByComparingTo("7012");
    }
}
