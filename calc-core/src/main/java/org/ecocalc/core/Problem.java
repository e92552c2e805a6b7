package org.ecocalc.core;

import java.util.Objects;

/**
 * One finding about an input: what is wrong ({@link #code()}), how serious it is, where (a JSON
 * Pointer, RFC 6901, relative to the item; {@code ""} for the whole item) and a readable reason.
 *
 * @param code     the stable error code
 * @param severity error (the item is refused) or warning (the item is used)
 * @param pointer  JSON Pointer to the offending field, relative to the item
 * @param message  a readable reason, formatted with {@link java.util.Locale#ROOT}
 */
public record Problem(ErrorCode code, Severity severity, String pointer, String message) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** An error-level problem. */
    public static Problem error(ErrorCode code, String pointer, String message) {
        return new Problem(code, Severity.ERROR, pointer, message);
    }

    /** A warning-level problem. */
    public static Problem warning(ErrorCode code, String pointer, String message) {
        return new Problem(code, Severity.WARNING, pointer, message);
    }

    /** Whether this problem refuses the item. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(record)" : pointer) + ": " + message + " [" + code.id() + "]";
    }
}
