package org.ecocalc.core.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every selection rule, one test each. Values are made up; what is asserted is which factor is
 * chosen, at which level, with which confidence and trace.
 */
class FactorSelectorTest {
    private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");

    private static FactorQuery.Builder query() {
        return FactorQuery.builder("grid_electricity", Gas.CO2E).interval(JAN, FEB);
    }

    private static FactorQuery deFra1() {
        return query().organisation("acme").facility("fra-1").country("DE").region("EU").build();
    }

    /** One pack with a factor at every level for DE / fra-1 / grid zone DE-LU / EU / world / fallback. */
    private static FactorPack allLevels() {
        return TestPacks.pack("levels", "1.0.0",
                TestPacks.factor("fac").region("facility", "fra-1").value("0.1", "kg/kWh"),
                TestPacks.factor("zone").region("grid_zone", "DE-LU").value("0.2", "kg/kWh"),
                TestPacks.factor("country").region("country", "DE").value("0.3", "kg/kWh"),
                TestPacks.factor("region").region("region", "EU").value("0.4", "kg/kWh"),
                TestPacks.factor("world").region("global", "WORLD").value("0.5", "kg/kWh"),
                TestPacks.factor("fallback").region("fallback", "*").value("0.9", "kg/kWh"));
    }

    private static FactorPack without(String... ids) {
        List<String> drop = List.of(ids);
        ObjectNode p = TestPacks.skeleton("levels", "1.0.0");
        for (Factor f : allLevels().factors()) {
            if (!drop.contains(f.factorId())) {
                TestPacks.with(p, List.of(TestPacks.factor(f.factorId())
                        .region(f.region().level().id(), f.region().code())
                        .value(f.value().toPlainString(), "kg/kWh")));
            }
        }
        return TestPacks.load(p);
    }

