package org.ecocalc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.TestRecords.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestAuditorTest {
    @Test
    void aReadIsLoggedRecordByRecordThenTheCalculation(@TempDir Path dir) throws IOException {
        TelemetryRecord a = energy("dc-1", "a", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "130", "100");
        TelemetryRecord b = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "120", "100");
        TelemetryRecord b2 = energy("dc-1", "b", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", "999", "100");
        Path in = dir.resolve("in.jsonl");
        String bad = TelemetryJson.toJson(a).replace("\"kWh\"", "\"kwh\"").replace("\"a\"", "\"c\"");
        Files.writeString(in, String.join("\n", TelemetryJson.toJson(a), TelemetryJson.toJson(a), bad,
                TelemetryJson.toJson(b), TelemetryJson.toJson(b2)) + "\n");
        Path file = dir.resolve("audit.jsonl");
        CalculationRun run = CalculationRun.compute(in, MethodSettings.defaults());
        try (AuditLog log = AuditLog.open(file, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))) {
            TelemetryReader.standard().read(in, new IngestAuditor(log, "cli"));
            log.append(AuditEvent.calculation("cli", run));
        }
        List<AuditEntry> entries = AuditLog.read(file);
        // a accepted; a again: duplicate; the bad line: rejected (unknown unit, once per problem: two
        // amounts use "kwh"); b accepted; b2: rejected as a conflict; then the calculation.
        assertThat(entries).extracting(e -> e.event().type().id()).containsExactly("ingest_accepted",
                "duplicate_rejected", "ingest_rejected", "ingest_rejected", "ingest_accepted", "ingest_rejected",
                "calculation");
        assertThat(entries.get(2).event().data()).containsEntry("code", "unknown_unit").containsEntry("source", "in.jsonl")
                .containsEntry("index", "2");
        assertThat(entries.get(5).event().data()).containsEntry("code", "conflicting_duplicate").containsEntry("key", "dc-1-bms/b");
        assertThat(entries.get(6).event().data()).containsEntry("run_id", run.runId());
    }
}
