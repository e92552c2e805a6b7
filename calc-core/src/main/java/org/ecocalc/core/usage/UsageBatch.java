package org.ecocalc.core.usage;

import java.util.List;
import org.ecocalc.core.telemetry.ReadSummary;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * Usage events read into memory: every valid event and every problem, each in input order.
 *
 * @param events   the valid events
 * @param problems every problem of the refused events
 * @param summary  the counts
 */
public record UsageBatch(List<UsageEvent> events, List<RecordProblem> problems, ReadSummary summary) {
    public UsageBatch {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** Whether any event was refused. */
    public boolean hasErrors() {
        return summary.rejected() > 0;
    }
}
