package org.ecocalc.core.factor;

import java.util.Locale;

/** What an {@link FactorOverride} applies to, from the most specific to the least. */
public enum OverrideScope {
    /** One activity (one contract, meter or workload id). */
    ACTIVITY,
    /** One facility. */
    FACILITY,
    /** The whole organisation. */
    ORGANISATION;

    /** The lower-case id used in traces. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
