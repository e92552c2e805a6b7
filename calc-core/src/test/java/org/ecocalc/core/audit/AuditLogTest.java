package org.ecocalc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static AuditEvent event(int i) {
        return AuditEvent.ingestAccepted("test", IdempotencyKey.of("src", "e" + i), "sha256:" + "ab".repeat(32), "in.json");
    }

    private Path logWith(int n) {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            for (int i = 1; i <= n; i++) {
                log.append(event(i), T0.plusSeconds(i));
            }
        }
        return file;
    }

    @Test
    void eachLineIsCanonicalJsonChainedToTheLineBefore() throws IOException {
        Path file = logWith(2);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        // Written out by hand from docs/audit-log.md: RFC 8785 member order, hash over the line without "hash".
        String withoutHash = "{\"actor\":\"test\",\"data\":{\"key\":\"src/e1\",\"record_digest\":\"sha256:" + "ab".repeat(32)
                + "\",\"source\":\"in.json\"},\"event\":\"ingest_accepted\",\"prev\":\"" + AuditEntry.GENESIS
                + "\",\"seq\":1,\"time\":\"2026-11-23T10:00:01Z\"}";
        String hash1 = CanonicalJson.sha256(withoutHash.getBytes(StandardCharsets.UTF_8));
        assertThat(lines.get(0)).isEqualTo(withoutHash.replace(",\"prev\"", ",\"hash\":\"" + hash1 + "\",\"prev\""));
        assertThat(lines.get(1)).contains("\"prev\":\"" + hash1 + "\"").contains("\"seq\":2");
        AuditLogVerification v = AuditLog.verify(file);
        assertThat(v.isIntact()).isTrue();
        assertThat(v.lines()).isEqualTo(2);
        assertThat(v.head()).isEqualTo(AuditLog.read(file).get(1).hash());
    }

    @Test
    void theClockTimestampsEventsWithoutAnExplicitTime() {
        Path file = dir.resolve("a.jsonl");
        Clock ticking = Clock.offset(CLOCK, Duration.ofMinutes(5));
        try (AuditLog log = AuditLog.open(file, ticking)) {
            assertThat(log.append(event(1)).time()).isEqualTo(T0.plusSeconds(300));
        }
    }

    @Test
    void openingAnExistingLogAppendsAndNeverRewrites() throws IOException {
        Path file = logWith(3);
        byte[] before = Files.readAllBytes(file);
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.append(event(4)).seq()).isEqualTo(4);
        }
        byte[] after = Files.readAllBytes(file);
        assertThat(after.length).isGreaterThan(before.length);
        assertThat(java.util.Arrays.copyOf(after, before.length)).isEqualTo(before);
        assertThat(AuditLog.verify(file).isIntact()).isTrue();
    }

    @Test
    void aSecondWriterIsRefused() {
        Path file = dir.resolve("b.jsonl");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append(event(1));
            assertThatThrownBy(() -> AuditLog.open(file, CLOCK)).isInstanceOfSatisfying(EcoCalcException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_LOG_BROKEN);
                assertThat(e.getMessage()).contains("another writer");
            });
        }
    }

    @Test
    void anEditedLineIsDetected() throws IOException {
        Path file = logWith(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("src/e2", "src/e9"));
        Files.write(file, lines);
        assertThat(AuditLog.verify(file).problems()).extracting(Object::toString)
                .containsExactly("line 2: its hash does not match its content: the line was edited");
    }

    @Test
    void anEditedLineWithARecomputedHashIsDetectedByTheNextLine() throws IOException {
        Path file = logWith(4);
        List<AuditEntry> entries = AuditLog.read(file);
        AuditEntry e2 = entries.get(1);
        AuditEntry forged = AuditEntry.next(2, e2.prev(), e2.time(), event(9));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, forged.toLine());
        Files.write(file, lines);
        assertThat(AuditLog.verify(file).problems()).extracting(Object::toString).containsExactly(
                "line 3: prev does not match the hash of line 2: a line was edited, removed, inserted or moved before it");
    }

    @Test
    void aRemovedInsertedOrMovedLineIsDetected() throws IOException {
        Path file = logWith(5);
        List<String> original = Files.readAllLines(file);

        List<String> removed = new ArrayList<>(original);
        removed.remove(2);
        Files.write(file, removed);
        assertThat(AuditLog.verify(file).problems()).extracting(AuditLogVerification.Break::line).containsExactly(3L, 3L);

        List<String> inserted = new ArrayList<>(original);
        inserted.add(2, original.get(0));
        Files.write(file, inserted);
        assertThat(AuditLog.verify(file).isIntact()).isFalse();

        List<String> moved = new ArrayList<>(original);
        Collections.swap(moved, 1, 3);
        Files.write(file, moved);
        assertThat(AuditLog.verify(file).problems()).extracting(Object::toString).anySatisfy(s ->
                assertThat(s).contains("a line was removed, inserted or moved"));
    }

    @Test
    void aTruncatedEndIsDetectedWithARecordedHead() throws IOException {
        Path file = logWith(5);
        String head = AuditLog.verify(file).head();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 4));
        // The chain alone is intact...
        assertThat(AuditLog.verify(file).isIntact()).isTrue();
        // ...but the head recorded before is gone.
        assertThat(AuditLog.verify(file, head).problems()).extracting(Object::toString)
                .singleElement().asString().contains("lines were removed from the end");
    }

    @Test
    void anIncompleteLastLineIsABreakAndTheLogIsNotAppendedTo() throws IOException {
        Path file = logWith(2);
        Files.writeString(file, "{\"seq\":3", java.nio.file.StandardOpenOption.APPEND);
        assertThat(AuditLog.verify(file).problems()).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).contains("line 3: the last line has no line end"));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> AuditLog.open(file, CLOCK)).isInstanceOfSatisfying(EcoCalcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_LOG_BROKEN));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void everyEventTypeIsWrittenAndReadBack() {
        Path file = dir.resolve("c.jsonl");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append(event(1));
            log.append(AuditEvent.duplicateRejected(null, IdempotencyKey.of("src", "e1"), "sha256:" + "ab".repeat(32), "x"));
            log.append(AuditEvent.alert("alerts", "efficiency.pue", "fra-1", new BigDecimal("1.61"), new BigDecimal("1.5"),
                    "PUE above 1.5", null));
            log.append(AuditEvent.of(AuditEventType.INGEST_REJECTED, null, Map.of("code", "unknown_unit")));
        }
        assertThat(AuditLog.read(file)).extracting(e -> e.event().type()).containsExactly(AuditEventType.INGEST_ACCEPTED,
                AuditEventType.DUPLICATE_REJECTED, AuditEventType.ALERT, AuditEventType.INGEST_REJECTED);
        assertThat(AuditLog.read(file).get(2).event().data()).containsEntry("value", "1.61").containsEntry("threshold", "1.5");
    }

    /** Property: any single change to a log (a byte, a removed, duplicated or swapped line) is detected. Seeded. */
    @Test
    void anySingleChangeIsDetected() throws IOException {
        Path file = logWith(8);
        byte[] original = Files.readAllBytes(file);
        List<String> lines = Files.readAllLines(file);
        String head = AuditLog.verify(file).head();
        qt().withFixedSeed(99L).withExamples(300).forAll(integers().between(0, 3), longs().all()).checkAssert((kind, seed) -> {
            Random rnd = new Random(seed);
            byte[] changed;
            if (kind == 0) {
                changed = original.clone();
                int i = rnd.nextInt(changed.length);
                byte b;
                do {
                    b = (byte) (32 + rnd.nextInt(95));
                } while (b == changed[i]);
                changed[i] = b;
            } else {
                List<String> l = new ArrayList<>(lines);
                int i = rnd.nextInt(l.size());
                if (kind == 1) {
                    l.remove(i);
                } else if (kind == 2) {
                    l.add(rnd.nextInt(l.size() + 1), l.get(i));
                } else {
                    int j = (i + 1 + rnd.nextInt(l.size() - 1)) % l.size();
                    Collections.swap(l, i, j);
                }
                changed = (String.join("\n", l) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            try {
                Path f = Files.write(dir.resolve("p.jsonl"), changed);
                assertThat(AuditLog.verify(f, head).isIntact()).as("change %d seed %d", kind, seed).isFalse();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
