package org.ecocalc.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A control for {@code TrackBenchmark.trackIdle}: what plain JDK operations cost, in one thread and
 * with no other thread running, right after the thread slept for a while. On a virtual machine a
 * thread that slept comes back to cold caches (and a vCPU that may have been halted), so the first
 * operations after a pause cost microseconds whatever they are; this separates that from the cost of
 * {@code track()} itself. Prints the median and 90th percentile of 1,500 samples (after 500 warm-up
 * samples) of: nothing (two {@code nanoTime()} calls), one {@code ArrayBlockingQueue.offer}, and 50
 * lookups in a {@code HashMap} of 100,000 entries.
 *
 * <pre>
 * java -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' \
 *     org.ecocalc.bench.ColdCallControl 20000   # the pause in µs
 * </pre>
 */
public final class ColdCallControl {
    private ColdCallControl() {
    }

    /** Runs the control with a pause of {@code args[0]} µs (default 20,000). */
    public static void main(String[] args) {
        long pauseNanos = (args.length > 0 ? Long.parseLong(args[0]) : 20_000L) * 1000L;
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(16_384);
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(i, i);
        }
        Object item = new Object();
        int samples = 2_000;
        long[] nothing = new long[samples];
        long[] offer = new long[samples];
        long[] lookups = new long[samples];
        long sink = 0;
        for (int i = 0; i < samples; i++) {
            pause(pauseNanos);
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            nothing[i] = t1 - t0;
            pause(pauseNanos);
            t0 = System.nanoTime();
            queue.offer(item);
            t1 = System.nanoTime();
            offer[i] = t1 - t0;
            queue.clear();
            pause(pauseNanos);
            t0 = System.nanoTime();
            for (int k = 0; k < 50; k++) {
                sink += map.get((int) ((i * 7_919L + k * 104_729L) % 100_000));
            }
            t1 = System.nanoTime();
            lookups[i] = t1 - t0;
        }
        print("nothing", nothing);
        print("ArrayBlockingQueue.offer", offer);
        print("50 HashMap lookups", lookups);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    private static void print(String what, long[] ns) {
        long[] s = Arrays.copyOfRange(ns, 500, ns.length);
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-26s p50 %,7d ns   p90 %,7d ns%n", what, s[s.length / 2], s[s.length * 9 / 10]);
    }
}
