package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.ecocalc.sdk.ClientStats;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads track 100,000 events at once; the host ends with each exactly once. */
class SdkConcurrencyTest {
    static final int THREADS = 8;
    static final int PER_THREAD = 12_500;

    @TempDir
    Path dir;

    @Test
    void eightThreadsTrack100000Events() throws Exception {
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.threads(2));
                EcoCalcClient c = host.client(dir.resolve("spool")).maxBatchEvents(1000)
                        .queueCapacity(THREADS * PER_THREAD).build()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            // Even threads track LLM calls, odd threads telemetry: both lanes at once.
                            if (id % 2 == 0) {
                                c.track(Events.call("t" + id, i));
                            } else {
                                c.track(Events.hour("t" + id, i));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread th : threads) {
                th.join();
            }
            long t1 = System.nanoTime();
            assertThat(failures).isEmpty();
            assertThat(c.flush(Duration.ofSeconds(120))).isEqualTo(FlushResult.ACKNOWLEDGED);
            long t2 = System.nanoTime();
            // Reported, never asserted: performance is measured with JMH in benchmarks/.
            System.out.printf("SdkConcurrencyTest: 8 threads tracked 100000 events in %d ms; flush (the host validating"
                    + " and storing them) took %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            ClientStats s = c.stats();
            assertThat(s.tracked()).isEqualTo(100_000);
            assertThat(s.dropped()).isZero();
            assertThat(s.sent()).isEqualTo(100_000);
            assertThat(s.duplicates()).isZero();
            for (int t = 0; t < THREADS; t++) {
                EventStore.Kind kind = t % 2 == 0 ? EventStore.Kind.USAGE : EventStore.Kind.TELEMETRY;
                assertThat(host.store().eventIds(kind, "t" + t)).hasSize(PER_THREAD).doesNotHaveDuplicates();
            }
            assertThat(host.store().size(EventStore.Kind.USAGE) + host.store().size(EventStore.Kind.TELEMETRY))
                    .isEqualTo(100_000);
            assertThat(Audit.acceptedPerKey(host.auditLog())).hasSize(100_000).allSatisfy((k, n) ->
                    assertThat(n).isEqualTo(1));
        }
    }
}
