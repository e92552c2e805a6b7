package org.ecocalc.core.usage;

import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * Receives what {@link UsageReader} reads, one event at a time, in input order. A refused event goes
 * only to {@link #onProblem}, once per problem.
 */
public interface UsageHandler {
    /** A valid event. */
    void onEvent(UsageEvent event, RecordLocation location);

    /** A problem of a refused event (an error with its JSON Pointer). */
    default void onProblem(RecordProblem problem) {
    }
}
