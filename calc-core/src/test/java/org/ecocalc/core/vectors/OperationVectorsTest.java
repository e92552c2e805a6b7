package org.ecocalc.core.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecocalc.core.EcoCalcException;
import org.junit.jupiter.api.Test;

/**
 * Alert, scenario and report-validation vectors ({@code input_kind} {@code alert}, {@code scenario},
 * {@code report_validation}): a correct vector passes, and every wrong expectation is one failure line
 * naming the member, so the runner really compares.
 */
class OperationVectorsTest {
    static VectorResult run(String json) {
        return VectorRunner.standard().run(TestVector.parse(json));
    }

    static String vector(String kind, String description, String body) {
        return """
                {"format": "ecocalc.test-vector/1", "name": "v", "category": "%s", "input_kind": "%s",
                 "description": "%s", "expected_from": "hand", %s}""".formatted(kind, kind, description, body);
    }

    // ------------------------------------------------------------------ alerts

    // One CO2 reading of 1200 ppm with consecutive_breaches 1: 1200 > 1000 (room_co2_max, docs/alerts.md) raises one
    // warning at once; its interval is the reading's instant. The second line, -5 ppm, is refused (negative_value).
    static final String READINGS = """
            "input": [{"sensor_id": "s-1", "facility_id": "dc-1", "observed_at": "2026-06-01T00:00:00Z", "kind": "co2",
                       "value": "1200", "unit": "ppm"},
                      {"sensor_id": "s-1", "facility_id": "dc-1", "observed_at": "2026-06-01T00:10:00Z", "kind": "co2",
                       "value": "-5", "unit": "ppm"}],
            "settings": {"alerts": {"consecutive_breaches": 1}}""";

    static String alertVector(String expectedAlerts, String more) {
        return vector("alert", "By hand: 1200 > 1000 with N = 1 is one room_co2_max alert.", READINGS
                + ", \"expected\": {\"alerts\": " + expectedAlerts + more + "}");
    }

    static String co2Alert(String severity, String observed, String threshold) {
        return """
                [{"rule": "room_co2_max", "severity": "%s", "metric": "sensor.co2_ppm", "unit": "ppm", "observed": "%s",
                  "threshold": "%s", "facility_id": "dc-1", "sensor_id": "s-1",
                  "interval": {"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T00:00:00Z"},
                  "evidence": [{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T00:00:00Z", "value": "1200",
                                "record_count": 1, "records_listed": true, "records": ["s-1@2026-06-01T00:00:00Z"]}]}]"""
                .formatted(severity, observed, threshold);
    }

    static final String READ_PROBLEMS = ", \"problems\": [{\"record\": 1, \"code\": \"negative_value\", \"pointer\": \"/value\"}],"
            + " \"rejected\": 1";

    @Test
    void anAlertVectorPassesWhenEveryAlertMatches() {
        // "1000.0" is the same number as 1000: decimals are compared as numbers.
        assertThat(run(alertVector(co2Alert("warning", "1200", "1000.0"), READ_PROBLEMS)).failures()).isEmpty();
    }

    @Test
    void eachWrongAlertMemberIsOneLine() {
        assertThat(run(alertVector(co2Alert("critical", "1300", "1000"), "")).failures()).containsExactly(
                "alert 0 /severity: expected critical, got warning",
                "alert 0 /observed: expected 1300, got 1200");
        assertThat(run(alertVector("[]", ", \"problems\": [], \"rejected\": 0")).failures()).containsExactly(
                "alerts: expected 0, got 1: [warning room_co2_max dc-1/s-1 sensor.co2_ppm = 1200 vs 1000"
                        + " [2026-06-01T00:00:00Z, 2026-06-01T00:00:00Z]]",
                "problems: expected [], got [#1 error negative_value at \"/value\"]",
                "rejected readings: expected 0, got 1");
    }

    @Test
    void anAlertVectorReadsOnlyTheAlertSettingsAndNamesARefusedOne() {
        String other = vector("alert", "A settings member the alert rules do not read.", """
                "input": [], "settings": {"wue_basis": "cooling"},
                "expected": {"error": {"code": "invalid_settings", "pointer": "/settings/wue_basis"}}""");
        assertThat(run(other).failures()).isEmpty();
        String refused = vector("alert", "pue_max below 1 is refused (docs/alerts.md).", """
                "input": [], "settings": {"alerts": {"thresholds": {"pue_max": "0.9"}}},
                "expected": {"alerts": []}""");
        assertThat(run(refused).failures()).singleElement().asString()
                .startsWith("unexpected error invalid_settings at \"/settings/alerts/thresholds/pue_max\"");
    }

    // ------------------------------------------------------------------ scenarios

    // Two hours of dc-1 (VectorRunnerTest.INPUT): facility 130 + 120 = 250 kWh, IT 100 + 100 = 200 kWh, reported
    // first; annualise false keeps them as they are: E_IT,0 = 200, E_fac,0 = 250, PUE_0 = 250 / 200 = 1.25. Without
    // growth every year equals year 0, and a scenario without change has zero deltas.
    static String scenarioVector(String simulation) {
        return vector("scenario", "By hand: 250 / 200 = 1.25; no growth, no change.", "\"input\": "
                + VectorRunnerTest.INPUT + """
                , "scenario": {"format": "ecocalc.scenario/1", "years": 1, "annualise": false,
                               "scenarios": [{"name": "same"}]},
                "expected": {"simulation": %s}""".formatted(simulation));
    }

