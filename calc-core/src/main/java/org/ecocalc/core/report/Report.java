package org.ecocalc.core.report;

import java.util.List;
import java.util.Objects;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * The outcome of a calculation: the engine, the settings, the data set, every problem found in
 * the input, and the metrics of each facility and period, each facility, and the total.
 * Immutable. Write it with {@link ReportJson}.
 *
 * @param engineName    the engine name ({@link org.ecocalc.core.Engine#NAME})
 * @param engineVersion the engine version
 * @param settings      the method settings
 * @param dataset       the data set the numbers were computed from
 * @param rejected      how many input records were refused (invalid or in conflict)
 * @param problems      the problems found, in input order (at most
 *                      {@link org.ecocalc.core.EcoCalc#MAX_LISTED_PROBLEMS})
 * @param problemCount  how many problems were found in all
 * @param results       the metrics
 */
public record Report(String engineName, String engineVersion, MethodSettings settings, DatasetSummary dataset,
        long rejected, List<RecordProblem> problems, long problemCount, ReportAccumulator.Results results) {
    public Report {
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(results, "results");
        problems = List.copyOf(problems);
    }

    /** The facility-and-period groups. */
    public List<GroupResult> groups() {
        return results.groups();
    }

    /** One group per facility, over all periods. */
    public List<GroupResult> facilities() {
        return results.facilities();
    }

    /** All facilities over all periods. */
    public GroupResult total() {
        return results.total();
    }

    /** The facility total of one facility, or null. */
    public GroupResult facility(String facilityId) {
        for (GroupResult g : results.facilities()) {
            if (g.facilityId().equals(facilityId)) {
                return g;
            }
        }
        return null;
    }

    /** Whether any record was refused. */
    public boolean hasRejections() {
        return rejected > 0;
    }
}
