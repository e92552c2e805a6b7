package org.ecocalc.core;

import java.util.Locale;

/**
 * The organisational boundary (GHG Protocol Corporate Standard, chapter 3). ecocalc reports what
 * the telemetry covers; the boundary is recorded with the results so that a reader knows which
 * consolidation the numbers were prepared for.
 */
public enum Boundary {
    /** Operational control: the default (the seed playbook's default). */
    OPERATIONAL_CONTROL,
    /** Financial control. */
    FINANCIAL_CONTROL,
    /** Equity share. */
    EQUITY_SHARE;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
