package org.ecocalc.core.alert;

import java.util.Locale;

/** How urgent an alert is. */
public enum AlertSeverity {
    /** Outside the recommended or target range: look at it. */
    WARNING,
    /** Outside the allowable range, or a limit of health or equipment: act now. */
    CRITICAL;

    /** The lower-case id used in JSON ({@code "warning"}, {@code "critical"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
