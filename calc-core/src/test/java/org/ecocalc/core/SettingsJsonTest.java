package org.ecocalc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON form of method settings, read back ({@link MethodSettings#parse(String)}). */
class SettingsJsonTest {
    @Test
    void absentMembersTakeTheirDefaults() {
        assertThat(MethodSettings.parse("{}")).isEqualTo(MethodSettings.defaults());
        assertThat(MethodSettings.parse("{\"period\":{\"unit\":\"day\"}}"))
                .isEqualTo(MethodSettings.builder().period(PeriodUnit.DAY).build());
    }

    @Test
    void everyMemberIsRead() {
        MethodSettings s = MethodSettings.parse("{\"period\":{\"unit\":\"quarter\",\"offset\":\"+05:30\","
                + "\"from\":\"2026-01-01T00:00:00+05:30\",\"to\":\"2026-07-01T00:00:00Z\"},\"wue_basis\":\"cooling\","
                + "\"workload_energy_basis\":\"it\",\"lineage_key_limit\":3}");
        assertThat(s.period().unit()).isEqualTo(PeriodUnit.QUARTER);
        assertThat(s.period().offset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        // 2026-01-01T00:00+05:30 is 2025-12-31T18:30Z.
        assertThat(s.period().from()).isEqualTo(Instant.parse("2025-12-31T18:30:00Z"));
        assertThat(s.period().to()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(s.wueBasis()).isEqualTo(WueBasis.COOLING);
        assertThat(s.workloadEnergyBasis()).isEqualTo(EnergyBasis.IT);
        assertThat(s.lineageKeyLimit()).isEqualTo(3);
    }

    /** Round trip: toCanonicalJson, parsed, is the same settings (so a report's settings re-run the report). */
    @Test
    void theCanonicalFormReadsBackToTheSameSettings() {
        PeriodUnit[] units = PeriodUnit.values();
        qt().withFixedSeed(7L).withExamples(300)
                .forAll(integers().between(0, units.length - 1), integers().between(-12, 14), integers().between(0, 3),
                        integers().between(0, 10_000))
                .checkAssert((u, hours, variant, limit) -> {
                    ReportingPeriod p = ReportingPeriod.of(units[u]).withOffset(ZoneOffset.ofHours(hours));
                    if (variant % 2 == 1) {
                        p = p.within(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(limit), null);
                    }
                    if (variant >= 2) {
                        p = p.within(p.from(), Instant.parse("2027-01-01T00:00:00Z"));
                    }
                    MethodSettings s = MethodSettings.builder().period(p).wueBasis(WueBasis.values()[variant % 3])
                            .workloadEnergyBasis(EnergyBasis.values()[variant % 2]).lineageKeyLimit(limit).build();
                    MethodSettings back = MethodSettings.parse(s.toCanonicalJson());
                    assertThat(back).isEqualTo(s);
                    assertThat(back.digest()).isEqualTo(s.digest());
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"period\":{\"unit\":\"week\"}}|/period/unit",
        "{\"period\":{\"offset\":\"Europe/Berlin\"}}|/period/offset",
        "{\"period\":{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}}|/period/to",
        "{\"period\":{\"from\":\"2026-02-01\"}}|/period/from",
        "{\"period\":{\"unti\":\"day\"}}|/period/unti",
        "{\"wue_basis\":\"evaporation\"}|/wue_basis",
        "{\"workload_energy_basis\":1}|/workload_energy_basis",
        "{\"lineage_key_limit\":-1}|/lineage_key_limit",
        "{\"lineage_key_limit\":\"20\"}|/lineage_key_limit",
        "{\"gwp\":\"ar6\"}|/gwp",
        "{\"gwp\":{\"horizon_years\":100}}|/gwp/set",
        "{\"quality\":[]}|/quality",
        "{\"quality\":\"strict\"}|/quality",
        "{\"score\":[]}|/score",
        "[]|''",
    })
    void badSettingsNameTheMember(String json, String pointer) {
        assertThatThrownBy(() -> MethodSettings.parse(json)).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTINGS);
            assertThat(e.pointer()).isEqualTo(pointer);
        });
    }

    @Test
    void aScoreBaselineGivenAloneIsUsedAndTheOthersKeepTheirDefaults() {
        // Before the fix, a water reference given without carbon_reference or pue_worst was ignored silently.
        MethodSettings s = MethodSettings.parse("{\"score\":{\"water_reference_l_per_gpu_hour\":\"10\"}}");
        assertThat(s.score().waterReference()).isEqualByComparingTo("10");
        assertThat(s.score().carbonReference()).isEqualByComparingTo(org.ecocalc.core.score.ScoreSettings.DEFAULT_CARBON_REFERENCE);
        assertThat(s.score().pueWorst()).isEqualByComparingTo("2");
        assertThat(s.score().utilizationTarget()).isEqualByComparingTo("80");
        assertThat(MethodSettings.parse("{\"score\":{\"utilization_target_pct\":\"90\"}}").score().utilizationTarget())
                .isEqualByComparingTo("90");
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> MethodSettings.parse("{period"))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
    }
}
