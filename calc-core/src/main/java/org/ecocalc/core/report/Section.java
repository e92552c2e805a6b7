package org.ecocalc.core.report;

import java.util.Locale;

/** The report section a metric belongs to. */
public enum Section {
    /** Carbon metrics ({@code carbon.*}). */
    CARBON,
    /** Water metrics ({@code water.*}). */
    WATER,
    /** Energy-efficiency metrics ({@code efficiency.*}). */
    EFFICIENCY,
    /** Accelerator metrics ({@code hardware.*}). */
    HARDWARE,
    /** The summed inputs the metrics divide ({@code activity.*}). */
    ACTIVITY;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
