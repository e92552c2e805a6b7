package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reader streams: a child JVM with a 24 MiB heap reads a JSON array several times larger than
 * its heap (generated on the fly, never held), and every record arrives. If the reader buffered
 * the input, the child would die of OutOfMemoryError.
 */
class StreamingMemoryTest {
    static final int RECORDS = 100_000;

    @Test
    void readsAnInputLargerThanTheHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), Integer.toString(RECORDS)).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("the child finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        long bytes = Long.parseLong(out.lines().filter(l -> l.startsWith("bytes=")).findFirst().orElseThrow().substring(6));
        assertThat(out).contains("accepted=" + RECORDS).contains("rejected=0");
        // The input is well over twice the child's whole heap.
        assertThat(bytes).isGreaterThan(2L * 24 * 1024 * 1024);
    }

    /** Runs in the child JVM. */
    public static final class Child {
        public static void main(String[] args) {
            int n = Integer.parseInt(args[0]);
            long[] accepted = {0};
            ReadSummary s = TelemetryReader.builder().schemaValidation(false).build()
                    .read(new Generated(n), "generated.json", TelemetryReader.Format.JSON, new TelemetryHandler() {
                        @Override
                        public void onRecord(TelemetryRecord record, RecordLocation location) {
                            accepted[0]++;
                        }
                    });
            System.out.println("accepted=" + accepted[0]);
            System.out.println("rejected=" + s.rejected());
            System.out.println("bytes=" + s.bytes());
        }
    }

    /** A JSON array of n records, produced as it is read. */
    static final class Generated extends InputStream {
        private final int n;
        private int next;
        private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
        private int pos;

        Generated(int n) {
            this.n = n;
        }

        private boolean refill() {
            if (next > n) {
                return false;
            }
            if (next == n) {
                chunk = "]".getBytes(StandardCharsets.UTF_8);
            } else {
                String sep = next == 0 ? "" : ",";
                chunk = (sep + TelemetryReaderTest.VALID.replace("2026-03-02T00\"", "gen-" + next + "\""))
                        .getBytes(StandardCharsets.UTF_8);
            }
            next++;
            pos = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (pos >= chunk.length) {
                if (!refill()) {
                    return -1;
                }
            }
            int k = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, k);
            pos += k;
            return k;
        }
    }

}
