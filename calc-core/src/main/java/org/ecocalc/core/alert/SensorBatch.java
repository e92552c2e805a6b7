package org.ecocalc.core.alert;

import java.util.List;
import org.ecocalc.core.telemetry.RecordProblem;

/**
 * Sensor readings read into memory, with every problem found.
 *
 * @param readings the accepted readings, in input order
 * @param problems the problems, in input order (errors refused a line; warnings did not)
 * @param rejected how many lines were refused
 */
public record SensorBatch(List<SensorReading> readings, List<RecordProblem> problems, long rejected) {
    public SensorBatch {
        readings = List.copyOf(readings);
        problems = List.copyOf(problems);
    }

    /** Whether any line was refused. */
    public boolean hasRejections() {
        return rejected > 0;
    }
}
