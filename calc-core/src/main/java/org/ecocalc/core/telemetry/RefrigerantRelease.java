package org.ecocalc.core.telemetry;

import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Refrigerant released to the atmosphere over the record's interval (Scope 1, fugitive): the
 * mass lost from chillers and CRAH units, usually the mass topped up at service (GHG Protocol
 * screening method).
 *
 * @param refrigerant the gas, as the GWP pack names it, such as {@code hfc-134a} or {@code r-410a}
 * @param released    the mass released; held in kg
 */
public record RefrigerantRelease(String refrigerant, Quantity released) {
    /** The pattern of a refrigerant id (the GWP pack's gas ids). */
    public static final String REFRIGERANT_PATTERN = "^[a-z0-9][a-z0-9_()-]{0,31}$";

    public RefrigerantRelease {
        Objects.requireNonNull(refrigerant, "refrigerant");
        Objects.requireNonNull(released, "released");
        if (!refrigerant.matches(REFRIGERANT_PATTERN)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.WRONG_TYPE, "/refrigerant",
                    "a refrigerant id is lower case, such as \"hfc-134a\" (got \"" + refrigerant + "\")"));
        }
        released = Checks.amount(released, Dimension.MASS, "/refrigerant/released");
    }

    /** A release of {@code released} of {@code refrigerant}. */
    public static RefrigerantRelease of(String refrigerant, Quantity released) {
        return new RefrigerantRelease(refrigerant, released);
    }
}
