package org.ecocalc.examples.host;

import java.io.Closeable;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where the host records what it did, append-only. The host depends only on this interface, so
 * that its {@link ChainedJsonlAuditLog} can be swapped for calc-core's general audit log
 * ({@code org.ecocalc.core.audit}) when that lands.
 */
public interface AuditLog extends Closeable {
    /** One audit record: a type (such as {@code ingest_accepted}) and its fields, sorted by name. */
    record Entry(String type, SortedMap<String, Object> fields) {
        public Entry {
            fields = new TreeMap<>(fields);
        }

        /** An entry with the given fields: name, value, name, value, ... (null values are left out). */
        public static Entry of(String type, Object... nameValues) {
            TreeMap<String, Object> m = new TreeMap<>();
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                if (nameValues[i + 1] != null) {
                    m.put((String) nameValues[i], nameValues[i + 1]);
                }
            }
            return new Entry(type, m);
        }
    }

    /** Appends the entries, in order, durably, before returning. */
    void append(List<Entry> entries);

    @Override
    void close();
}
