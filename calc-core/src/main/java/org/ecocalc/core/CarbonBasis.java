package org.ecocalc.core;

import java.util.Locale;

/**
 * Which Scope 2 total the per-workload carbon metrics (per GPU-hour, per run, per request) and CUE
 * add to Scope 1. Recorded in the settings and therefore in every report.
 */
public enum CarbonBasis {
    /** Scope 1 + location-based Scope 2: the default (always computable from grid factors). */
    LOCATION,
    /** Scope 1 + market-based Scope 2. */
    MARKET;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
