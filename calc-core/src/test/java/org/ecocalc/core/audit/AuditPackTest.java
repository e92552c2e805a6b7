package org.ecocalc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecocalc.core.TestRecords.energy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.Verification.Check;
import org.ecocalc.core.manifest.Verification.Status;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPackTest {
    static final List<TelemetryRecord> RECORDS = List.of(
            energy("dc-2", "c", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z", "300", "200"),
            energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100"),
            energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100"));
    static final MethodSettings SETTINGS = MethodSettings.builder().period(PeriodUnit.DAY).build();
    static final SigningKey KEY = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(21));
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;
    Path inputs;
    Path invoice;
    Path meter;
    Path log;
    CalculationRun run;

    @BeforeEach
    void setUp() throws IOException {
        inputs = write("in.jsonl", RECORDS);
        invoice = Files.writeString(dir.resolve("invoice-2026-01.pdf"), "%PDF-1.4 pretend invoice\n");
        meter = Files.writeString(dir.resolve("meter-readings.csv"), "meter,kwh\nm1,550\n");
        run = CalculationRun.compute(inputs, SETTINGS).signedWith(KEY);
        log = dir.resolve("audit.jsonl");
        try (AuditLog l = AuditLog.open(log, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))) {
            l.append(AuditEvent.calculation("test", run));
        }
    }

    private Path write(String name, List<TelemetryRecord> records) throws IOException {
        StringBuilder b = new StringBuilder();
        for (TelemetryRecord r : records) {
            b.append(TelemetryJson.toJson(r)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b, StandardCharsets.UTF_8);
    }

    private byte[] pack() {
        return AuditPack.builder(run).inputs(inputs).evidence(List.of(meter, invoice)).auditLog(log).toBytes();
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void theLayoutIsTheSeedPlaybooksAndEveryChecksumHolds() throws Exception {
        Map<String, byte[]> e = entries(pack());
        assertThat(e.keySet()).containsExactly("README.md", "run-manifest.json", "report.json", "activity-data.csv",
                "activity-data.json", "factors-used.csv", "factor-citations.json", "methodology-config.json",
                "calculation-results.csv", "change-log.csv", "audit-log.jsonl", "evidence-manifest.json",
                "evidence/invoice-2026-01.pdf", "evidence/meter-readings.csv", "checksums.sha256");
        // checksums.sha256 as sha256sum writes it: every other file, sorted by name, checked here with the JDK's SHA-256.
        String[] lines = new String(e.get("checksums.sha256"), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(e.size() - 1);
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String name = line.substring(66);
            names.add(name);
            assertThat(line.substring(0, 64)).isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(e.get(name))));
        }
        assertThat(names).isSorted();
        // The evidence manifest lists each file named on the command line with its SHA-256 and size.
        String evidence = new String(e.get("evidence-manifest.json"), StandardCharsets.UTF_8);
        assertThat(evidence).contains("\"name\": \"invoice-2026-01.pdf\"").contains("\"path\": \"evidence/invoice-2026-01.pdf\"")
                .contains("\"sha256\": \"sha256:" + HEX.formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(invoice))) + "\"")
                .contains("\"bytes\": " + Files.size(invoice)).contains(run.runId());
        assertThat(e.get("evidence/meter-readings.csv")).isEqualTo(Files.readAllBytes(meter));
        // The activity data: three records in key order (dc-1-bms/a, dc-1-bms/b, dc-2-bms/c).
        String csv = new String(e.get("activity-data.csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv.split("\r\n")[1]).startsWith("dc-1-bms,a,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,,,dc-1,");
        assertThat(csv.split("\r\n")[0]).contains(",energy.facility_kwh,energy.it_kwh,").contains(",compute.gpu_hours,");
        // The results CSV: one line per metric of each of the 2 day groups, 2 facilities and the total.
        String results = new String(e.get("calculation-results.csv"), StandardCharsets.UTF_8);
        int metrics = org.ecocalc.core.report.Metric.values().length;
        assertThat(results.split("\r\n")).hasSize(1 + 5 * metrics);
        // (130 + 120 + 300) / (100 + 100 + 200) = 1.375
        assertThat(results).contains("total,,,,efficiency.pue,1.375,1,,3\r\n");
        assertThat(new String(e.get("change-log.csv"), StandardCharsets.UTF_8)).contains(",calculation,test,");
        assertThat(new String(e.get("README.md"), StandardCharsets.UTF_8)).contains(run.runId()).contains("sha256sum -c");
        assertThat(new String(e.get("report.json"), StandardCharsets.UTF_8)).isEqualTo(run.toJson());
    }

    @Test
    void theSameRunGivesTheSameBytesWhateverTheInputOrder() throws IOException {
        byte[] first = pack();
        assertThat(pack()).isEqualTo(first);
        List<TelemetryRecord> shuffled = new ArrayList<>(RECORDS);
        Collections.shuffle(shuffled, new Random(5));
        Path other = write("other-order.jsonl", shuffled);
        CalculationRun again = CalculationRun.compute(other, SETTINGS).signedWith(KEY);
        assertThat(again.toJson()).isEqualTo(run.toJson());
        byte[] second = AuditPack.builder(again).inputs(other).evidence(List.of(invoice, meter)).auditLog(log).toBytes();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anIntactPackIsReproduced() {
        Verification v = AuditPackVerifier.withKey(KEY.verificationKey()).verify(new ByteArrayInputStream(pack()));
        assertThat(v.isReproduced()).as(v.checks().toString()).isTrue();
        assertThat(v.checks()).extracting(Check::name).contains("checksums", "evidence", "audit log", "run-manifest.json",
                "activity_dataset", "results", "run_id", "signature");
        assertThat(v.runId()).isEqualTo(run.runId());
    }

    @Test
    void aChangedFileIsDetectedByItsChecksum() throws IOException {
        Map<String, byte[]> e = entries(pack());
        e.put("evidence/invoice-2026-01.pdf", "%PDF-1.4 another invoice\n".getBytes(StandardCharsets.UTF_8));
        Verification v = AuditPackVerifier.withKey(null).verify(new ByteArrayInputStream(ZipBytes.write(e)));
        assertThat(v.differences()).extracting(Check::name)
                .containsExactly("checksum evidence/invoice-2026-01.pdf", "evidence invoice-2026-01.pdf");
    }

    @Test
    void changedActivityDataWithRecomputedChecksumsIsDetectedByTheRecalculation() throws IOException {
        Map<String, byte[]> e = entries(pack());
        String json = new String(e.get("activity-data.json"), StandardCharsets.UTF_8);
        e.put("activity-data.json", json.replace("\"value\":\"300\"", "\"value\":\"310\"").getBytes(StandardCharsets.UTF_8));
        e.remove(AuditPack.CHECKSUMS);
        e.put(AuditPack.CHECKSUMS, AuditPack.checksums(e).getBytes(StandardCharsets.UTF_8));
        Verification v = AuditPackVerifier.withKey(null).verify(new ByteArrayInputStream(ZipBytes.write(e)));
        assertThat(v.differences()).extracting(Check::name).contains("activity_dataset", "results", "run_id",
                "results: total efficiency.pue value");
        assertThat(v.differences()).noneMatch(c -> c.name().startsWith("checksum"));
    }

    @Test
    void aMissingOrAddedFileIsDetected() throws IOException {
        Map<String, byte[]> e = entries(pack());
        e.remove("factors-used.csv");
        e.put("extra.txt", new byte[] {1});
        Verification v = AuditPackVerifier.withKey(null).verify(new ByteArrayInputStream(ZipBytes.write(e)));
        assertThat(v.differences()).extracting(Check::name).containsExactly("checksum factors-used.csv", "checksum extra.txt");
    }

    @Test
    void inputsOtherThanTheRunsAreRefused() throws IOException {
        Path other = write("other.jsonl", RECORDS.subList(0, 2));
        assertThatThrownBy(() -> AuditPack.builder(run).inputs(other).toBytes())
                .isInstanceOfSatisfying(EcoCalcException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.AUDIT_PACK_INVALID);
                    assertThat(ex.getMessage()).contains("not those of the run");
                });
        Path copy = Files.createDirectory(dir.resolve("sub")).resolve(invoice.getFileName());
        Files.copy(invoice, copy);
        assertThatThrownBy(() -> AuditPack.builder(run).inputs(inputs).evidence(List.of(invoice, copy)).toBytes())
                .hasMessageContaining("two evidence files are named invoice-2026-01.pdf");
    }

    @Test
    void csvCellsAreQuotedAndFormulaSafe() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Status.values()).hasSize(3);
    }
}
