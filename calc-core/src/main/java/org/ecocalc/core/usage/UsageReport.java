package org.ecocalc.core.usage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.ecocalc.core.Engine;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.Problem;
import org.ecocalc.core.telemetry.ReadSummary;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * The result of a usage calculation over a data set: the groups and the total of a
 * {@link UsageAccumulator}, how the input was read, and the problems found (the first
 * {@value #MAX_LISTED_PROBLEMS}). Written as JSON by {@link UsageReportJson}.
 *
 * @param engineName    {@link Engine#NAME}
 * @param engineVersion {@link Engine#VERSION}
 * @param grouping      how impacts were grouped
 * @param settings      the settings (GWP set and horizon)
 * @param groups        the groups, sorted
 * @param total         the total over every counted event
 * @param read          the reader's counts
 * @param repeats       events ignored because their idempotency key was already counted
 * @param outsideRange  events not counted because they start outside the grouping's range
 * @param problems      the first problems (refused events, repeats)
 * @param problemCount  every problem found
 */
public record UsageReport(String engineName, String engineVersion, UsageGrouping grouping, MethodSettings settings,
        List<UsageGroup> groups, UsageGroup total, ReadSummary read, long repeats, long outsideRange,
        List<RecordProblem> problems, long problemCount) {
    /** Problems listed in a report (all are counted): {@value}. */
    public static final int MAX_LISTED_PROBLEMS = 1000;

    public UsageReport {
        groups = List.copyOf(groups);
        problems = List.copyOf(problems);
    }

    /** Whether any event was refused. */
    public boolean hasRejections() {
        return read.rejected() > 0;
    }

    /**
     * Reads usage events from a file or directory, computes each event's impact and groups them.
     * An event whose idempotency key was already counted is ignored with a warning
     * ({@code duplicate_record} when identical, {@code conflicting_duplicate} otherwise: the first one
     * read is counted). Keys are held in memory; the events are not.
     *
     * @param problemListener receives every problem as it is found (may print it); may be null
     */
    public static UsageReport calculate(Path input, UsageReader reader, UsageCalculator calculator,
            UsageGrouping grouping, Consumer<RecordProblem> problemListener) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(calculator, "calculator");
        UsageAccumulator acc = UsageAccumulator.of(grouping);
        List<RecordProblem> listed = new ArrayList<>();
        long[] counts = new long[2]; // problems, repeats
        Map<String, UsageEvent> seen = new HashMap<>();
        Consumer<RecordProblem> sink = p -> {
            counts[0]++;
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                listed.add(p);
            }
            if (problemListener != null) {
                problemListener.accept(p);
            }
        };
        ReadSummary read = reader.read(input, new UsageHandler() {
            @Override
            public void onEvent(UsageEvent event, RecordLocation location) {
                UsageEvent first = seen.putIfAbsent(event.key().toString(), event);
                if (first != null) {
                    counts[1]++;
                    boolean same = first.equals(event);
                    sink.accept(new RecordProblem(location, event.key(), Problem.warning(
                            same ? ErrorCode.DUPLICATE_RECORD : ErrorCode.CONFLICTING_DUPLICATE, "", same
                                    ? "the same event appeared again; counted once"
                                    : "an event with this key but different content was already counted; this one is"
                                            + " ignored")));
                    return;
                }
                acc.add(calculator.impact(event));
            }

            @Override
            public void onProblem(RecordProblem problem) {
                sink.accept(problem);
            }
        });
        return new UsageReport(Engine.NAME, Engine.VERSION, grouping, calculator.settings(), acc.groups(), acc.total(),
                read, counts[1], acc.outsideRange(), listed, counts[0]);
    }
}