    @Test
    void aScenarioVectorComparesTheSimulationResult() {
        String good = """
                {"baseline_source": {"group": "total", "annualised": false},
                 "baseline": {"years": [{"year": 0, "energy_it_kwh": "200", "energy_facility_kwh": "250", "pue": "1.25"},
                                        {"year": 1, "energy_facility_kwh": "250", "water_l": null, "costs": null}]},
                 "scenarios": [{"name": "same", "deltas": [{"year": 0, "pue": "0"}, {"year": 1, "energy_it_kwh": "0"}]}]}""";
        assertThat(run(scenarioVector(good)).failures()).isEmpty();
        String wrong = """
                {"baseline": {"years": [{"year": 0, "energy_it_kwh": "201", "water_l": "5"},
                                        {"year": 1, "pue": "1.25"}]},
                 "scenarios": [{"name": "other", "deltas": [{"year": 0}]}]}""";
        assertThat(run(scenarioVector(wrong)).failures()).satisfiesExactly(
                f -> assertThat(f).isEqualTo("simulation /baseline/years/0/energy_it_kwh: expected 201, got 200"),
                f -> assertThat(f).isEqualTo("simulation /baseline/years/0/water_l: expected 5, got null"),
                f -> assertThat(f).isEqualTo("simulation /scenarios/0/name: expected other, got same"),
                f -> assertThat(f).startsWith("simulation /scenarios/0/deltas: expected 1 items, got 2: "));
    }

    @Test
    void aReportBaselineIsReadAsTheCommandReadsItsFile() {
        // A report whose total covers one day (86,400 s) with IT 1000 kWh and facility 1200 kWh: annualised, x 31,536,000
        // / 86,400 = x 365 (methodology.md, "What-if simulator"): 365000 and 438000 kWh.
        String report = """
                {"format": "ecocalc.report/1", "settings": {"period": {"unit": "day"}, "wue_basis": "withdrawal"},
                 "results": [], "facilities": [],
                 "total": {"level": "total", "covered": {"start": "2026-06-01T00:00:00Z", "end": "2026-06-02T00:00:00Z"},
                           "records": 1, "activity": {"activity.energy_it_kwh": {"value": "1000", "unit": "kWh"},
                                                      "activity.energy_facility_kwh": {"value": "1200", "unit": "kWh"}}}}""";
        String ok = vector("scenario", "By hand: 1000 x 365 = 365000, 1200 x 365 = 438000.", "\"input\": " + report + """
                , "scenario": {"format": "ecocalc.scenario/1", "years": 1, "scenarios": [{"name": "same"}]},
                "expected": {"simulation": {"baseline": {"years": [{"year": 0, "energy_it_kwh": "365000",
                                                                    "energy_facility_kwh": "438000"}, {"year": 1}]}}}""");
        assertThat(run(ok).failures()).isEmpty();
        String withSettings = vector("scenario", "A report is not recomputed: no settings.", "\"input\": " + report + """
                , "settings": {"period": {"unit": "month"}},
                "scenario": {"format": "ecocalc.scenario/1", "years": 1, "scenarios": [{"name": "same"}]},
                "expected": {"error": {"code": "invalid_settings", "pointer": "/settings/period"}}""");
        assertThat(run(withSettings).failures()).isEmpty();
        String badScenario = vector("scenario", "A PUE target below 1 is refused.", "\"input\": " + report + """
                , "scenario": {"format": "ecocalc.scenario/1", "years": 1,
                               "scenarios": [{"name": "x", "pue_target": {"value": "0.9", "by_year": 1}}]},
                "expected": {"error": {"code": "invalid_scenario", "pointer": "/input"}}""");
        assertThat(run(badScenario).failures()).singleElement().asString()
                .startsWith("expected error invalid_scenario at \"/input\", got invalid_scenario at \"/scenario\"");
    }

    // ------------------------------------------------------------------ report validation

    static String validationVector(String expected) {
        return vector("report_validation", "Not JSON: one not_json error (docs/validation.md).",
                "\"input_text\": \"{not json\", \"expected\": {\"validation\": " + expected + "}");
    }

    @Test
    void aValidationVectorComparesValidityAndEveryFindingInOrder() {
        assertThat(run(validationVector("""
                {"valid": false, "counts": {"error": 1, "info": 0},
                 "findings": [{"severity": "error", "code": "not_json", "pointer": ""}]}""")).failures()).isEmpty();
        assertThat(run(validationVector("""
                {"valid": true, "counts": {"error": 0},
                 "findings": [{"severity": "error", "code": "schema_violation", "pointer": ""},
                              {"severity": "info", "code": "manifest_absent", "pointer": ""}]}""")).failures())
                .containsExactly("validation /valid: expected true, got false",
                        "validation /counts/error: expected 0, got 1",
                        "findings: expected [error schema_violation at \"\", info manifest_absent at \"\"], got [error"
                                + " not_json at \"\"]");
    }

    @Test
    void theSchemaKeepsTheKindsApart() {
        // A scenario vector needs its scenario file; reports belong to alert vectors; a validation vector has a report.
        assertThatThrownBy(() -> TestVector.parse(vector("scenario", "No scenario file given here.",
                "\"input\": [], \"expected\": {\"simulation\": {}}"))).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("scenario");
        assertThatThrownBy(() -> TestVector.parse(VectorRunnerTest.vector("r", "{\"metrics\": {}}",
                ",\"reports\": []"))).isInstanceOf(EcoCalcException.class).hasMessageContaining("reports");
        assertThatThrownBy(() -> TestVector.parse(vector("report_validation", "A validation vector with an array.",
                "\"input\": [], \"expected\": {\"validation\": {\"valid\": true, \"findings\": []}}")))
                .isInstanceOf(EcoCalcException.class);
        assertThatThrownBy(() -> TestVector.parse(vector("alert", "Alerts are not metrics of a report.",
                "\"input\": [], \"expected\": {\"metrics\": {\"efficiency.pue\": \"1\"}}")))
                .isInstanceOf(EcoCalcException.class).hasMessageContaining("metrics");
    }
}
