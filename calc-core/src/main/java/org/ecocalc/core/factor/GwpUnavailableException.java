package org.ecocalc.core.factor;

import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * A gas has no GWP value for the chosen set and horizon in the {@link GwpTable}
 * ({@link ErrorCode#GWP_UNAVAILABLE}). ecocalc never substitutes another set's or horizon's value.
 */
public final class GwpUnavailableException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final Gas gas;
    private final GwpSet set;
    private final GwpHorizon horizon;

    /** An exception for the missing (gas, set, horizon). */
    public GwpUnavailableException(Gas gas, GwpSet set, GwpHorizon horizon, String reason) {
        super(ErrorCode.GWP_UNAVAILABLE, "no " + set + " GWP-" + horizon.years() + " value for " + gas + ": " + reason);
        this.gas = gas;
        this.set = set;
        this.horizon = horizon;
    }

    /** The gas. */
    public Gas gas() {
        return gas;
    }

    /** The GWP set asked for. */
    public GwpSet set() {
        return set;
    }

    /** The horizon asked for. */
    public GwpHorizon horizon() {
        return horizon;
    }
}
