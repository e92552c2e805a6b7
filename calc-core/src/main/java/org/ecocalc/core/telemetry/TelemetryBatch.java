package org.ecocalc.core.telemetry;

import java.util.List;

/**
 * A data set read into memory: every valid record and every problem, each in input order.
 *
 * @param records  the valid records
 * @param problems every problem (errors for refused records, warnings for used ones)
 * @param summary  the counts
 */
public record TelemetryBatch(List<TelemetryRecord> records, List<RecordProblem> problems, ReadSummary summary) {
    public TelemetryBatch {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** Whether any record was refused. */
    public boolean hasErrors() {
        return summary.rejected() > 0;
    }
}
