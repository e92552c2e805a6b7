package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private final List<String> cuts = new ArrayList<>();
    private final AtomicLong pending = new AtomicLong();

    private Journal open(long segmentBytes) throws Exception {
        return new Journal(dir, segmentBytes, pending,
                (file, offset, bytes, reason) -> cuts.add(offset + "+" + bytes + " " + reason));
    }

    private static byte[] entry(int i) {
        return ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> readAll(Journal j) throws Exception {
        List<Journal.Entry> out = new ArrayList<>();
        Journal.Position p = j.cursor();
        while (true) {
            List<Journal.Entry> batch = new ArrayList<>();
            j.read(p, 7, 1 << 20, batch);
            if (batch.isEmpty()) {
                break;
            }
            out.addAll(batch);
            p = batch.get(batch.size() - 1).next();
        }
        return out.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void appendsSurviveReopenAndAcknowledgedSegmentsAreDeleted() throws Exception {
        try (Journal j = open(64 * 1024)) {
            for (int i = 0; i < 5000; i++) {
                byte[] e = entry(i);
                j.append(e, 0, e.length);
                if (i % 100 == 99) {
                    j.commit();
                }
            }
            j.commit();
        }
        long files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".spool")).count();
        }
        // 5000 entries of 8 + 9 to 12 bytes are about 95 KB: more than one 64 KiB segment.
        assertThat(files).isGreaterThan(1);
        pending.set(0);
        try (Journal j = open(64 * 1024)) {
            List<String> all = readAll(j);
            assertThat(all).hasSize(5000);
            assertThat(all.get(4999)).isEqualTo("{\"i\":4999}");
            // Acknowledge the first 4000: the segments wholly before the cursor go.
            List<Journal.Entry> batch = new ArrayList<>();
            Journal.Position p = j.cursor();
            long bytes = 0;
            for (int n = 0; n < 4000; n += batch.size()) {
                batch.clear();
                j.read(p, Math.min(1000, 4000 - n), 1 << 20, batch);
                for (Journal.Entry e : batch) {
                    bytes += e.spoolBytes();
                }
                p = batch.get(batch.size() - 1).next();
            }
            long before = pending.get();
            j.acknowledge(p, bytes);
            assertThat(pending.get()).isEqualTo(before - bytes);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".spool")).count()).isEqualTo(1);
        }
        try (Journal j = open(64 * 1024)) {
            List<String> rest = readAll(j);
            assertThat(rest).hasSize(1000).first().isEqualTo("{\"i\":4000}");
        }
        assertThat(cuts).isEmpty();
    }

    @Test
    void tornTailIsCutOnOpen() throws Exception {
        try (Journal j = open(1 << 20)) {
            for (int i = 0; i < 3; i++) {
                byte[] e = entry(i);
                j.append(e, 0, e.length);
            }
            j.commit();
        }
        Path seg;
        try (Stream<Path> s = Files.list(dir)) {
            seg = s.filter(p -> p.toString().endsWith(".spool")).findFirst().orElseThrow();
        }
        long good = Files.size(seg);
        // A header promising 50 bytes of payload, then only 2 of them: a write cut short by a crash.
        Files.write(seg, new byte[] {0, 0, 0, 50, 9, 9, 9, 9, 1, 2}, StandardOpenOption.APPEND);
        try (Journal j = open(1 << 20)) {
            assertThat(readAll(j)).containsExactly("{\"i\":0}", "{\"i\":1}", "{\"i\":2}");
        }
        assertThat(cuts).containsExactly(good + "+10 torn entry (2 of 50 bytes)");
        assertThat(Files.size(seg)).isEqualTo(good);
    }

    @Test
    void aSegmentWithABadHeaderIsRemoved() throws Exception {
        Files.write(dir.resolve("segment-00000000000000000007.spool"), "garbage".getBytes(StandardCharsets.US_ASCII));
        try (Journal j = open(1 << 20)) {
            assertThat(readAll(j)).isEmpty();
            byte[] e = entry(1);
            j.append(e, 0, e.length);
            j.commit();
            // New entries go to a new segment after the removed one.
            assertThat(j.end().segment()).isEqualTo(8);
        }
        assertThat(cuts).containsExactly("0+7 not a spool segment (bad header)");
    }

    @Test
    void readerAndWriterRunTogether() throws Exception {
        // The regression behind this test: reader and writer shared one CRC32C, which gave corrupt entries.
        int n = 20_000;
        try (Journal j = open(256 * 1024)) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        byte[] e = entry(i);
                        j.append(e, 0, e.length);
                        if (i % 37 == 0) {
                            j.commit();
                        }
                    }
                    j.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            List<String> seen = new ArrayList<>();
            Journal.Position p = j.cursor();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (seen.size() < n && System.nanoTime() < deadline) {
                List<Journal.Entry> batch = new ArrayList<>();
                j.read(p, 100, 1 << 20, batch);
                for (Journal.Entry e : batch) {
                    seen.add(new String(e.payload(), StandardCharsets.UTF_8));
                    p = e.next();
                }
            }
            writer.join();
            assertThat(seen).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(seen.get(i)).isEqualTo("{\"i\":" + i + "}");
            }
        }
        assertThat(cuts).isEmpty();
    }

    @Test
    void batchLimitsAreKept() throws Exception {
        try (Journal j = open(1 << 20)) {
            for (int i = 0; i < 10; i++) {
                byte[] e = entry(i);
                j.append(e, 0, e.length);
            }
            j.commit();
            List<Journal.Entry> batch = new ArrayList<>();
            // Entries of 7 bytes ({"i":0}); the array [a,b,c] of three is 2 + 3 x 7 + 2 = 25 bytes.
            assertThat(j.read(j.cursor(), 10, 25, batch)).isTrue();
            assertThat(batch).hasSize(3);
            assertThat(Journal.arrayBytes(batch)).isEqualTo(25);
            batch.clear();
            assertThat(j.read(j.cursor(), 4, 1 << 20, batch)).isTrue();
            assertThat(batch).hasSize(4);
            batch.clear();
            assertThat(j.read(j.cursor(), 100, 1 << 20, batch)).isFalse();
            assertThat(batch).hasSize(10);
        }
    }
}
