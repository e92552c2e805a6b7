package org.ecocalc.core.alert;

import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * An alert setting that is refused: names the setting (or the environment variable it came
 * from) and the reason. Code {@link ErrorCode#INVALID_SETTINGS}. A bad value is never replaced
 * by a default.
 */
public final class AlertSettingsException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String reason;

    /** An exception for {@code setting} (a setting id, JSON Pointer or environment variable). */
    public AlertSettingsException(String setting, String reason) {
        super(ErrorCode.INVALID_SETTINGS, Objects.requireNonNull(setting, "setting") + ": "
                + Objects.requireNonNull(reason, "reason"));
        this.setting = setting;
        this.reason = reason;
    }

    /** The setting, JSON Pointer or environment variable refused. */
    public String setting() {
        return setting;
    }

    /** Why it was refused. */
    public String reason() {
        return reason;
    }
}
