package org.ecocalc.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RunVerifier} found: one {@link Check} per hash, the signature and the report body, in
 * a fixed order. The run is reproduced when no check is {@link Status#DIFFERENT}.
 *
 * @param runId  the run id the report claims
 * @param checks every check, in order
 */
public record Verification(String runId, List<Check> checks) {
    public Verification {
        checks = List.copyOf(checks);
    }

    /** The outcome of one check. */
    public enum Status {
        /** The claimed and the recomputed values agree. */
        OK,
        /** They differ: the run is not reproduced. */
        DIFFERENT,
        /** Not checked (for example a signature without a public key to check it with). */
        SKIPPED
    }

    /**
     * One comparison.
     *
     * @param name     what was compared: {@code run_id}, {@code activity_dataset}, {@code settings},
     *                 {@code results}, {@code signature}, ... or, for a difference inside the results,
     *                 the group and metric ({@code results: fra-1 2026-03-01..2026-04-01 efficiency.pue})
     * @param status   the outcome
     * @param expected what the report or manifest says, or null
     * @param actual   what was recomputed, or null
     * @param detail   a readable explanation, or null
     */
    public record Check(String name, Status status, String expected, String actual, String detail) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }

        /** One line: {@code DIFFERENT results: total efficiency.pue: expected 1.2, actual 1.3 (detail)}. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(status.name()).append(' ').append(name);
            if (status == Status.DIFFERENT && (expected != null || actual != null)) {
                b.append(": expected ").append(expected).append(", actual ").append(actual);
            } else if (status == Status.OK && actual != null) {
                b.append(": ").append(actual);
            }
            if (detail != null) {
                b.append(" (").append(detail).append(')');
            }
            return b.toString();
        }
    }

    /** Whether every check agreed (none {@link Status#DIFFERENT}). */
    public boolean isReproduced() {
        return checks.stream().noneMatch(c -> c.status == Status.DIFFERENT);
    }

    /** The checks that differ. */
    public List<Check> differences() {
        return checks.stream().filter(c -> c.status == Status.DIFFERENT).toList();
    }
}
