package org.ecocalc.core.telemetry;

import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.Severity;

/**
 * A problem with one record of a data set: where the record was read, its idempotency key when
 * it could be read, and the problem.
 *
 * @param location where the record was read
 * @param key      the record's idempotency key, or null when it could not be read
 * @param problem  what is wrong, with its JSON Pointer relative to the record
 */
public record RecordProblem(RecordLocation location, IdempotencyKey key, Problem problem) {
    public RecordProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
    }

    /** The problem's code. */
    public ErrorCode code() {
        return problem.code();
    }

    /** The problem's severity. */
    public Severity severity() {
        return problem.severity();
    }

    /** Whether the record was refused. */
    public boolean isError() {
        return problem.isError();
    }

    /** {@code file record #3 (line 12) [src/evt] /energy/it: reason [code]}. */
    @Override
    public String toString() {
        return location + (key != null ? " [" + key + "] " : " ") + problem;
    }
}
