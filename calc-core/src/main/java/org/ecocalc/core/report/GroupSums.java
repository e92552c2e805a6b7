package org.ecocalc.core.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryField;

/**
 * Exact sums of one group. For an amount or count field, {@code sums[f]} is the sum of the field;
 * for a percentage, it is Σ(percentage × GPU-hours) and {@code weights[f]} is Σ GPU-hours over
 * the same records. {@code counts[f]} is how many records fed the field. Everything here is a sum,
 * so adding and merging commute.
 */
final class GroupSums implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int FIELDS = TelemetryField.values().length;

    final BigDecimal[] sums = new BigDecimal[FIELDS];
    final BigDecimal[] weights = new BigDecimal[FIELDS];
    final long[] counts = new long[FIELDS];
    long records;
    Instant firstStart;
    Instant lastEnd;
    /** Keys of the group's records with the mask of fields each reported; null once over the limit. */
    Map<IdempotencyKey, Long> keys = new HashMap<>();
    /** The carbon sums. */
    final CarbonSums carbon = new CarbonSums();
    /** The data-quality sums. */
    final QualitySums quality = new QualitySums();

    void addValue(int field, BigDecimal value) {
        sums[field] = sums[field] == null ? value : sums[field].add(value);
        counts[field]++;
    }

    void addWeighted(int field, BigDecimal weightedValue, BigDecimal weight) {
        sums[field] = sums[field] == null ? weightedValue : sums[field].add(weightedValue);
        weights[field] = weights[field] == null ? weight : weights[field].add(weight);
        counts[field]++;
    }

    void span(Instant start, Instant end) {
        if (firstStart == null || start.isBefore(firstStart)) {
            firstStart = start;
        }
        if (lastEnd == null || end.isAfter(lastEnd)) {
            lastEnd = end;
        }
    }

    void key(IdempotencyKey key, long mask, int limit) {
        if (keys == null) {
            return;
        }
        keys.merge(key, mask, (a, b) -> a | b);
        if (keys.size() > limit) {
            keys = null;
        }
    }

    /** Adds another group's sums. Records shared by both (split at a period boundary) are counted twice here. */
    void merge(GroupSums o, int limit) {
        for (int f = 0; f < FIELDS; f++) {
            if (o.sums[f] != null) {
                sums[f] = sums[f] == null ? o.sums[f] : sums[f].add(o.sums[f]);
            }
            if (o.weights[f] != null) {
                weights[f] = weights[f] == null ? o.weights[f] : weights[f].add(o.weights[f]);
            }
            counts[f] += o.counts[f];
        }
        records += o.records;
        carbon.merge(o.carbon);
        quality.merge(o.quality);
        if (o.firstStart != null) {
            span(o.firstStart, o.lastEnd);
        }
        if (keys != null) {
            if (o.keys == null) {
                keys = null;
            } else {
                for (Map.Entry<IdempotencyKey, Long> e : o.keys.entrySet()) {
                    key(e.getKey(), e.getValue(), limit);
                    if (keys == null) {
                        break;
                    }
                }
            }
        }
    }

    GroupSums copy(int limit) {
        GroupSums c = new GroupSums();
        c.merge(this, limit);
        return c;
    }

    /** Sorted keys of records that reported any field of {@code mask}, or null when not listed. */
    List<IdempotencyKey> keysFor(long mask) {
        if (keys == null) {
            return null;
        }
        List<IdempotencyKey> out = new ArrayList<>();
        for (Map.Entry<IdempotencyKey, Long> e : keys.entrySet()) {
            if ((e.getValue() & mask) != 0) {
                out.add(e.getKey());
            }
        }
        out.sort(null);
        return out;
    }
}
