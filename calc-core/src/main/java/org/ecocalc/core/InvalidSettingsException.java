package org.ecocalc.core;

import java.util.Objects;

/**
 * Method settings given as JSON that cannot be used: an unknown member, a wrong type, an unknown
 * value. Its {@link #problem()} names the member by JSON Pointer, relative to the settings object
 * (for example {@code /period/unit}). The code is always {@link ErrorCode#INVALID_SETTINGS}.
 */
public final class InvalidSettingsException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** An exception for the member at {@code pointer}. */
    public InvalidSettingsException(String pointer, String message) {
        this(Problem.error(ErrorCode.INVALID_SETTINGS, pointer, message));
    }

    private InvalidSettingsException(Problem problem) {
        super(ErrorCode.INVALID_SETTINGS, "invalid settings: " + problem);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What is wrong and where. */
    public Problem problem() {
        return problem;
    }

    /** The JSON Pointer of the offending member, relative to the settings object. */
    public String pointer() {
        return problem.pointer();
    }
}
