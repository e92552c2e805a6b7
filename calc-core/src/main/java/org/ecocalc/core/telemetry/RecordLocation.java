package org.ecocalc.core.telemetry;

import java.util.Objects;

/**
 * Where a record was read: the source (a file name), its position among the source's records
 * (0-based) and the line it starts on (1-based).
 *
 * @param source the source name, such as {@code benchmark-telemetry.json}
 * @param index  the record's position in the source, from 0
 * @param line   the line the record starts on, from 1
 */
public record RecordLocation(String source, long index, long line) {
    public RecordLocation {
        Objects.requireNonNull(source, "source");
    }

    /** {@code source#index (line n)}. */
    @Override
    public String toString() {
        return source + " record #" + index + " (line " + line + ")";
    }
}
