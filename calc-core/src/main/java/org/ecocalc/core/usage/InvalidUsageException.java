package org.ecocalc.core.usage;

import java.util.List;
import java.util.stream.Collectors;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Problem;

/**
 * A usage event that cannot be used. Carries every problem found (each with its JSON Pointer and
 * reason); {@link #code()} is the code of the first.
 */
public final class InvalidUsageException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * An exception for the given problems, at least one of them an error.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidUsageException(List<Problem> problems) {
        super(first(problems).code(), message(problems));
        this.problems = List.copyOf(problems);
    }

    /** An exception for a single problem. */
    public InvalidUsageException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    private static Problem first(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidUsageException needs at least one problem");
        }
        return problems.get(0);
    }

    private static String message(List<Problem> problems) {
        return "invalid usage event: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
