package org.ecocalc.core.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one data-quality series (a record's start and its value per hour), held compactly
 * because there is one per record and series: the start as epoch seconds (with nanoseconds only
 * when some start has them) and the value as an unscaled {@code long} and a scale when it fits,
 * else the {@link BigDecimal} itself. About 17 bytes a sample instead of about 90 for objects, so
 * the quality section of a gigabyte of telemetry fits in a small heap (docs/performance.md).
 * Exact: {@link #valuesInOrder()} gives back the same decimals, ordered by start and then value.
 */
final class SampleSeries implements Serializable {
    private static final long serialVersionUID = 1L;

    private long[] seconds = new long[8];
    private int[] nanos;
    private long[] unscaled = new long[8];
    private byte[] scales = new byte[8];
    /** Values that do not fit a long unscaled value and a byte scale, by index. */
    private HashMap<Integer, BigDecimal> large;
    private int size;

    int size() {
        return size;
    }

    void add(Instant start, BigDecimal value) {
        if (size == seconds.length) {
            int n = size * 2;
            seconds = Arrays.copyOf(seconds, n);
            unscaled = Arrays.copyOf(unscaled, n);
            scales = Arrays.copyOf(scales, n);
            if (nanos != null) {
                nanos = Arrays.copyOf(nanos, n);
            }
        }
        seconds[size] = start.getEpochSecond();
        if (start.getNano() != 0 && nanos == null) {
            nanos = new int[seconds.length];
        }
        if (nanos != null) {
            nanos[size] = start.getNano();
        }
        BigInteger u = value.unscaledValue();
        if (u.bitLength() < 64 && value.scale() >= Byte.MIN_VALUE && value.scale() <= Byte.MAX_VALUE) {
            unscaled[size] = u.longValue();
            scales[size] = (byte) value.scale();
        } else {
            if (large == null) {
                large = new HashMap<>();
            }
            large.put(size, value);
        }
        size++;
    }

    void addAll(SampleSeries o) {
        for (int i = 0; i < o.size; i++) {
            add(o.start(i), o.value(i));
        }
    }

    private Instant start(int i) {
        return Instant.ofEpochSecond(seconds[i], nanos == null ? 0 : nanos[i]);
    }

    private BigDecimal value(int i) {
        BigDecimal v = large == null ? null : large.get(i);
        return v != null ? v : BigDecimal.valueOf(unscaled[i], scales[i]);
    }

    /** The values ordered by start, then by value (a total order: the result never depends on arrival). */
    List<BigDecimal> valuesInOrder() {
        List<Map.Entry<Instant, BigDecimal>> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(Map.entry(start(i), value(i)));
        }
        all.sort(Map.Entry.<Instant, BigDecimal>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        List<BigDecimal> out = new ArrayList<>(size);
        for (Map.Entry<Instant, BigDecimal> e : all) {
            out.add(e.getValue());
        }
        return out;
    }
}
