package org.ecocalc.core.report;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Record counts of texts by category (notes, reasons a category could not be priced): counted per
 * record in hash maps keyed by the (usually constant) category and text, so counting costs no
 * string building or ordered-map comparison; read sorted as {@code "category: text"} → count, so
 * no hash order ever reaches a result.
 */
final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, HashMap<String, long[]>> counts = new HashMap<>();

    void add(String category, String text, long count) {
        counts.computeIfAbsent(category, k -> new HashMap<>()).computeIfAbsent(text, k -> new long[1])[0] += count;
    }

    void addAll(Tally o) {
        for (Map.Entry<String, HashMap<String, long[]>> c : o.counts.entrySet()) {
            for (Map.Entry<String, long[]> t : c.getValue().entrySet()) {
                add(c.getKey(), t.getKey(), t.getValue()[0]);
            }
        }
    }

    /** Whether any text is counted under {@code category}. */
    boolean has(String category) {
        HashMap<String, long[]> c = counts.get(category);
        return c != null && !c.isEmpty();
    }

    /** Every count as {@code "category: text"} → count, in key order. */
    TreeMap<String, Long> sorted() {
        TreeMap<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, HashMap<String, long[]>> c : counts.entrySet()) {
            for (Map.Entry<String, long[]> t : c.getValue().entrySet()) {
                out.merge(c.getKey() + ": " + t.getKey(), t.getValue()[0], Long::sum);
            }
        }
        return out;
    }
}
