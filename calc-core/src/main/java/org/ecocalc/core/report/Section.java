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
    ACTIVITY,
    /** Data quality and confidence ({@code quality.*}); written as {@code data_quality} in JSON. */
    QUALITY,
    /** The sustainability scorecard ({@code score.*}). */
    SCORE;

    /** The lower-case name used in JSON ({@code data_quality} for {@link #QUALITY}). */
    public String id() {
        return this == QUALITY ? "data_quality" : name().toLowerCase(Locale.ROOT);
    }
}
