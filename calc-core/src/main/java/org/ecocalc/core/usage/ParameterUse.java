package org.ecocalc.core.usage;

import java.util.Objects;
import org.ecocalc.core.carbon.FactorUse;

/**
 * A factor applied to a usage impact, with its range: the factor's citation, selection and use
 * count ({@link FactorUse}), and the low and high ends of the value as published (equal to the value
 * when the pack publishes no range).
 *
 * @param use       the factor, how it was selected and for how many events
 * @param valueLow  the low end, in the factor's unit as published
 * @param valueHigh the high end, in the factor's unit as published
 */
public record ParameterUse(FactorUse use, String valueLow, String valueHigh) {
    public ParameterUse {
        Objects.requireNonNull(use, "use");
    }

    /** What the factor did, such as {@code llm_active_parameters} or {@code pue}. */
    public String role() {
        return use.role();
    }

    /** The same use applied to more events. */
    public ParameterUse plus(long more) {
        return new ParameterUse(use.plus(more), valueLow, valueHigh);
    }

    /** The identity of the use: everything but the event count. */
    public String key() {
        return use.key() + "|" + valueLow + "|" + valueHigh;
    }
}
