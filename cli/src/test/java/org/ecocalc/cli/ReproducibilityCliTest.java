package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecocalc.cli.CliTest.Run;
import org.ecocalc.core.factor.FactorLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, report --sign/--audit-log, verify, explain, audit-pack and vectors, end to end. */
class ReproducibilityCliTest {
    /** Two hours of dc-1: facility 130 + 120 = 250 kWh, IT 100 + 100 = 200 kWh, so PUE 1.25 by hand. */
    static final String INPUT = """
            {"source_id":"dc-1-bms","external_event_id":"a","interval":{"start":"2026-06-01T00:00:00Z","end":"2026-06-01T01:00:00Z"},"facility_id":"dc-1","energy":{"facility":{"value":"130","unit":"kWh"},"it":{"value":"100","unit":"kWh"}}}
            {"source_id":"dc-1-bms","external_event_id":"b","interval":{"start":"2026-06-01T01:00:00Z","end":"2026-06-01T02:00:00Z"},"facility_id":"dc-1","energy":{"facility":{"value":"120","unit":"kWh"},"it":{"value":"100","unit":"kWh"}}}
            """;

    @TempDir
    Path dir;
    Path input;
    Path key;
    Path pub;
    Path report;

    static Run run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].toString();
        }
        return CliTest.run(a);
    }

    @BeforeEach
    void signedReport() throws IOException {
        input = Files.writeString(dir.resolve("in.jsonl"), INPUT, StandardCharsets.UTF_8);
        key = dir.resolve("key.pem");
        Run k = run("keygen", "--out", key);
        assertThat(k.code()).as(k.err()).isZero();
        pub = dir.resolve("key.pub.pem");
        assertThat(k.out()).contains("public key:  " + pub).contains("key id:      sha256:");
        report = dir.resolve("report.json");
        Run r = run("report", input, "--sign", key, "--out", report);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("run sha256:[0-9a-f]{64} \\(signed, key sha256:[0-9a-f]{64}\\)");
    }

    @Test
    void keygenNeverOverwritesAKey() throws IOException {
        String before = Files.readString(key);
        Run again = run("keygen", "--out", key);
        assertThat(again.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(again.err()).contains("exists; keygen never overwrites a key");
        assertThat(Files.readString(key)).isEqualTo(before);
    }

    @Test
    void anUnchangedReportVerifies() {
        Run v = run("verify", report, "--inputs", input, "--public-key", pub);
        assertThat(v.code()).as(v.out()).isZero();
        // One check per pack on the class path (the command loads factor-packs), plus the asset registry and
        // overrides: the count follows the packs shipped, so every line is checked to be "ok" instead.
        assertThat(v.out()).contains("ok    activity_dataset  sha256:").contains("ok    signature  Ed25519 by sha256:")
                .contains("ok    factor_packs us-epa-egrid2023@1.0.0  sha256:").contains("ok    asset_registry  (none)")
                .contains("ok    factor_overrides  (none)").doesNotContain("DIFF")
                // 10 checks plus one per shipped factor pack.
                .contains("reproduced: run ").contains(" (" + (10 + FactorLibrary.fromClasspath(
                        ReproducibilityCliTest.class.getClassLoader()).packs().size()) + " checks)");
        assertThat(v.out().lines().filter(l -> !l.startsWith("reproduced:"))).allMatch(l -> l.startsWith("ok    "));
    }

    @Test
    void aChangedInputIsReportedAndExitsOne() throws IOException {
        Files.writeString(input, INPUT.replace("\"130\"", "\"131\""));
        Run v = run("verify", report, "--inputs", input);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        // PUE by hand: claimed 250 / 200 = 1.25, recomputed 251 / 200 = 1.255.
        assertThat(v.out()).contains("DIFF  activity_dataset: expected sha256:")
                .contains("DIFF  results: total efficiency.pue value: expected 1.25, actual 1.255")
                .contains("skip  signature").containsPattern("NOT reproduced: \\d+ differences");
    }

    @Test
    void aTamperedSignatureIsReported() throws IOException {
        String json = Files.readString(report);
        int at = json.indexOf("\"value\": \"", json.indexOf("\"signature\"")) + "\"value\": \"".length();
        char c = json.charAt(at);
        Files.writeString(report, json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1));
        Run v = run("verify", report, "--inputs", input, "--public-key", pub);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("DIFF  signature").contains("NOT reproduced: 1 difference");
    }

    @Test
    void verifyingAReportNeedsItsInputs() {
        Run v = run("verify", report);
        assertThat(v.code()).isEqualTo(Main.USAGE);
        assertThat(v.err()).contains("--inputs");
    }

    @Test
    void explainPrintsThePanel() {
        Run e = run("explain", report, "efficiency.pue");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("efficiency.pue: 1.25").contains("Formula       E_facility / E_IT")
                .contains("/energy/facility  Σ 250 kWh  (2 records)").contains("dc-1-bms/a").contains("dc-1-bms/b")
                .contains("wue_basis = withdrawal").containsPattern("Run           sha256:[0-9a-f]{64}")
                .startsWith("┌");
        Run unknown = run("explain", report, "efficiency.puee");
        assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).contains("did you mean efficiency.pue").contains("[unknown_metric]");
    }

    @Test
    void anAuditPackIsWrittenTheSameTwiceAndVerifies() throws IOException {
        Path evidence = Files.writeString(dir.resolve("meter.csv"), "m1,250\n");
        Path pack = dir.resolve("pack.zip");
        Run a = run("audit-pack", report, "--inputs", input, "--out", pack, "--evidence", evidence);
        assertThat(a.code()).as(a.err()).isZero();
        byte[] first = Files.readAllBytes(pack);
        run("audit-pack", report, "--inputs", input, "--out", pack, "--evidence", evidence);
        assertThat(Files.readAllBytes(pack)).isEqualTo(first);
        Run v = run("verify", pack, "--public-key", pub);
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(v.out()).contains("ok    checksums").contains("ok    evidence  1 files");
    }

    @Test
    void theAuditLogIsAppendedAndVerified() throws IOException {
        Path log = dir.resolve("audit.jsonl");
        assertThat(run("report", input, "--audit-log", log).code()).isZero();
        assertThat(run("report", input, "--audit-log", log).code()).isZero();
        // Two runs of two records: 2 × (2 ingest_accepted + 1 calculation) lines.
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(6);
        assertThat(run("verify", log).out()).startsWith("intact: 6 lines, head sha256:");
        Files.write(log, List.of(lines.get(0), lines.get(2), lines.get(1), lines.get(3), lines.get(4), lines.get(5)));
        Run v = run("verify", log);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("DIFF  line 2:").contains("NOT intact");
    }

    @Test
    void vectorsRunsAFolderAndSaysHowManyPassed() throws IOException {
        Run all = run("vectors", Path.of("..", "test-vectors", "vectors"));
        assertThat(all.code()).as(all.out()).isZero();
        assertThat(all.out()).containsPattern("^\\d+ passed, 0 failed\\s*$");
        Path bad = Files.createDirectory(dir.resolve("vectors"));
        Files.writeString(bad.resolve("wrong.json"), "{\"format\":\"ecocalc.test-vector/1\",\"name\":\"wrong\",\"category\":"
                + "\"metric\",\"description\":\"PUE by hand: 250 / 200 = 1.25, here deliberately wrong.\",\"expected_from\":"
                + "\"hand\",\"input_text\":" + org.ecocalc.cli.ReproducibilityCliTest.quote(INPUT) + ",\"input_format\":\"jsonl\","
                + "\"expected\":{\"metrics\":{\"efficiency.pue\":\"1.3\"}}}");
        Run one = run("vectors", bad);
        assertThat(one.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(one.out()).isEqualTo("FAIL wrong: total efficiency.pue: expected 1.3, got 1.25\n0 passed, 1 failed\n");
    }

    @Test
    void vectorsRunsAlertScenarioAndValidationVectorsAndReportsEachWrongValue() throws IOException {
        for (String kind : List.of("alert", "scenario", "report_validation")) {
            Run r = run("vectors", Path.of("..", "test-vectors", "vectors", kind));
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).as(kind).containsPattern("^[1-9]\\d* passed, 0 failed\\s*$");
        }
        // One wrong value in a vector of each kind: one FAIL line each. By hand: a CO2 reading of 1200 ppm with
        // consecutive_breaches 1 raises room_co2_max (1000) with observed 1200, not 1250; two hours of 250 kWh facility
        // and 200 kWh IT energy, not annualised, give PUE 250 / 200 = 1.25, not 1.3; text that is not JSON is invalid.
        Path bad = Files.createDirectory(dir.resolve("operations"));
        String head = "{\"format\":\"ecocalc.test-vector/1\",\"expected_from\":\"hand\",";
        Files.writeString(bad.resolve("a.json"), head + "\"name\":\"a\",\"category\":\"alert\",\"input_kind\":\"alert\","
                + "\"description\":\"By hand: 1200 > 1000, here deliberately wrong.\",\"input\":[{\"sensor_id\":\"s-1\","
                + "\"facility_id\":\"dc-1\",\"observed_at\":\"2026-06-01T00:00:00Z\",\"kind\":\"co2\",\"value\":\"1200\","
                + "\"unit\":\"ppm\"}],\"settings\":{\"alerts\":{\"consecutive_breaches\":1}},\"expected\":{\"alerts\":"
                + "[{\"rule\":\"room_co2_max\",\"severity\":\"warning\",\"metric\":\"sensor.co2_ppm\",\"observed\":\"1250\","
                + "\"threshold\":\"1000\",\"facility_id\":\"dc-1\",\"interval\":{\"start\":\"2026-06-01T00:00:00Z\","
                + "\"end\":\"2026-06-01T00:00:00Z\"}}]}}");
        Files.writeString(bad.resolve("s.json"), head + "\"name\":\"s\",\"category\":\"scenario\",\"input_kind\":"
                + "\"scenario\",\"description\":\"By hand: 250 / 200 = 1.25, here deliberately wrong.\",\"input_text\":"
                + quote(INPUT) + ",\"input_format\":\"jsonl\",\"scenario\":{\"format\":\"ecocalc.scenario/1\",\"years\":1,"
                + "\"annualise\":false,\"scenarios\":[{\"name\":\"same\"}]},\"expected\":{\"simulation\":{\"baseline\":"
                + "{\"years\":[{\"year\":0,\"pue\":\"1.3\"},{\"year\":1}]}}}}");
        Files.writeString(bad.resolve("v.json"), head + "\"name\":\"v\",\"category\":\"report_validation\","
                + "\"input_kind\":\"report_validation\",\"description\":\"Not JSON is invalid, here deliberately wrong.\","
                + "\"input_text\":\"{\",\"expected\":{\"validation\":{\"valid\":true,\"findings\":[]}}}");
        Run r = run("vectors", bad);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEqualTo("FAIL a: alert 0 /observed: expected 1250, got 1200\n"
                + "FAIL s: simulation /baseline/years/0/pue: expected 1.3, got 1.25\n"
                + "FAIL v: validation /valid: expected true, got false\n"
                + "FAIL v: findings: expected [], got [error not_json at \"\"]\n"
                + "0 passed, 3 failed\n");
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
