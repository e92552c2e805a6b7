package org.ecocalc.core.telemetry;

import java.util.List;

/**
 * The outcome of checking one record: the record (null when refused) and every problem.
 *
 * @param record   the record, or null when an error was found
 * @param problems every problem found, errors and warnings
 */
public record ParsedRecord(TelemetryRecord record, List<org.ecocalc.core.Problem> problems) {
    public ParsedRecord {
        problems = List.copyOf(problems);
    }

    /** Whether the record is usable. */
    public boolean isValid() {
        return record != null;
    }
}
