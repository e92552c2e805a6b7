package org.ecocalc.core;

import java.util.Locale;

/**
 * Which water total is the numerator of WUE and of water per unit of work. Recorded in the
 * settings, so the report says which one was used.
 */
public enum WueBasis {
    /**
     * Total site water input ({@code /water/withdrawal}): ISO/IEC 30134-9 and the WIN of
     * EU Delegated Regulation 2024/1364. The default.
     */
    WITHDRAWAL,
    /** Water used for cooling ({@code /water/cooling}): the seed platform's definition. */
    COOLING,
    /** Water consumed, not returned ({@code /water/consumption}). */
    CONSUMPTION;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
