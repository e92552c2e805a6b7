package org.ecocalc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.TestRecords.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcoCalcTest {
    private static final TelemetryRecord A = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
    private static final TelemetryRecord B = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100");
    /** Same key as B, other contents. */
    private static final TelemetryRecord B2 = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "999", "100");

    @Test
    void anExactRepeatIsCountedOnceWithAWarning() {
        Report r = EcoCalc.report(List.of(A, B, A), MethodSettings.defaults());
        // (130 + 120) / (100 + 100) = 1.25: A counted once.
        assertThat(r.total().value(Metric.EFFICIENCY_PUE)).isEqualByComparingTo("1.25");
        assertThat(r.dataset().records()).isEqualTo(2);
        assertThat(r.dataset().duplicates()).isEqualTo(1);
        assertThat(r.problems()).singleElement().extracting(RecordProblem::code).isEqualTo(ErrorCode.DUPLICATE_RECORD);
        assertThat(r.hasRejections()).isFalse();
    }

    @Test
    void aConflictExcludesEveryCopyWhicheverComesFirst() {
        for (List<TelemetryRecord> order : List.of(List.of(A, B, B2), List.of(B2, A, B), List.of(B, B2, A))) {
            Report r = EcoCalc.report(order, MethodSettings.defaults());
            // Only A is counted: 130 / 100 = 1.3.
            assertThat(r.total().value(Metric.EFFICIENCY_PUE)).as(order.toString()).isEqualByComparingTo("1.3");
            assertThat(r.dataset().conflicts()).extracting(Object::toString).containsExactly("dc-1-bms/b");
            assertThat(r.rejected()).isEqualTo(2);
            assertThat(r.problems()).filteredOn(p -> p.code() == ErrorCode.CONFLICTING_DUPLICATE).hasSize(2);
            assertThat(r.dataset().digest()).isEqualTo(EcoCalc.report(List.of(A), MethodSettings.defaults()).dataset().digest());
        }
    }

    @Test
    void theDatasetDigestIsTheDocumentedHashAndIgnoresOrder() {
        // Documented in DatasetDigest: sha256 of the canonical JSON array of the records' digests, by key.
        String expected = CanonicalJson.digest("[\"" + DatasetDigest.recordDigest(A) + "\",\"" + DatasetDigest.recordDigest(B) + "\"]");
        assertThat(EcoCalc.report(List.of(B, A), MethodSettings.defaults()).dataset().digest()).isEqualTo(expected);
        assertThat(EcoCalc.report(List.of(A, B), MethodSettings.defaults()).dataset().digest()).isEqualTo(expected);
        // A record's digest is sha256 of its canonical normalised JSON.
        assertThat(DatasetDigest.recordDigest(A)).isEqualTo(CanonicalJson.digest(TelemetryJson.toJson(A)));
    }

    @Test
    void theReportIsTheSameBytesForAnyOrder() {
        List<TelemetryRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(energy("dc-" + i % 3, "e" + i, "2026-01-01T00:00:00Z", "2026-01-02T05:00:00Z", "1" + i, "1" + i));
        }
        String expected = ReportJson.toJson(EcoCalc.report(records, MethodSettings.defaults()));
        for (long seed = 1; seed <= 5; seed++) {
            List<TelemetryRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(ReportJson.toJson(EcoCalc.report(shuffled, MethodSettings.defaults()))).isEqualTo(expected);
        }
    }

    @Test
    void recordsOutsideTheRangeAreWarnedAboutAndNotCounted() {
        MethodSettings jan1 = MethodSettings.builder().period(ReportingPeriod.custom(
                Instant.parse("2026-01-01T00:30:00Z"), Instant.parse("2026-01-01T01:00:00Z"))).build();
        Report r = EcoCalc.report(List.of(A, B), jan1);
        // Half of A (00:30-01:00) is inside: 130 / 2 = 65 kWh; B is outside.
        assertThat(r.total().value(Metric.ACTIVITY_ENERGY_FACILITY_KWH)).isEqualByComparingTo("65");
        assertThat(r.problems()).extracting(RecordProblem::code).containsOnly(ErrorCode.OUTSIDE_REPORTING_RANGE);
        assertThat(r.problems()).hasSize(2);
    }

    @Test
    void aFileWithBadRecordsStillCountsEveryGoodOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.jsonl");
        String good = TelemetryJson.toJson(A);
        Files.writeString(file, good + "\n" + good.replace("\"kWh\"", "\"kwh\"").replace("\"a\"", "\"bad\"") + "\n"
                + TelemetryJson.toJson(B) + "\n", StandardCharsets.UTF_8);
        List<RecordProblem> seen = new ArrayList<>();
        Report r = EcoCalc.calculation(MethodSettings.defaults()).withProblemListener(seen::add).report(file);
        assertThat(r.total().value(Metric.EFFICIENCY_PUE)).isEqualByComparingTo("1.25");
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(seen).isNotEmpty().allMatch(p -> p.code() == ErrorCode.UNKNOWN_UNIT && p.location().line() == 2);
        assertThat(r.problems()).isEqualTo(seen);
    }

    @Test
    void settingsHaveACanonicalForm() {
        MethodSettings s = MethodSettings.builder().period(PeriodUnit.DAY).build();
        // The documented form (docs/report-format.md; the alert defaults of docs/alerts.md), written here
        // by hand in any key order; RFC 8785
        // (the reference canonicaliser) sorts keys and removes whitespace.
        String expected = """
                {"period": {"unit": "day", "offset": "Z"}, "wue_basis": "withdrawal",
                 "workload_energy_basis": "facility", "lineage_key_limit": 20,
                 "gwp": {"set": "AR6", "horizon_years": 100}, "scope2_method": "both", "carbon_basis": "location",
                 "per_unit_includes_embodied": false, "boundary": "operational_control",
                 "quality": {"cadences_s": {}, "latency_target_s": "3600", "outlier_method": "zscore",
                             "outlier_threshold": "3", "drift_window": 24, "drift_sigmas": "3",
                             "series": ["/energy/facility", "/energy/it", "/water/withdrawal"],
                             "confidence_weights": {"completeness": "0.3", "latency": "0.1", "outliers": "0.2",
                                                    "drift": "0.1", "factors": "0.3"}},
                 "score": {"weights": {"carbon": "0.4", "water": "0.2", "efficiency": "0.2", "hardware": "0.2"},
                           "carbon_reference_kgco2e_per_gpu_hour": "1", "water_reference_l_per_gpu_hour": "5",
                           "pue_worst": "2", "utilization_target_pct": "80"},
                 "alerts": {"consecutive_breaches": 3, "clear_after": 3, "hysteresis_pct": "5", "spike_window": 7,
                            "drift_baseline_window": 24, "drift_recent_window": 6,
                            "thresholds": {"carbon_intensity_max": "0.4", "carbon_intensity_spike": "1.25",
                                           "wue_max": "1.8", "water_per_gpu_hour_max": "2",
                                           "reclaimed_water_min": null, "pue_max": "1.5",
                                           "cooling_energy_pct_max": "30", "chiller_cop_min": "3",
                                           "sensor_drift": "3", "room_co2_max": "1000", "room_co2_critical": "5000",
                                           "room_temperature_max": "27", "room_temperature_critical": "32",
                                           "room_temperature_min": "18"}}}
                """;
        assertThat(s.toCanonicalJson()).isEqualTo(CanonicalJson.canonicalString(expected));
        assertThat(s.toCanonicalJson()).startsWith("{\"alerts\":{\"clear_after\":3,");
        assertThat(s.digest()).isEqualTo(CanonicalJson.sha256(s.toCanonicalJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(s.digest()).isNotEqualTo(MethodSettings.defaults().digest());
    }
}
