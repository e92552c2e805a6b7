package org.ecocalc.core.telemetry;

/**
 * Receives what {@link TelemetryReader} reads, one record at a time, in input order. A record
 * with warnings is delivered to {@link #onRecord} and its warnings to {@link #onProblem}; a
 * refused record only to {@link #onProblem}.
 */
public interface TelemetryHandler {
    /** A valid record. */
    void onRecord(TelemetryRecord record, RecordLocation location);

    /** A problem: an error (the record was refused) or a warning (the record was delivered). */
    default void onProblem(RecordProblem problem) {
    }
}
