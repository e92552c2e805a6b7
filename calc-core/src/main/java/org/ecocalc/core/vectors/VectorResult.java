package org.ecocalc.core.vectors;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one vector.
 *
 * @param name     the vector's name (the file name when it could not be read)
 * @param file     where it was read from, or null
 * @param failures each mismatch, one line each; empty when it passed
 */
public record VectorResult(String name, String file, List<String> failures) {
    public VectorResult {
        Objects.requireNonNull(name, "name");
        failures = List.copyOf(failures);
    }

    /** Whether every expectation held. */
    public boolean passed() {
        return failures.isEmpty();
    }
}
