package org.ecocalc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ecocalc.examples.host.EventStore;
import org.ecocalc.examples.host.HostConfig;
import org.ecocalc.examples.host.ReferenceHost;
import org.ecocalc.sdk.ClientStats;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.Event;
import org.ecocalc.sdk.FlushResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end on loopback: an {@code EcoCalcClient} tracks events and the real reference host
 * ({@code examples/reference-host}: API key with HMAC signature, gzip, validation, SQLite store with
 * the idempotency constraint in WAL mode with {@code synchronous=FULL}, chained audit log forced to
 * disk) stores them. Both run in this JVM on 127.0.0.1 (a free port), each with its own temporary
 * directory; the host's JSON request log is discarded.
 *
 * <p>Data: each invocation tracks {@value #EVENTS} new events (distinct idempotency keys, built
 * before the timed region) and calls {@code flush()}, which returns once the host has answered for
 * every one of them ({@code ACKNOWLEDGED}; anything else fails the trial). Usage events are LLM
 * calls of about 330 bytes of JSON, telemetry records hourly records of about 330 bytes
 * ({@link SdkData}). {@code batch} is the client's {@code maxBatchEvents}; other settings are the
 * defaults. The producer waits (timed) while the client's queue is more than half full, see
 * {@link #pace()}. Score: delivered (acknowledged) events per second. The trial fails if the host did not
 * store exactly the events tracked, or if any event was dropped or dead-lettered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
public class EndToEndBenchmark {
    static final int EVENTS = 20_000;

    @Param({"usage", "telemetry"})
    public String kind;

    @Param({"100", "500", "1000"})
    public int batch;

    private Path dir;
    private ReferenceHost host;
    private EcoCalcClient client;
    private Event[] events;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = SdkData.tempDir("e2e-bench");
        host = ReferenceHost.start(HostConfig.builder().bind("127.0.0.1").port(0).dataDir(dir.resolve("host"))
                .apiKey(SdkData.API_KEY, SdkData.SECRET).logOut(SdkData.DISCARD).build());
        client = EcoCalcClient.builder().endpoint(host.uri()).apiKey(SdkData.API_KEY).hmacSecret(SdkData.SECRET)
                .spoolDirectory(dir.resolve("spool")).maxBatchEvents(batch).build();
        events = new Event[EVENTS];
    }

    @Setup(Level.Invocation)
    public void newEvents() {
        for (int i = 0; i < EVENTS; i++) {
            long n = next++;
            events[i] = kind.equals("usage") ? SdkData.call("bench", n) : SdkData.hour("bench", n);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            ClientStats s = client.stats();
            FlushResult closed = client.close(Duration.ofSeconds(60));
            EventStore.Kind k = kind.equals("usage") ? EventStore.Kind.USAGE : EventStore.Kind.TELEMETRY;
            long stored = host.store().size(k);
            if (closed != FlushResult.ACKNOWLEDGED || s.dropped() != 0 || s.deadLettered() != 0 || stored != next) {
                throw new IllegalStateException("the run is void: " + s + ", close " + closed + ", stored " + stored
                        + " of " + next);
            }
        } finally {
            host.close();
            SdkData.delete(dir);
        }
    }

    /**
     * Keeps the producer within the client's queue: a full queue would drop events (counted, and the
     * trial void), which says nothing about delivery. An application tracking at this rate would size
     * {@code queueCapacity} for its bursts instead.
     */
    private void pace() {
        while (client.stats().queued() > EcoCalcClient.DEFAULT_QUEUE_CAPACITY / 2) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Tracks {@value #EVENTS} events and waits until the host answered for all of them: events/s. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void deliver() {
        for (int i = 0; i < EVENTS; i++) {
            if ((i & 255) == 0) {
                pace();
            }
            Event e = events[i];
            if (e instanceof org.ecocalc.sdk.UsageEvent u) {
                client.track(u);
            } else {
                client.track((org.ecocalc.sdk.TelemetryRecord) e);
            }
        }
        FlushResult r = client.flush(Duration.ofSeconds(300));
        if (r != FlushResult.ACKNOWLEDGED) {
            throw new UncheckedIOException(new IOException("flush returned " + r + ": " + client.stats()));
        }
    }
}
