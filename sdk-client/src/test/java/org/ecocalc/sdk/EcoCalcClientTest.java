package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcoCalcClientTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;

    static UsageEvent call(int i) {
        return UsageEvent.llmCall().sourceId("chat").externalEventId("c" + i).provider("openai").model("gpt-4o")
                .tokensIn(10).tokensOut(5).startedAt(T0).build();
    }

    EcoCalcClient.Builder client(URI uri) {
        return EcoCalcClient.builder().endpoint(uri).apiKey("k-123").hmacSecret("s3cret-s3cret-s3cret")
                .spoolDirectory(dir.resolve("spool")).flushInterval(Duration.ofMillis(10)).closeTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
                        .build());
    }

    static URI nothingListening() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    static String created(int n) {
        StringBuilder b = new StringBuilder("{\"results\":[");
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append("{\"index\":").append(i).append(",\"status\":201}");
        }
        return b.append("]}").toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retryableError(int code) throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FakeHost host = new FakeHost(r -> n.getAndIncrement() == 0 ? FakeHost.Answer.of(code, null)
                : FakeHost.Answer.of(201, created(r.body().size())));
                EcoCalcClient c = client(host.uri()).build()) {
            c.track(call(1));
            c.track(call(2));
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(c.stats().retried()).isEqualTo(1);
            assertThat(c.stats().sent()).isEqualTo(2);
            assertThat(host.requests).hasSize(2);
            FakeHost.Request first = host.requests.get(0);
            FakeHost.Request retry = host.requests.get(1);
            // The same events, keys and all; a new request id, signed anew.
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("X-Request-ID")).isNotEqualTo(first.header("X-Request-ID"));
            assertThat(retry.header("X-EcoCalc-Signature")).startsWith("v1=");
            assertThat(retry.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(retry.header("X-API-Key")).isEqualTo("k-123");
            assertThat(retry.path()).isEqualTo("/api/usage/ingest");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 415, 422})
    void permanentErrorIsDeadLettered(int code) throws Exception {
        List<DeadLetter> dead = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onDeadLetter(DeadLetter d) {
                dead.add(d);
            }
        };
        try (FakeHost host = new FakeHost(r -> FakeHost.Answer.of(code,
                "{\"error\":{\"code\":\"nope\",\"message\":\"refused by the test\"}}"));
                EcoCalcClient c = client(host.uri()).listener(l).build()) {
            c.track(call(1));
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(host.requests).hasSize(1);
            assertThat(c.stats().retried()).isZero();
            assertThat(c.stats().deadLettered()).isEqualTo(1);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(code);
                assertThat(d.code()).isEqualTo("nope");
                assertThat(d.message()).isEqualTo("refused by the test");
                assertThat(d.eventJson()).isEqualTo(call(1).toJson());
            });
            assertThat(Files.readString(dir.resolve("spool").resolve("dead-letter.jsonl")))
                    .contains("\"status\":" + code).contains("\"code\":\"nope\"")
                    .contains("\"event\":" + call(1).toJson());
        }
    }

    @Test
    void perEventResultsAreHonoured() throws Exception {
        try (FakeHost host = new FakeHost(r -> FakeHost.Answer.of(200, "{\"results\":["
                + "{\"index\":0,\"status\":201},{\"index\":1,\"status\":409,\"error\":{\"code\":\"duplicate\",\"message\":\"d\"}},"
                + "{\"index\":2,\"status\":400,\"error\":{\"code\":\"schema_violation\",\"message\":\"bad\",\"pointer\":\"/x\"}}]}"));
                EcoCalcClient c = client(host.uri()).build()) {
            c.track(call(0));
            c.track(call(1));
            c.track(call(2));
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            ClientStats s = c.stats();
            assertThat(s.sent()).isEqualTo(2);
            assertThat(s.duplicates()).isEqualTo(1);
            assertThat(s.deadLettered()).isEqualTo(1);
            assertThat(host.requests).hasSize(1);
        }
    }

    @Test
    void batchRefusedAsTooLargeIsSplit() throws Exception {
        try (FakeHost host = new FakeHost(r -> r.body().size() > 2 ? FakeHost.Answer.of(413, null)
                : FakeHost.Answer.of(201, created(r.body().size())));
                EcoCalcClient c = client(host.uri()).build()) {
            for (int i = 0; i < 9; i++) {
                c.track(call(i));
            }
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(c.stats().sent()).isEqualTo(9);
            // Every event arrived once in an accepted request.
            assertThat(host.requests.stream().filter(r -> r.body().size() <= 2).mapToInt(r -> r.body().size()).sum())
                    .isEqualTo(9);
        }
    }

    /**
     * close() right after a burst, with no time to flush: the events still queued are journaled, not
     * lost (close() once interrupted the journal thread, and an interrupt closes the spool's file
     * channel under a write: ClosedByInterruptException, the events dropped as spool errors), and a
     * client restarted on the same spool delivers every one of them.
     */
    @Test
    void closeWithEventsStillQueuedJournalsThemAll() throws Exception {
        int n = 5_000;
        EcoCalcClient c = client(nothingListening()).build();
        for (int i = 0; i < n; i++) {
            c.track(call(i));
        }
        c.close(Duration.ZERO);
        assertThat(c.stats().dropped()).isZero();
        assertThat(c.stats().spooled()).isEqualTo(n);
        try (FakeHost host = new FakeHost(r -> FakeHost.Answer.of(201, created(r.body().size())));
                EcoCalcClient again = client(host.uri()).build()) {
            assertThat(again.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(host.requests.stream().mapToInt(r -> r.body().size()).sum()).isEqualTo(n);
        }
    }

    @Test
    void trackNeverThrowsWhenTheHostIsDownAndOversizedEventsAreRefusedAtOnce() throws Exception {
        try (EcoCalcClient c = client(nothingListening()).maxEventBytes(256).build()) {
            for (int i = 0; i < 100; i++) {
                c.track(call(i));
            }
            UsageEvent big = UsageEvent.llmCall().sourceId("chat").provider("openai").model("gpt-4o").startedAt(T0)
                    .attribute("a", "x".repeat(200)).build();
            assertThatThrownBy(() -> c.track(big)).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("more than maxEventBytes (256)");
            assertThat(c.flush(Duration.ofMillis(100))).isEqualTo(FlushResult.JOURNALED);
            assertThat(c.stats().tracked()).isEqualTo(100);
            assertThat(c.stats().spooled()).isEqualTo(100);
        }
    }

    /**
     * Two batches of a kind are in flight at once; the second may be answered first, but the cursor
     * (and so flush()) moves only in journal order: nothing is acknowledged past an unanswered batch.
     */
    @Test
    void theCursorMovesInJournalOrderWhenALaterBatchIsAnsweredFirst() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeHost host = new FakeHost(r -> {
            if (seen.getAndIncrement() == 0) {
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS); // the first request waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeHost.Answer.of(201, created(r.body().size()));
        }); EcoCalcClient c = client(host.uri()).maxBatchEvents(2).build()) {
            for (int i = 0; i < 4; i++) {
                c.track(call(i));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (c.stats().sent() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // A second request was answered while the first is held by the host.
            assertThat(host.requests).hasSize(2);
            assertThat(c.stats().sent()).isBetween(1L, 2L);
            assertThat(c.flush(Duration.ofMillis(300))).isEqualTo(FlushResult.JOURNALED);
            release.countDown();
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(c.stats().sent()).isEqualTo(4);
            assertThat(host.requests.stream().mapToInt(r -> r.body().size()).sum()).isEqualTo(4);
        }
    }

    /** track() compares a cheap bound first and counts exactly only near the limit: the limit stays exact. */
    @Test
    void theSizeLimitIsExact() throws Exception {
        UsageEvent e = UsageEvent.llmCall().sourceId("chat").provider("openai").model("gpt-4o").startedAt(T0)
                .attribute("a", "\u00e9".repeat(150)).build();
        int size = e.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(EventJson.bound(e)).isGreaterThan(size); // so the exact count decides
        try (EcoCalcClient c = client(nothingListening()).maxEventBytes(size).build()) {
            c.track(e);
            assertThat(c.stats().tracked()).isEqualTo(1);
        }
        try (EcoCalcClient c = client(nothingListening()).spoolDirectory(dir.resolve("spool-2")).maxEventBytes(size - 1)
                .build()) {
            assertThatThrownBy(() -> c.track(e)).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("the event is " + size + " bytes of JSON, more than maxEventBytes (" + (size - 1)
                            + ")");
        }
    }

    @Test
    void trackAfterCloseIsReportedAsDropped() throws Exception {
        List<DropReason> drops = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onDropped(Event e, DropReason reason) {
                drops.add(reason);
            }
        };
        EcoCalcClient c = client(nothingListening()).listener(l).build();
        c.close(Duration.ofMillis(10));
        c.track(call(1));
        assertThat(drops).containsExactly(DropReason.CLOSED);
        assertThat(c.stats().dropped()).isEqualTo(1);
        assertThat(c.close(Duration.ofMillis(10))).isEqualTo(FlushResult.ACKNOWLEDGED);
    }

    @Test
    void fullQueueDropsInTheCaller() throws Exception {
        // The listener blocks the journal thread (it is told of a spool-cap drop there), so the queue fills.
        CountDownLatch release = new CountDownLatch(1);
        List<DropReason> drops = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onDropped(Event e, DropReason reason) {
                drops.add(reason);
                if (reason == DropReason.SPOOL_FULL) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        UsageEvent big = UsageEvent.llmCall().sourceId("chat").provider("openai").model("gpt-4o").startedAt(T0)
                .attribute("a", "x".repeat(256)).attribute("b", "x".repeat(256)).build();
        try (EcoCalcClient c = client(nothingListening()).listener(l).queueCapacity(4).spoolCapBytes(64 * 1024)
                .maxEventBytes(1024).build()) {
            try {
                int fit = 64 * 1024 / (8 + big.jsonSize());
                long deadline = System.nanoTime() + WAIT.toNanos();
                // One at a time, so that the queue never holds more than one: fit events fill the spool and
                // the next is dropped by the journal thread, which the listener then holds.
                for (int i = 0; i <= fit; i++) {
                    c.track(big);
                    while (c.stats().queued() > 0 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
                while (!drops.contains(DropReason.SPOOL_FULL) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(drops).containsExactly(DropReason.SPOOL_FULL);
                // Four more fill the queue; the other six are dropped here, in the caller.
                for (int i = 0; i < 10; i++) {
                    c.track(big);
                }
                assertThat(drops.stream().filter(d -> d == DropReason.QUEUE_FULL).count()).isEqualTo(6);
                assertThat(c.stats().queued()).isEqualTo(4);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void threadsAreDaemonsAndNoneIsLeftAfterClose() throws Exception {
        try (FakeHost host = new FakeHost(r -> FakeHost.Answer.of(201, created(r.body().size())))) {
            long selectorsBefore = selectorThreads();
            EcoCalcClient c = client(host.uri()).build();
            c.track(call(1));
            assertThat(c.flush(WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            List<Thread> mine = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("ecocalc-")).toList();
            assertThat(mine).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
            c.close();
            for (Thread t : mine) {
                t.join(10_000);
            }
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(n -> n.startsWith("ecocalc-") && n.contains("-" + c.instance + "-")
                            || n.equals("ecocalc-journal-" + c.instance) || n.equals("ecocalc-sender-" + c.instance)))
                    .isEmpty();
            if (Runtime.version().feature() >= 21) {
                // Java 21 added HttpClient.shutdownNow(), which close() calls: the JDK client's selector
                // thread goes too. (On 17 it ends only once the client is garbage.)
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (selectorThreads() > selectorsBefore && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(selectorThreads()).isLessThanOrEqualTo(selectorsBefore);
            }
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }

    @Test
    void secondClientOnTheSameSpoolIsRefused() throws Exception {
        try (EcoCalcClient c = client(nothingListening()).build()) {
            assertThatThrownBy(() -> client(nothingListening()).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another EcoCalcClient");
            assertThat(c.stats().tracked()).isZero();
        }
    }
}