    @Test
    void facilityFactorWinsOverEveryPublishedLevel() {
        FactorSelection s = FactorSelector.of(FactorLibrary.of(allLevels()))
                .select(query().facility("fra-1").gridZone("DE-LU").country("DE").region("EU").build());
        assertThat(s.factorId()).isEqualTo("fac");
        assertThat(s.level()).isEqualTo(MatchLevel.FACILITY);
        assertThat(s.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(s.dateFlagged()).isFalse();
        assertThat(s.pack().idAtVersion()).isEqualTo("levels@1.0.0");
        assertThat(s.pack().digest()).startsWith("sha256:");
    }

    @Test
    void gridZoneBeatsCountry() {
        FactorSelection s = FactorSelector.of(FactorLibrary.of(without("fac")))
                .select(query().facility("fra-1").gridZone("DE-LU").country("DE").build());
        assertThat(s.factorId()).isEqualTo("zone");
        assertThat(s.level()).isEqualTo(MatchLevel.GRID_ZONE);
        assertThat(s.trace()).contains("no facility factor for fra-1", "grid_zone match: DE-LU");
    }

    @Test
    void countryMatch_withTheTraceOfTheIssue() {
        FactorSelection s = FactorSelector.of(FactorLibrary.of(without("fac"))).select(deFra1());
        assertThat(s.factorId()).isEqualTo("country");
        assertThat(s.level()).isEqualTo(MatchLevel.COUNTRY);
        assertThat(s.trace()).containsSubsequence("no approved override for facility fra-1, organisation acme",
                "no facility factor for fra-1", "no grid zone given: grid_zone level skipped", "country match: DE");
    }

    @Test
    void regionThenGlobalThenFallback_withLoweredConfidence() {
        FactorSelection region = FactorSelector.of(FactorLibrary.of(without("fac", "country"))).select(deFra1());
        assertThat(region.factorId()).isEqualTo("region");
        assertThat(region.level()).isEqualTo(MatchLevel.REGION);
        assertThat(region.confidence()).isEqualTo(Confidence.MEDIUM); // HIGH capped at MEDIUM for a region

        FactorSelection global = FactorSelector.of(FactorLibrary.of(without("fac", "country", "region")))
                .select(deFra1());
        assertThat(global.level()).isEqualTo(MatchLevel.GLOBAL);
        assertThat(global.confidence()).isEqualTo(Confidence.LOW);

        FactorSelection fallback = FactorSelector.of(FactorLibrary.of(without("fac", "country", "region", "world")))
                .select(deFra1());
        assertThat(fallback.factorId()).isEqualTo("fallback");
        assertThat(fallback.level()).isEqualTo(MatchLevel.FALLBACK);
        assertThat(fallback.confidence()).isEqualTo(Confidence.LOW);
        assertThat(fallback.trace()).contains("no global factor", "fallback match");
    }

    @Test
    void approvedOverride_activityBeatsFacilityBeatsOrganisation_andBeatsPublishedFactors() {
        FactorPack own = TestPacks.pack("acme-own", "1.0.0",
                TestPacks.factor("ppa-1").region("facility", "fra-1").value("0.01", "kg/kWh"),
                TestPacks.factor("fra-1-supplier").region("facility", "fra-1").value("0.02", "kg/kWh"),
                TestPacks.factor("acme-wide").region("global", "WORLD").value("0.03", "kg/kWh"));
        FactorLibrary lib = FactorLibrary.of(allLevels(), own);
        LocalDate d = LocalDate.of(2024, 3, 1);
        FactorOverride act = FactorOverride.of(OverrideScope.ACTIVITY, "meter-7", own.factors().get(0), "CFO", d, "PPA");
        FactorOverride fac = FactorOverride.of(OverrideScope.FACILITY, "fra-1", own.factors().get(1), "CFO", d, "supplier");
        FactorOverride org = FactorOverride.of(OverrideScope.ORGANISATION, "acme", own.factors().get(2), "CFO", d, "policy");
        FactorSelector sel = FactorSelector.builder(lib).overrides(List.of(org, fac, act)).build();

        FactorSelection s = sel.select(query().organisation("acme").facility("fra-1").activity("meter-7").build());
        assertThat(s.factorId()).isEqualTo("ppa-1");
        assertThat(s.level()).isEqualTo(MatchLevel.OVERRIDE);
        assertThat(s.override()).isEqualTo(act);
        assertThat(s.trace()).contains("approved override for activity meter-7");
        assertThat(s.trace()).anyMatch(t -> t.startsWith("override approved by CFO on 2024-03-01"));

        assertThat(sel.select(query().organisation("acme").facility("fra-1").activity("meter-8").build()).factorId())
                .isEqualTo("fra-1-supplier");
        assertThat(sel.select(query().organisation("acme").facility("ams-2").country("DE").build()).factorId())
                .isEqualTo("acme-wide");
        // An override for another gas is not used.
        FactorSelection co2 = FactorSelector.builder(FactorLibrary.of(TestPacks.pack("co2", "1.0.0",
                TestPacks.factor("de-co2").gas("co2")))).overrides(List.of(org)).build()
                .select(FactorQuery.builder("grid_electricity", Gas.CO2).interval(JAN, FEB).organisation("acme")
                        .country("DE").build());
        assertThat(co2.factorId()).isEqualTo("de-co2");
    }

    @Test
    void withinALevel_theFactorValidForTheIntervalWins() {
        FactorPack p = TestPacks.pack("years", "1.0.0",
                TestPacks.factor("de-2023").dates("2023-01-01", "2024-01-01").value("0.38", "kg/kWh"),
                TestPacks.factor("de-2024").dates("2024-01-01", "2025-01-01").value("0.34", "kg/kWh"),
                TestPacks.factor("de-2025").dates("2025-01-01", "2026-01-01").value("0.30", "kg/kWh"));
        FactorSelection s = FactorSelector.of(FactorLibrary.of(p)).select(query().country("DE").build());
        assertThat(s.factorId()).isEqualTo("de-2024");
        assertThat(s.dateFlagged()).isFalse();
        assertThat(s.trace()).contains("1 of 3 candidate(s) valid for [2024-01-01T00:00:00Z, 2024-02-01T00:00:00Z)");
    }

    @Test
    void ifNoneIsValid_theClosestByDateIsUsedAndFlagged() {
        FactorPack p = TestPacks.pack("years", "1.0.0",
                TestPacks.factor("de-2021").dates("2021-01-01", "2022-01-01"),
                TestPacks.factor("de-2023").dates("2023-01-01", "2024-01-01"));
        FactorSelection s = FactorSelector.of(FactorLibrary.of(p)).select(FactorQuery.builder("grid_electricity",
                Gas.CO2E).interval(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z"))
                .country("DE").build());
        assertThat(s.factorId()).isEqualTo("de-2023");
        assertThat(s.dateFlagged()).isTrue();
        assertThat(s.confidence()).isEqualTo(Confidence.MEDIUM); // HIGH lowered one step
        // 2024-01-01 to 2025-06-01 = 366 + 151 = 517 days (2024 is a leap year).
        assertThat(s.trace()).anyMatch(t -> t.startsWith("FLAG: none of 2 candidate(s) covers")
                && t.contains("517 day(s) apart"));
    }

    @Test
    void aFactorStraddlingTheIntervalIsFlaggedButPreferredToADistantOne() {
        FactorPack p = TestPacks.pack("straddle", "1.0.0",
                TestPacks.factor("until-jan-15").dates("2023-01-01", "2024-01-15"),
                TestPacks.factor("old").dates("2020-01-01", "2021-01-01"));
        FactorSelection s = FactorSelector.of(FactorLibrary.of(p)).select(query().country("DE").build());
        assertThat(s.factorId()).isEqualTo("until-jan-15");
        assertThat(s.dateFlagged()).isTrue();
        assertThat(s.trace()).anyMatch(t -> t.contains("overlapping, not covering"));
    }

    @Test
    void remainingTiesFollowTheDocumentedTotalOrder() {
        // 1. latest effective date
        assertThat(pick(TestPacks.pack("a", "1.0.0",
                TestPacks.factor("early").dates("2023-06-01", "2025-01-01"),
                TestPacks.factor("late").dates("2023-09-01", "2025-01-01")))).isEqualTo("a@1.0.0:late@1");
        // 2. higher confidence
        assertThat(pick(TestPacks.pack("a", "1.0.0",
                TestPacks.factor("med").confidence("medium"),
                TestPacks.factor("hi").confidence("high")))).isEqualTo("a@1.0.0:hi@1");
        // 3. pack id ascending, 4. newer pack version
        assertThat(pick(TestPacks.pack("zeta", "1.0.0", TestPacks.factor("x")),
                TestPacks.pack("alpha", "1.0.0", TestPacks.factor("x")))).isEqualTo("alpha@1.0.0:x@1");
        assertThat(pick(TestPacks.pack("p", "1.9.0", TestPacks.factor("x")),
                TestPacks.pack("p", "1.10.0", TestPacks.factor("x")))).isEqualTo("p@1.10.0:x@1");
        // 5. factor id ascending, 6. newer factor version
        assertThat(pick(TestPacks.pack("a", "1.0.0", TestPacks.factor("y"), TestPacks.factor("x"))))
                .isEqualTo("a@1.0.0:x@1");
        assertThat(pick(TestPacks.pack("a", "1.0.0", TestPacks.factor("x").version(1),
                TestPacks.factor("x").version(2)))).isEqualTo("a@1.0.0:x@2");
    }

    private static String pick(FactorPack... packs) {
        FactorSelection s = FactorSelector.of(FactorLibrary.of(packs)).select(query().country("DE").build());
        assertThat(s.trace()).anyMatch(t -> t.startsWith("tie among 2 broken by total order"));
        return s.factor().reference();
    }

    @Test
    void noMatchAtAnyLevelThrowsWithTheTrace() {
        FactorLibrary lib = FactorLibrary.of(TestPacks.pack("a", "1.0.0", TestPacks.factor("fr").region("country", "FR")));
        assertThatThrownBy(() -> FactorSelector.of(lib).select(deFra1()))
                .isInstanceOfSatisfying(UnknownFactorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FACTOR);
                    assertThat(e.trace()).contains("no country factor for DE", "no global factor", "no fallback factor");
                    assertThat(e.getMessage()).contains("grid_electricity / co2e");
                });
    }

