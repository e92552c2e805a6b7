package org.ecocalc.core.quality;

import java.util.Locale;

/** How outliers of a series are found. */
public enum OutlierMethod {
    /** |x − mean| / s > threshold, s the sample standard deviation (default threshold 3). */
    ZSCORE,
    /**
     * Modified z-score of Iglewicz and Hoaglin (1993): 0.6745 × |x − median| / MAD > threshold
     * (default 3.5). Robust for short or skewed series.
     */
    MAD;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
