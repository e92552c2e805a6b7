package org.ecocalc.core.factor;

import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * No factor matched a {@link FactorQuery} at any level ({@link ErrorCode#UNKNOWN_FACTOR}). The
 * message and {@link #trace()} say what was tried.
 */
public final class UnknownFactorException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> trace;

    /** An exception with a message and the selector's trace. */
    public UnknownFactorException(String message, List<String> trace) {
        super(ErrorCode.UNKNOWN_FACTOR, message);
        this.trace = List.copyOf(Objects.requireNonNull(trace, "trace"));
    }

    /** The rules the selector applied, in order. */
    public List<String> trace() {
        return trace;
    }
}
