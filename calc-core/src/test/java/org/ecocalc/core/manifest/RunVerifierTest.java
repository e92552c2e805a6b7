package org.ecocalc.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.TestRecords.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.manifest.Verification.Check;
import org.ecocalc.core.manifest.Verification.Status;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of change to a run or its inputs is detected, and named. */
class RunVerifierTest {
    // Two facilities, two days. Day totals by hand: dc-1 2026-01-01 facility 130 + 120 = 250 kWh, IT 200 kWh.
    static final List<TelemetryRecord> RECORDS = List.of(
            energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100"),
            energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100"),
            energy("dc-2", "c", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z", "300", "200"));
    static final MethodSettings DAILY = MethodSettings.builder().period(PeriodUnit.DAY).build();
    static final SigningKey KEY = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(11));

    @TempDir
    Path dir;
    Path inputs;
    String json;

    @BeforeEach
    void write() throws IOException {
        inputs = dir.resolve("inputs.jsonl");
        StringBuilder b = new StringBuilder();
        for (TelemetryRecord r : RECORDS) {
            b.append(TelemetryJson.toJson(r)).append('\n');
        }
        Files.writeString(inputs, b, StandardCharsets.UTF_8);
        json = CalculationRun.compute(inputs, DAILY).signedWith(KEY).toJson();
    }

    private Verification verify(String runJson, Path in) {
        return RunVerifier.builder().verificationKey(KEY.verificationKey()).build().verify(CalculationRun.parse(runJson), in);
    }

    @Test
    void anUnchangedRunIsReproducedAndEveryCheckIsListed() {
        Verification v = verify(json, inputs);
        assertThat(v.isReproduced()).as(v.checks().toString()).isTrue();
        assertThat(v.checks()).extracting(Check::name).containsExactly("manifest run_id", "engine", "factor_packs",
                "asset_registry", "factor_overrides", "activity_dataset", "settings", "results", "report body", "run_id", "signature");
        assertThat(v.checks()).extracting(Check::status).containsOnly(Status.OK);
    }

    @Test
    void aChangedInputByteIsDetected() throws IOException {
        // 300 kWh -> 301 kWh in dc-2's record: the data set and the results change.
        String text = Files.readString(inputs);
        Files.writeString(inputs, text.replace("\"value\":\"300\"", "\"value\":\"301\""));
        Verification v = verify(json, inputs);
        assertThat(v.isReproduced()).isFalse();
        assertThat(names(v)).contains("activity_dataset", "results", "run_id",
                "results: dc-2 2026-01-02T00:00:00Z..2026-01-03T00:00:00Z efficiency.pue value",
                "results: total activity.energy_facility_kwh value");
        // Expected and actual values are given: dc-2 PUE 300 / 200 = 1.5 claimed, 301 / 200 = 1.505 recomputed.
        assertThat(v.differences()).filteredOn(c -> c.name().endsWith("dc-2 2026-01-02T00:00:00Z..2026-01-03T00:00:00Z efficiency.pue value"))
                .singleElement().satisfies(c -> {
                    assertThat(c.expected()).isEqualTo("1.5");
                    assertThat(c.actual()).isEqualTo("1.505");
                });
    }

    @Test
    void aChangedSettingIsDetected() {
        Verification v = verify(json.replace("\"unit\": \"day\"", "\"unit\": \"month\""), inputs);
        assertThat(names(v)).contains("settings", "results", "run_id");
        // Monthly grouping: the daily groups are missing from the recomputation, a monthly one is extra.
        assertThat(names(v)).contains("results: dc-1 2026-01-01T00:00:00Z..2026-01-02T00:00:00Z",
                "results: dc-1 2026-01-01T00:00:00Z..2026-02-01T00:00:00Z");
    }

    @Test
    void aChangedResultIsDetectedAndNamed() {
        // The total PUE: (130 + 120 + 300) / (100 + 100 + 200) = 550 / 400 = 1.375.
        assertThat(json).contains("\"value\": \"1.375\"");
        Verification v = verify(json.replace("\"value\": \"1.375\"", "\"value\": \"1.374\""), inputs);
        assertThat(v.differences()).extracting(Check::toString)
                .contains("DIFFERENT results: total efficiency.pue value: expected 1.374, actual 1.375");
        // The manifest's own results hash still matches the recomputation: the report body was edited.
        assertThat(v.checks()).filteredOn(c -> c.name().equals("results")).singleElement()
                .extracting(Check::status).isEqualTo(Status.OK);
    }

    @Test
    void aChangedManifestHashIsDetected() {
        CalculationRun run = CalculationRun.parse(json);
        String results = run.manifest().results();
        String forged = json.replace("\"results\": \"" + results + "\"", "\"results\": \"sha256:" + "0".repeat(64) + "\"");
        Verification v = verify(forged, inputs);
        assertThat(names(v)).contains("manifest run_id", "results", "signature");
        assertThat(v.differences()).filteredOn(c -> c.name().equals("results")).singleElement()
                .extracting(Check::detail).asString().contains("the manifest's results hash was changed");
    }

    @Test
    void aChangedSignatureIsDetected() {
        String sig = CalculationRun.parse(json).manifest().signature().value();
        byte[] bytes = Base64.getDecoder().decode(sig);
        bytes[10] ^= 1;
        Verification v = verify(json.replace(sig, Base64.getEncoder().encodeToString(bytes)), inputs);
        assertThat(names(v)).containsExactly("signature");
        assertThat(v.differences().get(0).detail()).contains("changed after signing");
    }

    @Test
    void anotherKeyOrNoSignatureIsDetected() {
        SigningKey other = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(12));
        CalculationRun run = CalculationRun.parse(json);
        Verification byOther = verify(new CalculationRun(run.report(), other.sign(run.manifest())).toJson(), inputs);
        assertThat(byOther.differences()).extracting(Check::detail).containsExactly("signed by another key");
        Verification unsigned = verify(new CalculationRun(run.report(), run.manifest().withoutSignature()).toJson(), inputs);
        assertThat(unsigned.differences()).extracting(Check::actual).containsExactly("not signed");
        // Without a public key the signature is not checked, and says so.
        Verification noKey = RunVerifier.standard().verify(run, inputs);
        assertThat(noKey.isReproduced()).isTrue();
        assertThat(noKey.checks().get(noKey.checks().size() - 1).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aRemovedRecordChangesTheBodyToo() throws IOException {
        List<String> lines = Files.readAllLines(inputs);
        Files.write(inputs, lines.subList(0, 2));
        Verification v = verify(json, inputs);
        assertThat(names(v)).contains("activity_dataset", "report /dataset/records", "results: dc-2",
                "results: dc-2 2026-01-02T00:00:00Z..2026-01-03T00:00:00Z");
    }

    private static List<String> names(Verification v) {
        return v.differences().stream().map(Check::name).toList();
    }
}
