package org.ecocalc.core.report;

import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * A report JSON that {@link ReportJson#parse(String)} refuses: a missing member, a wrong type, an
 * unknown metric id, a unit that is not the metric's, settings that cannot be used. The code is
 * always {@link ErrorCode#INVALID_REPORT}; {@link #pointer()} names the member (RFC 6901, relative
 * to the report; {@code ""} for the whole report).
 */
public final class InvalidReportException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String reason;

    /** The member at {@code pointer} is wrong for {@code reason}. */
    public InvalidReportException(String pointer, String reason) {
        super(ErrorCode.INVALID_REPORT, "invalid report at " + (Objects.requireNonNull(pointer, "pointer").isEmpty()
                ? "(root)" : pointer) + ": " + Objects.requireNonNull(reason, "reason"));
        this.pointer = pointer;
        this.reason = reason;
    }

    /** The JSON Pointer of the offending member, relative to the report. */
    public String pointer() {
        return pointer;
    }

    /** Why the member is refused, without the pointer. */
    public String reason() {
        return reason;
    }
}
