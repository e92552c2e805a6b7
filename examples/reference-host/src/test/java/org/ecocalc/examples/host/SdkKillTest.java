package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client process is killed ({@code kill -9}) while tracking, and restarted on its spool: the
 * host ends with every event tracked before the last completed flush exactly once, and the
 * events tracked after it that survived form an unbroken prefix (the journal keeps order).
 */
class SdkKillTest {
    @TempDir
    Path dir;

    /** @param hostFailing whether the host answers 503 while the first client runs (events only journaled) */
    @ParameterizedTest(name = "host failing while the client runs: {0}")
    @ValueSource(booleans = {false, true})
    void killedClientLosesNothingFlushed(boolean hostFailing) throws Exception {
        AtomicBoolean failing = new AtomicBoolean(hostFailing);
        com.sun.net.httpserver.Filter gate = new com.sun.net.httpserver.Filter() {
            @Override
            public String description() {
                return "503 while failing";
            }

            @Override
            public void doFilter(com.sun.net.httpserver.HttpExchange ex, Chain chain) throws IOException {
                if (failing.get() && ex.getRequestURI().getPath().endsWith("/ingest")) {
                    ex.getRequestBody().readAllBytes();
                    ex.sendResponseHeaders(503, -1);
                    ex.close();
                    return;
                }
                chain.doFilter(ex);
            }
        };
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.filter(gate))) {
            Path spool = dir.resolve("spool");
            Process p = java("track", host.uri().toString(), spool.toString(), "500");
            long lastFlushed = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("FLUSHED ")) {
                        lastFlushed = Long.parseLong(line.substring(8));
                        if (lastFlushed >= 3000) {
                            // Let it track on for a moment (unobserved), then SIGKILL: no shutdown hook, no close().
                            Thread.sleep(30);
                            kill9(p);
                            break;
                        }
                    }
                }
                // Flushes that completed before the kill but were not read yet.
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("FLUSHED ")) {
                        lastFlushed = Long.parseLong(line.substring(8));
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lastFlushed).as("flushes completed before the kill").isGreaterThanOrEqualTo(3000);

            failing.set(false);
            Process drain = java("drain", host.uri().toString(), spool.toString());
            String drained = new String(drain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(drain.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(drained).contains("DRAINED");
            assertThat(drain.exitValue()).isZero();

            List<String> ids = host.store().eventIds(EventStore.Kind.TELEMETRY, "killed");
            long stored = ids.size();
            // Every event up to the last completed flush, and the survivors after it, as one prefix h0..h(stored-1).
            assertThat(stored).isGreaterThanOrEqualTo(lastFlushed);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "killed", "h", (int) stored);
            System.out.printf("SdkKillTest(host failing=%s): %d events flushed before kill -9; %d stored; %d of the"
                    + " events tracked after the last flush survived%n", hostFailing, lastFlushed, stored,
                    stored - lastFlushed);
        }
    }

    /** {@code kill -9 <pid>}: the process gets no chance to run anything. */
    private static void kill9(Process p) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            p.destroyForcibly(); // also SIGKILL on Unix
        }
    }

    private Process java(String... args) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SpoolingClientMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