    @Test
    void citationOnlyFactorsAreNeverSelected_andTheTraceSaysWhy() {
        ObjectNode co = TestPacks.skeleton("ecoinvent-citation", "1.0.0");
        co.put("citation_only", true);
        TestPacks.with(co, List.of(TestPacks.factor("ei.de").value(null, "kg/kWh")));
        FactorLibrary lib = FactorLibrary.of(TestPacks.load(co));
        assertThatThrownBy(() -> FactorSelector.of(lib).select(deFra1()))
                .isInstanceOfSatisfying(UnknownFactorException.class, e -> assertThat(e.trace())
                        .anyMatch(t -> t.contains("citation-only packs and carry no value")));
    }

    @Test
    void selectionCanBePinnedToPackVersions() {
        FactorPack v1 = TestPacks.pack("p", "1.0.0", TestPacks.factor("x").value("0.5", "kg/kWh"));
        FactorPack v2 = TestPacks.pack("p", "2.0.0", TestPacks.factor("x").value("0.4", "kg/kWh"));
        FactorLibrary lib = FactorLibrary.of(v1, v2);
        assertThat(FactorSelector.of(lib).select(deFra1()).pack()).isEqualTo(v2.ref());
        FactorSelection pinned = FactorSelector.builder(lib).packs(List.of(v1.ref())).build().select(deFra1());
        assertThat(pinned.pack()).isEqualTo(v1.ref());
        assertThat(pinned.trace()).first().isEqualTo("packs in use: p@1.0.0");
        assertThatThrownBy(() -> FactorSelector.builder(lib).packs(List.of(new PackRef("p", "1.0.0",
                "sha256:" + "0".repeat(64))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryValidatesAtOnce() {
        assertThatThrownBy(() -> FactorQuery.builder("grid_electricity", Gas.CO2E).interval(FEB, JAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after start");
        assertThatThrownBy(() -> FactorQuery.builder("grid_electricity", Gas.CO2E).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
