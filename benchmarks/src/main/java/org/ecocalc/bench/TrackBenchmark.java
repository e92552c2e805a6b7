package org.ecocalc.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.UsageEvent;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of {@code EcoCalcClient.track()} in the caller's thread, one caller thread, with the
 * client's journal and sender threads running beside it (a real spool in a temporary directory,
 * every group forced to disk, batches gzip-compressed and sent to {@link SdkData.NullHost}, a
 * loopback host that answers 201 at once, so that the host's own cost stays out of the figure).
 *
 * <p>Data: a pool of 16,384 prebuilt LLM-call usage events (about 330 bytes of JSON each, see
 * {@link SdkData#call}), tracked in turn; {@code buildAndTrack} and {@code build} build 1,000 new
 * events per invocation instead. Default client settings (queue of 16,384 events).
 *
 * <p><b>Pacing.</b> {@code track()} is much faster than the journal can force events to disk, and
 * a full queue drops events (counted, {@code QUEUE_FULL}), which is a different and cheaper path.
 * So before each invocation (outside the timed region) the benchmark waits while more than half of
 * the queue is in use: every timed call takes the normal path, with the journal thread draining
 * the queue concurrently, and a trial that dropped an event fails.
 *
 * <p>Scores: {@code track}, {@code buildAndTrack}, {@code build}: average ns per event
 * (1,000 per invocation); {@code trackSampled}: the distribution of single calls (SampleTime; each
 * sample includes one {@code System.nanoTime()} pair); {@code trackIdle}: the same for a call after
 * a pause of {@code gapMicros} with an empty queue. {@code -prof gc}'s {@code gc.alloc.rate.norm}
 * counts the allocation of <i>every</i> thread (the journal, the sender, the loopback host) per
 * event; the allocation in the caller's thread alone is printed after each iteration
 * ("caller thread: … B/op", from {@code ThreadMXBean.getCurrentThreadAllocatedBytes}).
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class TrackBenchmark {
    static final int POOL = 16_384;
    static final int BATCH = 1_000;

    private SdkData.NullHost host;
    private Path spool;
    private EcoCalcClient client;
    private UsageEvent[] pool;
    private int next;
    private long built;
    private int queueCapacity;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long allocatedAtStart;
    private long opsAtStart;
    private long ops;

    @Setup(Level.Trial)
    public void setUp() {
        host = new SdkData.NullHost();
        spool = SdkData.tempDir("track-bench");
        client = EcoCalcClient.builder().endpoint(host.uri()).apiKey(SdkData.API_KEY).hmacSecret(SdkData.SECRET)
                .spoolDirectory(spool).build();
        queueCapacity = EcoCalcClient.DEFAULT_QUEUE_CAPACITY;
        pool = new UsageEvent[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = SdkData.call("bench", i);
        }
        built = POOL;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long dropped = client.stats().dropped();
        client.close(Duration.ofSeconds(30));
        host.close();
        SdkData.delete(spool);
        if (dropped != 0) {
            throw new IllegalStateException(dropped + " events were dropped: the pacing failed, the figure is void");
        }
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        allocatedAtStart = threads.getCurrentThreadAllocatedBytes();
        opsAtStart = ops;
    }

    @TearDown(Level.Iteration)
    public void printCallerAllocation() {
        long bytes = threads.getCurrentThreadAllocatedBytes() - allocatedAtStart;
        long n = ops - opsAtStart;
        System.out.printf(Locale.ROOT, "caller thread: %.2f B/op over %d ops; ", n == 0 ? 0.0 : bytes / (double) n, n);
    }

    /** Outside the timed region: wait while more than half the queue is in use (see the class comment). */
    void pace() {
        if (client.stats().queued() > queueCapacity / 2) {
            while (client.stats().queued() > 0) {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** Paces the batched benchmarks before each invocation of 1,000 calls. */
    @State(Scope.Thread)
    public static class BatchPace {
        @Setup(Level.Invocation)
        public void pace(TrackBenchmark b) {
            b.pace();
        }
    }

    /** Paces the sampled benchmark every 256 calls (checking the queue takes its lock and allocates a snapshot). */
    @State(Scope.Thread)
    public static class SamplePace {
        private int calls;

        @Setup(Level.Invocation)
        public void pace(TrackBenchmark b) {
            if ((++calls & 255) == 0) {
                b.pace();
            }
        }
    }

    /** {@code track()} of 1,000 prebuilt events: ns per event. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(BATCH)
    public void track(BatchPace pace) {
        int i = next;
        for (int k = 0; k < BATCH; k++) {
            client.track(pool[i]);
            i = (i + 1) & (POOL - 1);
        }
        next = i;
        ops += BATCH;
    }

    /** One {@code track()} of a prebuilt event per sample (the pacing checks the queue every 256 calls). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void trackSampled(SamplePace pace) {
        client.track(pool[next]);
        next = (next + 1) & (POOL - 1);
        ops++;
    }

    /**
     * Before each call (untimed): the queue empty and no call for {@code gapMicros}, as in an
     * application that tracks now and then: 200 µs (a busy service: the journal thread is still
     * looking for events) or 20 ms (beyond that, it waits on the queue and the call must wake it).
     */
    @State(Scope.Thread)
    public static class Idle {
        @Param({"200", "20000"})
        public long gapMicros;

        @Setup(Level.Invocation)
        public void idle(TrackBenchmark b) {
            while (b.client.stats().queued() > 0) {
                LockSupport.parkNanos(20_000);
            }
            long until = System.nanoTime() + gapMicros * 1000;
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
        }
    }

    /** One {@code track()} of a prebuilt event into an idle client (see {@link Idle}). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void trackIdle(Idle idle) {
        client.track(pool[next]);
        next = (next + 1) & (POOL - 1);
        ops++;
    }

    /** Builds 1,000 new events and tracks each: what a call site does, ns per event. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(BATCH)
    public void buildAndTrack(BatchPace pace) {
        long b = built;
        for (int k = 0; k < BATCH; k++) {
            client.track(SdkData.call("bench", b++));
        }
        built = b;
        ops += BATCH;
    }

    /** Builds 1,000 new events without tracking them: the event's own cost, ns per event. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(BATCH)
    public void build(Blackhole bh) {
        long b = built;
        for (int k = 0; k < BATCH; k++) {
            bh.consume(SdkData.call("bench", b++));
        }
        built = b;
        ops += BATCH;
    }
}
