package org.ecocalc.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecocalc.core.TestRecords.energy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Engine;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

/** The manifest's hashes are exactly the ones docs/run-manifest.md specifies. */
class RunManifestTest {
    static final TelemetryRecord A = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
    static final TelemetryRecord B = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100");
    static final String D1 = "sha256:" + "1".repeat(64);
    static final String D2 = "sha256:" + "2".repeat(64);
    static final String D3 = "sha256:" + "3".repeat(64);

    @Test
    void theRunIdIsTheHashOfTheCanonicalManifestWithoutRunIdAndSignature() {
        RunManifest m = RunManifest.of("ecocalc", "9.9.9", D1, List.of(new FactorPackRef("p", "1.0.0", D2)), D2, D3);
        // Written out by hand from docs/run-manifest.md: RFC 8785 sorts the members by name.
        String canonical = "{\"activity_dataset\":\"" + D1 + "\",\"engine\":{\"name\":\"ecocalc\",\"version\":\"9.9.9\"},"
                + "\"factor_packs\":[{\"digest\":\"" + D2 + "\",\"id\":\"p\",\"version\":\"1.0.0\"}],"
                + "\"format\":\"ecocalc.manifest/1\",\"results\":\"" + D3 + "\",\"settings\":\"" + D2 + "\"}";
        assertThat(m.runId()).isEqualTo(CanonicalJson.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        // The signature covers the same members plus run_id.
        String signed = canonical.replace(",\"settings\"", ",\"run_id\":\"" + m.runId() + "\",\"settings\"");
        assertThat(new String(m.signingInput(), StandardCharsets.UTF_8)).isEqualTo(signed);
        assertThat(m.isRunIdConsistent()).isTrue();
    }

    @Test
    void theManifestOfAReportNamesItsFourHashes() {
        MethodSettings s = MethodSettings.builder().period(PeriodUnit.DAY).build();
        CalculationRun run = CalculationRun.compute(List.of(A, B), s);
        RunManifest m = run.manifest();
        assertThat(m.engineName()).isEqualTo(Engine.NAME);
        assertThat(m.engineVersion()).isEqualTo(Engine.VERSION);
        assertThat(m.activityDataset()).isEqualTo(run.report().dataset().digest());
        assertThat(m.settings()).isEqualTo(s.digest());
        assertThat(m.results()).isEqualTo(CanonicalJson.digest(ReportJson.toResultsJson(run.report())));
        assertThat(m.factorPacks()).isEmpty();
        assertThat(m.signature()).isNull();
    }

    @Test
    void anyChangeGivesAnotherRunId() {
        RunManifest m = RunManifest.of("ecocalc", "1", D1, List.of(), D2, D3);
        assertThat(List.of(RunManifest.of("ecocalc", "2", D1, List.of(), D2, D3),
                RunManifest.of("ecocalc", "1", D2, List.of(), D2, D3),
                RunManifest.of("ecocalc", "1", D1, List.of(new FactorPackRef("p", "1", D1)), D2, D3),
                RunManifest.of("ecocalc", "1", D1, List.of(), D3, D3),
                RunManifest.of("ecocalc", "1", D1, List.of(), D2, D2)))
                .extracting(RunManifest::runId).doesNotContain(m.runId()).doesNotHaveDuplicates();
    }

    @Test
    void packsAreListedInIdAndVersionOrderWhateverTheOrderGiven() {
        FactorPackRef a = new FactorPackRef("a", "1.0.0", D1);
        FactorPackRef b = new FactorPackRef("b", "1.0.0", D2);
        assertThat(RunManifest.of("e", "1", D1, List.of(b, a), D2, D3))
                .isEqualTo(RunManifest.of("e", "1", D1, List.of(a, b), D2, D3));
        assertThatThrownBy(() -> RunManifest.of("e", "1", D1, List.of(a, a), D2, D3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a@1.0.0");
    }

    @Test
    void jsonRoundTripWithAndWithoutSignature() {
        CalculationRun run = CalculationRun.compute(List.of(A, B), MethodSettings.defaults());
        assertThat(RunManifest.parse(run.manifest().toJson())).isEqualTo(run.manifest());
        CalculationRun signed = run.signedWith(SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(9)));
        assertThat(RunManifest.parse(signed.manifest().toJson())).isEqualTo(signed.manifest());
        // The run JSON is the report JSON plus a last member "manifest".
        String json = signed.toJson();
        String report = ReportJson.toJson(run.report());
        assertThat(json).startsWith(report.substring(0, report.length() - 3)).contains("\n  \"manifest\": {\n");
        CalculationRun back = CalculationRun.parse(json);
        assertThat(back.manifest()).isEqualTo(signed.manifest());
        assertThat(back.toJson()).isEqualTo(json);
        // Signing does not change the run id.
        assertThat(signed.runId()).isEqualTo(run.runId());
    }

    @Test
    void aDamagedManifestIsRefusedNamingTheMember() {
        String json = CalculationRun.compute(List.of(A), MethodSettings.defaults()).manifest().toJson();
        assertThatThrownBy(() -> RunManifest.parse(json.replace("\"results\": \"sha256:", "\"results\": \"md5:")))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MANIFEST));
        assertThatThrownBy(() -> RunManifest.parse(json.replace("\"run_id\"", "\"id\"")))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.getMessage()).contains("/id"));
        String noManifest = ReportJson.toJson(CalculationRun.compute(List.of(A), MethodSettings.defaults()).report());
        assertThatThrownBy(() -> CalculationRun.parse(noManifest))
                .isInstanceOfSatisfying(EcoCalcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REPORT));
    }
}
