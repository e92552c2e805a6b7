package org.ecocalc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.TestRecords.energy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ecocalc.core.audit.AuditEvent;
import org.ecocalc.core.audit.AuditLog;
import org.ecocalc.core.audit.AuditPack;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ecocalc writes conforms to the JSON Schemas it publishes in docs/schemas. */
class FormatSchemasTest {
    static Schema schema(String name) throws IOException {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ROOT).formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = FormatSchemasTest.class.getResourceAsStream("/org/ecocalc/core/schemas/" + name)) {
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    @Test
    void manifestsAuditLinesAndEvidenceManifestsMatchTheirSchemas(@TempDir Path dir) throws IOException {
        TelemetryRecord a = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
        Path in = Files.writeString(dir.resolve("in.jsonl"), TelemetryJson.toJson(a) + "\n");
        CalculationRun run = CalculationRun.compute(in, MethodSettings.defaults())
                .signedWith(SigningKey.generate(TestRecords.seededRandom(5)));
        assertThat(schema("run-manifest.v1.json").validate(run.manifest().toJson(), InputFormat.JSON)).isEmpty();
        assertThat(schema("run-manifest.v1.json").validate(run.manifest().withoutSignature().toJson(), InputFormat.JSON))
                .isEmpty();

        Path log = dir.resolve("a.jsonl");
        try (AuditLog l = AuditLog.open(log, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))) {
            l.append(AuditEvent.calculation("test", run));
        }
        Schema entry = schema("audit-log-entry.v1.json");
        for (String line : Files.readAllLines(log)) {
            assertThat(entry.validate(line, InputFormat.JSON)).isEmpty();
        }

        Path evidence = Files.writeString(dir.resolve("bill.pdf"), "pdf");
        byte[] zip = AuditPack.builder(run).inputs(in).evidence(List.of(evidence)).toBytes();
        String manifest = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals("evidence-manifest.json")) {
                    manifest = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(schema("evidence-manifest.v1.json").validate(manifest, InputFormat.JSON)).isEmpty();
    }
}
