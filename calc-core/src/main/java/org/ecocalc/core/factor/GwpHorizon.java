package org.ecocalc.core.factor;

/** The time horizon of a global warming potential. */
public enum GwpHorizon {
    /** 20 years (GWP-20). */
    YEARS_20(20),
    /** 100 years (GWP-100), the horizon of GHG inventories. */
    YEARS_100(100);

    private final int years;

    GwpHorizon(int years) {
        this.years = years;
    }

    /** The horizon in years. */
    public int years() {
        return years;
    }

    /**
     * The horizon of {@code years} years.
     *
     * @throws IllegalArgumentException unless 20 or 100
     */
    public static GwpHorizon ofYears(int years) {
        for (GwpHorizon h : values()) {
            if (h.years == years) {
                return h;
            }
        }
        throw new IllegalArgumentException("GWP horizon must be 20 or 100 years (got " + years + ")");
    }
}
