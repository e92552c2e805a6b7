package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecocalc.core.TestRecords.energy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.WueBasis;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ReportJson#parse(String)} is the inverse of {@link ReportJson#toJson(Report)}. */
class ReportJsonReadTest {
    static final Path EXAMPLE = Path.of("..", "examples", "data", "benchmark-telemetry.json");

    @ParameterizedTest
    @ValueSource(strings = {"day", "month", "all"})
    void theBenchmarkReportReadsBackToTheSameBytes(String unit) {
        MethodSettings s = MethodSettings.builder().period(PeriodUnit.fromId(unit)).wueBasis(WueBasis.COOLING)
                .lineageKeyLimit(200).build();
        String json = ReportJson.toJson(EcoCalc.report(EXAMPLE, s));
        Report back = ReportJson.parse(json);
        assertThat(ReportJson.toJson(back)).isEqualTo(json);
        assertThat(back.settings()).isEqualTo(s);
    }

    @Test
    void problemsNotComputableMetricsAndCustomRangesReadBack() {
        TelemetryRecord a = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
        TelemetryRecord b = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100");
        TelemetryRecord b2 = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "999", "100");
        MethodSettings s = MethodSettings.builder().period(ReportingPeriod.custom(Instant.parse("2026-01-01T00:30:00Z"),
                Instant.parse("2026-01-01T03:00:00Z"))).build();
        Report r = EcoCalc.report(List.of(a, a, b, b2), s);
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.total().metric(Metric.EFFICIENCY_CHILLER_COP).isComputed()).isFalse();
        String json = ReportJson.toJson(r);
        Report back = ReportJson.parse(json);
        assertThat(ReportJson.toJson(back)).isEqualTo(json);
        assertThat(back.problems()).isEqualTo(r.problems());
        assertThat(back.total()).isEqualTo(r.total());
        assertThat(back.groups()).isEqualTo(r.groups());
        assertThat(back.facilities()).isEqualTo(r.facilities());
    }

    @Test
    void theResultsDocumentHoldsExactlyTheThreeResultMembers() {
        Report r = EcoCalc.report(List.of(energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130",
                "100")), MethodSettings.defaults());
        String results = ReportJson.toResultsJson(r);
        assertThat(results).startsWith("{\"results\":[").contains("],\"facilities\":[").contains("\"total\":{")
                .doesNotContain("\"engine\"").doesNotContain("\"settings\"");
        // Exactly three members: the report's data-set summary and problems are left out ("data_quality" is
        // also the name of a metric section inside each result, so the members are read, not searched for).
        assertThat(org.ecocalc.core.internal.Json.MAPPER.readTree(results).propertyNames())
                .containsExactly("results", "facilities", "total");
    }

    @Test
    void aManifestMemberIsLeftToOthers() {
        String json = ReportJson.toJson(EcoCalc.report(List.of(), MethodSettings.defaults()));
        String withManifest = json.substring(0, json.lastIndexOf('}')) + ",\"manifest\":{}}";
        assertThat(ReportJson.toJson(ReportJson.parse(withManifest))).isEqualTo(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"format\": \"ecocalc.report/1\"=>\"format\": \"ecocalc.report/2\"=>/format",
        "\"efficiency.pue\"=>\"efficiency.pue2\"=>unknown metric id",
        "\"unit\": \"L/kWh\"=>\"unit\": \"L/MWh\"=>/unit",
        "\"records\": 1,=>\"records\": -1,=>/records",
        "\"engine\"=>\"engines\"=>/engines",
        "\"wue_basis\": \"withdrawal\"=>\"wue_basis\": \"rain\"=>/settings/wue_basis",
    })
    void aDamagedReportIsRefusedNamingTheMember(String edit) {
        String[] e = edit.split("=>");
        String json = ReportJson.toJson(EcoCalc.report(List.of(energy("dc-1", "a", "2026-01-01T00:00:00Z",
                "2026-01-01T01:00:00Z", "130", "100")), MethodSettings.defaults()));
        assertThat(json).contains(e[0]);
        String damaged = json.replaceFirst(java.util.regex.Pattern.quote(e[0]), java.util.regex.Matcher.quoteReplacement(e[1]));
        assertThatThrownBy(() -> ReportJson.parse(damaged)).isInstanceOfSatisfying(EcoCalcException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_REPORT);
            assertThat(ex.getMessage()).contains(e[2]);
        });
    }
}
