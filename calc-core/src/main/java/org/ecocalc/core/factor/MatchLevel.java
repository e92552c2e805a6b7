package org.ecocalc.core.factor;

import java.util.Locale;

/**
 * The level at which {@link FactorSelector} found a factor, in the order it tries them:
 * an approved {@link FactorOverride} first, then the {@link RegionLevel}s from the most specific to
 * {@code FALLBACK}.
 */
public enum MatchLevel {
    /** An approved override for the organisation, facility or activity. */
    OVERRIDE,
    /** A factor for the facility itself. */
    FACILITY,
    /** A factor for the facility's grid zone. */
    GRID_ZONE,
    /** A factor for the facility's country. */
    COUNTRY,
    /** A factor for the facility's region (a group of countries). */
    REGION,
    /** A world-average factor. */
    GLOBAL,
    /** A last-resort default (low confidence). */
    FALLBACK;

    /** The lower-case id used in JSON and traces. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The match level of factors published at {@code level}. */
    public static MatchLevel of(RegionLevel level) {
        return valueOf(level.name());
    }
}
