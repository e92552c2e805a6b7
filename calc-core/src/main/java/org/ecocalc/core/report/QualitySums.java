package org.ecocalc.core.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-quality part of a group's sums: each source's share of records (for completeness) and
 * record lengths (for its cadence), the ingestion latencies, and the samples of each series (for
 * outliers and drift). A record's latency, length and samples are counted in the first group it
 * reaches only, so merging groups never counts them twice; its share is split over its groups in
 * proportion to time and sums exactly to 1.
 */
final class QualitySums implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One source's counts in the group. */
    static final class Source implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Records received (fractions for records split over groups). */
        BigDecimal received = BigDecimal.ZERO;
        /** Record lengths in seconds → how many records had that length. */
        final TreeMap<BigDecimal, Long> lengths = new TreeMap<>();

        void merge(Source o) {
            received = received.add(o.received);
            o.lengths.forEach((k, v) -> lengths.merge(k, v, Long::sum));
        }
    }

    final TreeMap<String, Source> sources = new TreeMap<>();
    /** Latency in whole seconds (floored) → count. */
    final TreeMap<Long, Long> latency = new TreeMap<>();
    /** Records ingested before they were observed (clock skew): not in the percentiles. */
    long negativeLatency;
    /** A series: one source's values of one field at one facility. */
    record SeriesKey(String facilityId, String sourceId, String pointer) implements Serializable {
        /** {@code facility|source|pointer}, the series' name in notes and its order. */
        String label() {
            return facilityId + "|" + sourceId + "|" + pointer;
        }
    }

    /** Samples by series (a hash map: read in label order through {@link #seriesInOrder()}). */
    final HashMap<SeriesKey, SampleSeries> series = new HashMap<>();

    /** The series by label, in label order. */
    TreeMap<String, SampleSeries> seriesInOrder() {
        TreeMap<String, SampleSeries> out = new TreeMap<>();
        for (Map.Entry<SeriesKey, SampleSeries> e : series.entrySet()) {
            out.put(e.getKey().label(), e.getValue());
        }
        return out;
    }

    Source source(String id) {
        return sources.computeIfAbsent(id, k -> new Source());
    }

    void merge(QualitySums o) {
        for (Map.Entry<String, Source> e : o.sources.entrySet()) {
            source(e.getKey()).merge(e.getValue());
        }
        o.latency.forEach((k, v) -> latency.merge(k, v, Long::sum));
        negativeLatency += o.negativeLatency;
        for (Map.Entry<SeriesKey, SampleSeries> e : o.series.entrySet()) {
            series.computeIfAbsent(e.getKey(), k -> new SampleSeries()).addAll(e.getValue());
        }
    }
}
