package org.ecocalc.sdk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Measures how long after {@code track()} an event is journaled (written and forced to disk): run
 * {@code main} by hand, against no host (nothing is sent). Not a test: it asserts nothing, and
 * performance is never asserted in tests. The figures in docs/sdk.md come from it.
 */
public final class JournalDelayMeasurement {
    private JournalDelayMeasurement() {
    }

    /** Prints the journaling delay of single events and of bursts. */
    public static void main(String[] a) throws Exception {
        Path spool = Files.createTempDirectory("jd");
        Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
        try (EcoCalcClient c = EcoCalcClient.builder().endpoint(URI.create("http://127.0.0.1:9")).apiKey("k")
                .spoolDirectory(spool).closeTimeout(Duration.ofMillis(10)).build()) {
            UsageEvent[] ev = new UsageEvent[20000];
            for (int i = 0; i < ev.length; i++) {
                ev[i] = UsageEvent.llmCall().sourceId("m").externalEventId("e" + i).provider("openai").model("gpt-4o")
                        .tokensIn(812).tokensOut(164).startedAt(t0).region("eu-west-1").organizationId("acme")
                        .teamId("search").userId("u-42").attribute("feature", "summarise").build();
            }
            // A pause of 2 ms keeps the journal thread in its linger (it looks every 50 µs); one of
            // 30 ms lets it go idle (it looks every 5 ms, decision 0808).
            int k = 0;
            for (int pauseMs : new int[] {2, 30}) {
                long[] idle = new long[200];
                for (int i = 0; i < idle.length; i++) {
                    Thread.sleep(pauseMs);
                    long before = c.stats().spooled();
                    long s = System.nanoTime();
                    c.track(ev[k++]);
                    while (c.stats().spooled() == before) {
                        Thread.onSpinWait();
                    }
                    idle[i] = System.nanoTime() - s;
                }
                Arrays.sort(idle);
                System.out.printf("single events %d ms apart: p50 %.2f ms, p99 %.2f ms, max %.2f ms (event %d bytes)%n",
                        pauseMs, idle[100] / 1e6, idle[197] / 1e6, idle[199] / 1e6, ev[0].jsonSize());
            }
            for (int round = 0; round < 3; round++) {
                Thread.sleep(30); // the journal thread idle: the burst must wake it (decision 0808)
                long base = c.stats().spooled();
                int n = 16384;
                long s = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    c.track(ev[(k + i) % ev.length]);
                }
                k = (k + n) % ev.length;
                long tracked = System.nanoTime();
                while (c.stats().spooled() < base + n) {
                    Thread.onSpinWait();
                }
                long done = System.nanoTime();
                System.out.printf("burst of %d: track() %.1f ms total (%.0f ns each), all journaled %.1f ms after the"
                        + " last track(); dropped %d%n", n, (tracked - s) / 1e6, (tracked - s) / (double) n,
                        (done - tracked) / 1e6, c.stats().dropped());
            }
        }
    }
}
