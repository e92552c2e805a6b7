package org.ecocalc.core.usage;

import java.util.List;
import org.ecocalc.core.Problem;

/**
 * The outcome of checking one usage event: the event (null when refused) and every problem.
 *
 * @param event    the event, or null when an error was found
 * @param problems every problem found
 */
public record ParsedUsageEvent(UsageEvent event, List<Problem> problems) {
    public ParsedUsageEvent {
        problems = List.copyOf(problems);
    }

    /** Whether the event is usable. */
    public boolean isValid() {
        return event != null;
    }
}
