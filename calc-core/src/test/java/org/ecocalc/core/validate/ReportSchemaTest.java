package org.ecocalc.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ecocalc.core.TestRecords.energy;
import static org.ecocalc.core.validate.ExampleReports.DAY;
import static org.ecocalc.core.validate.ExampleReports.MONTH;
import static org.ecocalc.core.validate.ExampleReports.at;
import static org.ecocalc.core.validate.ExampleReports.edit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.Scope2Method;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docs/schemas/report.v1.json accepts every report the engine writes and names the member of a broken one. */
class ReportSchemaTest {
    private static final SchemaCheck REPORT = SchemaCheck.load("report.v1.json");

    private static JsonNode tree(String json) {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void reportsTheEngineWritesConform() throws IOException {
        List<String> reports = new ArrayList<>();
        // The example data with packs and assets, per day and per month, with and without manifest, signed.
        reports.add(DAY.toJson());
        reports.add(MONTH.toJson());
        reports.add(ReportJson.toJson(MONTH.report()));
        reports.add(MONTH.signedWith(org.ecocalc.core.manifest.SigningKey.generate(
                org.ecocalc.core.TestRecords.seededRandom(3))).toJson());
        // No packs (carbon not computable), a repeat and a conflict, a custom range, keys listed, one method,
        // an organisation: every optional member the writer has.
        TelemetryRecord a = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
        TelemetryRecord b = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100");
        TelemetryRecord b2 = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "999", "100");
        MethodSettings custom = MethodSettings.builder().period(ReportingPeriod.custom(
                Instant.parse("2026-01-01T00:30:00Z"), Instant.parse("2026-01-01T03:00:00Z")))
                .scope2Method(Scope2Method.LOCATION).organisationId("acme").build();
        Report small = EcoCalc.report(List.of(a, a, b, b2), custom);
        assertThat(small.problems()).isNotEmpty();
        assertThat(small.dataset().conflicts()).isNotEmpty();
        reports.add(ReportJson.toJson(small));
        reports.add(CalculationRun.of(small).toJson());
        // Nothing at all: an empty total with open instants.
        reports.add(ReportJson.toJson(EcoCalc.report(List.of(), MethodSettings.defaults())));
        // A refused record read from a file: the problem names its file, index and line.
        Path dir = Files.createTempDirectory("schema");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"source_id\": \"s\"}\n");
        reports.add(ReportJson.toJson(EcoCalc.report(bad, MethodSettings.defaults())));
        for (String r : reports) {
            assertThat(REPORT.validate(tree(r))).as(r.substring(0, Math.min(200, r.length()))).isEmpty();
        }
    }

    static List<Arguments> brokenReports() {
        return List.of(
                broken("a decimal as a JSON number", "/results/0/efficiency/efficiency.pue/value",
                        r -> at(r, "/results/0/efficiency/efficiency.pue").put("value", new java.math.BigDecimal("1.3"))),
                broken("a decimal with a trailing zero", "/total/efficiency/efficiency.pue/value",
                        r -> at(r, "/total/efficiency/efficiency.pue").put("value", "1.50")),
                broken("a member the format does not have", "/extra", r -> r.put("extra", 1)),
                broken("a missing member", "/dataset", r -> r.remove("dataset")),
                broken("a metric in another section", "/total/water/efficiency.pue",
                        r -> at(r, "/total/water").set("efficiency.pue", r.at("/total/efficiency/efficiency.pue"))),
                broken("a unit that is not the metric's", "/total/water/water.wue_l_per_kwh/unit",
                        r -> at(r, "/total/water/water.wue_l_per_kwh").put("unit", "L/MWh")),
                broken("an unknown metric id", "/total/efficiency/efficiency.pue2",
                        r -> at(r, "/total/efficiency").set("efficiency.pue2", r.at("/total/efficiency/efficiency.pue"))),
                broken("a value and a reason", "/total/efficiency/efficiency.pue",
                        r -> at(r, "/total/efficiency/efficiency.pue").put("not_computable", "why")),
                broken("a confidence above 1", "/total/efficiency/efficiency.pue/confidence",
                        r -> at(r, "/total/efficiency/efficiency.pue").put("confidence", "1.2")),
                broken("a facility group in the periods", "/results/0/level",
                        r -> at(r, "/results/0").put("level", "facility")),
                broken("a total with a facility", "/total",
                        r -> at(r, "/total").put("facility_id", "fra-1")),
                broken("an input that is not a telemetry field", "/total/efficiency/efficiency.pue/lineage/inputs/~1energy~1it2",
                        r -> at(r, "/total/efficiency/efficiency.pue/lineage/inputs").put("/energy/it2", 1)),
                broken("a factor with a bad pack digest",
                        "/total/carbon/carbon.scope2_location_kgco2e/lineage/factors/0/pack_digest",
                        r -> at(r, "/total/carbon/carbon.scope2_location_kgco2e/lineage/factors/0").put("pack_digest", "md5:1")),
                broken("an unknown Scope 2 method", "/settings/scope2_method",
                        r -> at(r, "/settings").put("scope2_method", "hybrid")),
                broken("a bad alert threshold (alert-settings.v1.json)", "/settings/alerts/thresholds/pue_max",
                        r -> at(r, "/settings/alerts/thresholds").put("pue_max", "high")),
                broken("a bad run id (run-manifest.v1.json)", "/manifest/run_id",
                        r -> at(r, "/manifest").put("run_id", "sha256:xyz")),
                broken("a manifest member the manifest does not have", "/manifest/comment",
                        r -> at(r, "/manifest").put("comment", "x")),
                broken("a negative count", "/dataset/records", r -> at(r, "/dataset").put("records", -1)),
                broken("an instant with an offset", "/results/0/period/start",
                        r -> at(r, "/results/0/period").put("start", "2026-03-02T01:00:00+01:00")));
    }

    private static Arguments broken(String what, String pointer, Consumer<ObjectNode> change) {
        return Arguments.of(what, pointer, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReports")
    void aBrokenReportIsASchemaViolationNamingTheMember(String what, String pointer, Consumer<ObjectNode> change) {
        String json = edit(DAY.toJson(), change);
        Validation v = ReportValidator.validate(json);
        assertThat(v.isValid()).isFalse();
        assertThat(v.findings()).as(v.toText()).extracting(Finding::code).containsOnly(FindingCode.SCHEMA_VIOLATION);
        assertThat(v.findings()).as(v.toText()).extracting(Finding::pointer).contains(pointer);
    }

    @Test
    void aSchemaViolationStopsValidationBeforeTheConsistencyRules() {
        // A PUE of 0.9 written as a JSON number: one schema finding, no pue_below_one, no hash findings.
        String json = edit(DAY.toJson(), r -> at(r, "/total/efficiency/efficiency.pue")
                .put("value", new java.math.BigDecimal("0.9")));
        Validation v = ReportValidator.validate(json);
        assertThat(v.findings()).extracting(Finding::code, Finding::pointer)
                .containsExactly(tuple(FindingCode.SCHEMA_VIOLATION, "/total/efficiency/efficiency.pue/value"));
    }

    @Test
    void manySchemaViolationsAreCappedAndCounted() {
        // Every period group's PUE value as a JSON number: 14 violations at least; with the cap at 100, a report
        // broken everywhere lists 100 and counts the rest in one more finding.
        String json = edit(DAY.toJson(), r -> {
            for (JsonNode g : r.get("results")) {
                for (String section : List.of("efficiency", "water", "activity", "carbon")) {
                    for (JsonNode m : g.get(section)) {
                        ((ObjectNode) m).set("value", JsonNodeFactory.instance.numberNode(1));
                    }
                }
            }
        });
        Validation v = ReportValidator.validate(json);
        assertThat(v.findings()).hasSize(ReportValidator.MAX_SCHEMA_FINDINGS + 1);
        assertThat(v.findings().get(ReportValidator.MAX_SCHEMA_FINDINGS).message()).endsWith("more schema violations not listed");
    }

    @Test
    void theSchemaListsEveryMetricOfTheRegistryWithItsUnit() throws IOException {
        JsonNode schema;
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/org/ecocalc/core/schemas/report.v1.json")) {
            schema = tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonNode groupProperties = schema.at("/$defs/group/properties");
        int listed = 0;
        for (JsonNode section : List.of("carbon", "water", "efficiency", "hardware", "activity", "data_quality", "score")
                .stream().map(groupProperties::get).toList()) {
            listed += section.get("properties").size();
        }
        assertThat(listed).isEqualTo(Metric.values().length);
        for (Metric m : Metric.values()) {
            JsonNode entry = groupProperties.get(m.section().id()).get("properties").get(m.id());
            assertThat(entry).as(m.id()).isNotNull();
            assertThat(entry.at("/properties/unit/const").stringValue()).as(m.id()).isEqualTo(m.unit());
        }
    }
}
