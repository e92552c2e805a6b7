package org.ecocalc.core.quantity;

import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/** An unknown unit symbol, or a conversion between units of different dimensions. */
public final class UnitException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given code ({@link ErrorCode#UNKNOWN_UNIT}, ...) and message. */
    public UnitException(ErrorCode code, String message) {
        super(code, message);
    }
}
