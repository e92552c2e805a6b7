package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.ecocalc.sdk.ClientListener;
import org.ecocalc.sdk.DropReason;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.Event;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool across restarts: a corrupt file, and a full one. */
class SdkSpoolTest {
    @TempDir
    Path dir;

    private static URI nothingListening() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    private static Path onlySegment(Path spool) throws IOException {
        try (Stream<Path> s = Files.list(spool.resolve("telemetry"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".spool")).findFirst().orElseThrow();
        }
    }

    @Test
    void corruptLastEntryIsCutAndTheEntriesBeforeItAreDelivered() throws Exception {
        Path spool = dir.resolve("spool");
        int n = 10;
        try (EcoCalcClient c = HostFixture.client(nothingListening(), spool).build()) {
            for (int i = 0; i < n; i++) {
                c.track(Events.hour("bms", i));
            }
            assertThat(c.flush(Duration.ofMillis(200))).isEqualTo(FlushResult.JOURNALED);
            c.close(Duration.ofMillis(50));
        }
        // Flip one byte inside the last entry's payload: its checksum no longer matches.
        Path segment = onlySegment(spool);
        long lastEntrySize = 8 + Events.hour("bms", n - 1).jsonSize();
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, size - 5);
            b.put(0, (byte) (b.get(0) ^ 0x20)).rewind();
            ch.write(b, size - 5);
        }
        List<String> corruptions = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onSpoolCorruption(Path file, long offset, long bytesCut, String reason) {
                corruptions.add(file.getFileName() + "@" + offset + "-" + bytesCut + ":" + reason);
            }
        };
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(spool).listener(l).build()) {
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", n - 1);
            assertThat(corruptions).containsExactly(segment.getFileName() + "@" + (size - lastEntrySize) + "-"
                    + lastEntrySize + ":checksum mismatch");
        }
    }

    @Test
    void tornTailIsCut() throws Exception {
        Path spool = dir.resolve("spool");
        try (EcoCalcClient c = HostFixture.client(nothingListening(), spool).build()) {
            for (int i = 0; i < 5; i++) {
                c.track(Events.hour("bms", i));
            }
            assertThat(c.flush(Duration.ofMillis(200))).isEqualTo(FlushResult.JOURNALED);
            c.close(Duration.ofMillis(50));
        }
        // A crash in the middle of a write: a length that promises 300 bytes, then only 3 of them.
        Path segment = onlySegment(spool);
        Files.write(segment, new byte[] {0, 0, 1, 44, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(spool).build()) {
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 5);
        }
    }

    @Test
    void fullSpoolDropsAreCountedAndReported() throws Exception {
        Path spool = dir.resolve("spool");
        long cap = 64 * 1024;
        int tracked = 400;
        // The events that fit: the first k whose entries (8-byte header + JSON) sum to at most the cap.
        // Entries only grow with i (more digits), so after the first that does not fit none does.
        long used = 0;
        int fit = 0;
        while (fit < tracked && used + 8 + Events.hour("bms", fit).jsonSize() <= cap) {
            used += 8 + Events.hour("bms", fit).jsonSize();
            fit++;
        }
        assertThat(fit).isBetween(1, tracked - 1);
        List<DropReason> drops = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onDropped(Event event, DropReason reason) {
                drops.add(reason);
            }
        };
        try (EcoCalcClient c = HostFixture.client(nothingListening(), spool).spoolCapBytes(cap).maxEventBytes(4096)
                .listener(l).build()) {
            for (int i = 0; i < tracked; i++) {
                c.track(Events.hour("bms", i));
            }
            assertThat(c.flush(Duration.ofMillis(200))).isEqualTo(FlushResult.JOURNALED);
            assertThat(c.stats().dropped()).isEqualTo(tracked - fit);
            assertThat(c.stats().spooled()).isEqualTo(fit);
            assertThat(c.stats().spoolBytes()).isEqualTo(used);
            assertThat(drops).hasSize(tracked - fit).containsOnly(DropReason.SPOOL_FULL);
            c.close(Duration.ofMillis(50));
        }
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(spool).spoolCapBytes(cap).maxEventBytes(4096).build()) {
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", fit);
            assertThat(c.stats().spoolBytes()).isZero();
        }
    }
}
