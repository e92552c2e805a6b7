package org.ecocalc.core;

import java.util.Locale;

/** How results are grouped in time. */
public enum PeriodUnit {
    /** Calendar days. */
    DAY,
    /** Calendar months. */
    MONTH,
    /** Calendar quarters (January–March, ...). */
    QUARTER,
    /** Calendar years. */
    YEAR,
    /** One group over the whole data set (or the whole custom range). */
    ALL;

    /** The lower-case name used in JSON and on the command line ({@code "month"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The unit with the given {@link #id()}.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) for an unknown id
     */
    public static PeriodUnit fromId(String id) {
        for (PeriodUnit u : values()) {
            if (u.id().equals(id)) {
                return u;
            }
        }
        throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "unknown period \"" + id
                + "\"; use day, month, quarter, year or all");
    }
}
