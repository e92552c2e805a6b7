package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecocalc.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ecocalc validate, ecocalc attest and ecocalc verify --attestation, end to end on the example data. */
class ValidateAttestCliTest {
    static final Path ASSETS = CliTest.EXAMPLE.resolveSibling("assets.json");

    @TempDir
    static Path dir;
    /** The benchmark week per day, with the class-path packs and the example assets (ecocalc report --out). */
    static Path report;
    static String reportText;
    static Path key;
    static Path pub;
    static Path otherPub;
    /** An attestation of {@link #report} by {@link #key}. */
    static Path attestation;

    static Run run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].toString();
        }
        return CliTest.run(a);
    }

    @BeforeAll
    static void reportKeysAndAttestation() throws IOException {
        report = dir.resolve("report.json");
        Run r = run("report", CliTest.EXAMPLE, "--period", "day", "--assets", ASSETS, "--out", report);
        assertThat(r.code()).as(r.err()).isZero();
        reportText = Files.readString(report);
        key = dir.resolve("key.pem");
        assertThat(run("keygen", "--out", key).code()).isZero();
        pub = dir.resolve("key.pub.pem");
        assertThat(run("keygen", "--out", dir.resolve("other.pem")).code()).isZero();
        otherPub = dir.resolve("other.pub.pem");
        attestation = dir.resolve("report.attestation.json");
        Run a = run("attest", report, "--key", key, "--by", "J. Auditor", "--statement", "Reviewed against the meters.",
                "--out", attestation);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("validated: 0 errors, 0 warnings, 9 infos").contains("report:    sha256:")
                .contains("attestation written to " + attestation);
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ validate

    @Test
    void aRealReportIsValid() {
        Run v = run("validate", report);
        assertThat(v.code()).as(v.out()).isZero();
        // Infos: the data set is not checked without the inputs (1), and fra-1's location-based Scope 2
        // rests on its own time-of-use intensities in each of its 7 days and its facility total (8).
        assertThat(v.out()).contains("info    activity_dataset_not_checked /manifest/activity_dataset")
                .contains("info    carbon_factor_from_inputs /results/0/carbon/carbon.scope2_location_kgco2e")
                .endsWith("valid: 0 errors, 0 warnings, 9 infos\n");
        Run json = run("validate", report, "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode n = JsonMapper.builder().build().readTree(json.out());
        assertThat(n.get("format").stringValue()).isEqualTo("ecocalc.validation/1");
        assertThat(n.get("valid").booleanValue()).isTrue();
        assertThat(n.at("/counts/info").intValue()).isEqualTo(9);
    }

    @Test
    void anEditedReportIsInvalidAndExitsOne() throws IOException {
        // fra-1's PUE on 2 March is 30,120 / 23,000 = 1.3095652173913043478260869565217391… (examples/data/README.md);
        // claim 0.99: below the physical floor, and the results no longer match the manifest's hash.
        String edited = reportText.replaceFirst("\"value\": \"1\\.309565217391304347826086956521739\"",
                "\"value\": \"0.99\"");
        assertThat(edited).isNotEqualTo(reportText);
        Run v = run("validate", write("edited.json", edited));
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("error   pue_below_one /results/0/efficiency/efficiency.pue/value: PUE 0.99 is below 1")
                .contains("error   manifest_results_mismatch /manifest/results")
                .endsWith("INVALID: 2 errors, 0 warnings, 9 infos\n");
        Run json = run("validate", dir.resolve("edited.json"), "--format", "JSON");
        assertThat(json.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(json.out()).contains("\"valid\": false").contains("\"code\": \"pue_below_one\"");
    }

    @Test
    void validateUsageAndMissingFiles() {
        assertThat(run("validate", report, "--format", "xml").code()).isEqualTo(Main.USAGE);
        assertThat(run("validate").code()).isEqualTo(Main.USAGE);
        Run missing = run("validate", dir.resolve("nope.json"));
        assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("no such file").doesNotContain("at org.");
    }

    // ------------------------------------------------------------------ attest

    @Test
    void theAttestationNamesTheReportTheSignerAndTheStatement() throws IOException {
        JsonNode a = JsonMapper.builder().build().readTree(Files.readString(attestation));
        assertThat(a.get("format").stringValue()).isEqualTo("ecocalc.attestation/1");
        assertThat(a.get("attested_by").stringValue()).isEqualTo("J. Auditor");
        assertThat(a.get("statement").stringValue()).isEqualTo("Reviewed against the meters.");
        assertThat(a.at("/signature/algorithm").stringValue()).isEqualTo("Ed25519");
        assertThat(a.get("report_digest").stringValue()).matches("sha256:[0-9a-f]{64}");
        // The key never appears in the output, only its id.
        assertThat(Files.readString(attestation)).doesNotContain("PRIVATE");
    }

    @Test
    void attestNeverOverwritesAndRefusesAnInvalidReport() throws IOException {
        String before = Files.readString(attestation);
        Run again = run("attest", report, "--key", key, "--out", attestation);
        assertThat(again.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(again.err()).contains("exists; attest never overwrites");
        assertThat(Files.readString(attestation)).isEqualTo(before);

        Path invalid = write("invalid.json", reportText.replaceFirst("\"scope2_method\": \"both\"",
                "\"scope2_method\": \"hybrid\""));
        Path out = dir.resolve("invalid.attestation.json");
        Run r = run("attest", invalid, "--key", key, "--out", out);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("schema_violation /settings/scope2_method").contains("not a valid report");
        assertThat(out).doesNotExist();
        assertThat(run("attest", report, "--out", out).code()).isEqualTo(Main.USAGE);
    }

    // ------------------------------------------------------------------ verify --attestation

    @Test
    void theAttestedReportVerifies() {
        Run v = run("verify", report, "--attestation", attestation, "--public-key", pub);
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(v.out()).contains("ok    attestation report_digest  sha256:")
                .contains("ok    attestation signature  Ed25519 by sha256:").contains("(J. Auditor)")
                .containsPattern("attested: report sha256:[0-9a-f]{64} by key sha256:[0-9a-f]{64} \\(J. Auditor\\) "
                        + "\\(2 checks\\)");
    }

    @Test
    void aChangedByteOfTheReportIsDetected() throws IOException {
        // One digit of one value: fra-1's withdrawal on 2 March, 54,400 L, becomes 54,401 L.
        String changed = reportText.replaceFirst("\"value\": \"54400\"", "\"value\": \"54401\"");
        assertThat(changed).isNotEqualTo(reportText);
        Run v = run("verify", write("changed.json", changed), "--attestation", attestation, "--public-key", pub);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("DIFF  attestation report_digest: expected sha256:")
                .contains("the report is not the one attested").contains("ok    attestation signature")
                .contains("NOT attested: 1 difference");
    }

    @Test
    void anotherKeyIsDetected() {
        Run v = run("verify", report, "--attestation", attestation, "--public-key", otherPub);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("DIFF  attestation signature").contains("signed by another key");
    }

    @Test
    void anEditedAttestationIsDetected() throws IOException {
        Path edited = write("edited.attestation.json", Files.readString(attestation)
                .replace("Reviewed against the meters.", "Reviewed and approved."));
        Run v = run("verify", report, "--attestation", edited, "--public-key", pub);
        assertThat(v.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(v.out()).contains("ok    attestation report_digest")
                .contains("DIFF  attestation signature: expected a valid signature by sha256:")
                .contains("the attestation or its signature was changed after signing");
        Path broken = write("broken.attestation.json", Files.readString(attestation).replace("\"format\"", "\"formt\""));
        Run b = run("verify", report, "--attestation", broken, "--public-key", pub);
        assertThat(b.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(b.err()).contains("invalid attestation at /").contains("[invalid_attestation]");
    }

    @Test
    void withInputsTooBothTheRunAndTheAttestationAreChecked() {
        Run v = run("verify", report, "--inputs", CliTest.EXAMPLE, "--assets", ASSETS, "--attestation", attestation,
                "--public-key", pub);
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(v.out()).contains("ok    results  sha256:").contains("skip  signature  (not signed)")
                .contains("ok    attestation signature")
                .containsPattern("reproduced and attested: run sha256:[0-9a-f]{64} \\(\\d+ checks\\)");
    }

    @Test
    void verifyUsage() {
        // An attestation needs the attester's key; a report needs inputs or an attestation.
        Run noKey = run("verify", report, "--attestation", attestation);
        assertThat(noKey.code()).isEqualTo(Main.USAGE);
        assertThat(noKey.err()).contains("needs --public-key");
        Run nothing = run("verify", report);
        assertThat(nothing.code()).isEqualTo(Main.USAGE);
        assertThat(nothing.err()).contains("--inputs").contains("--attestation");
        assertThat(run("verify", dir.resolve("log.jsonl"), "--attestation", attestation, "--public-key", pub).code())
                .isEqualTo(Main.USAGE);
    }
}
