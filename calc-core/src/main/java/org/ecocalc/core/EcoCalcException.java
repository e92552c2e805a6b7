package org.ecocalc.core;

import java.util.Objects;

/**
 * The base of every exception that ecocalc throws on purpose. Unchecked, like
 * {@link java.time.DateTimeException}; each carries a stable {@link ErrorCode}.
 * Messages never contain secrets.
 */
public class EcoCalcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** An exception with the given code and message. */
    public EcoCalcException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** An exception with the given code, message and cause. */
    public EcoCalcException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
