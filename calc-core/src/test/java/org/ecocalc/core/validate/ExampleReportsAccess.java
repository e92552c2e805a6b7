package org.ecocalc.core.validate;

import org.ecocalc.core.report.Report;

/** The example reports of {@link ExampleReports}, for tests in other packages. */
public final class ExampleReportsAccess {
    private ExampleReportsAccess() {
    }

    /** The benchmark week per day with its manifest, as JSON. */
    public static String dayRunJson() {
        return ExampleReports.DAY.toJson();
    }

    /** Its run id. */
    public static String dayRunId() {
        return ExampleReports.DAY.runId();
    }

    /** The report alone. */
    public static Report dayReport() {
        return ExampleReports.DAY.report();
    }
}
