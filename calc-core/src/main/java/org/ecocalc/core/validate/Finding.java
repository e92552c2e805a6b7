package org.ecocalc.core.validate;

import java.util.Locale;
import java.util.Objects;

/**
 * One finding of {@link ReportValidator}: what (a stable {@link FindingCode}), how serious, where
 * (an RFC 6901 JSON Pointer into the report; {@code ""} for the whole report) and a readable
 * message (formatted with {@link Locale#ROOT}).
 *
 * @param code    the finding's code; its {@link FindingCode#severity()} is the finding's severity
 * @param pointer the JSON Pointer of the member concerned
 * @param message a readable explanation with the values involved
 */
public record Finding(FindingCode code, String pointer, String message) {
    /** How serious a finding is. */
    public enum Severity {
        /** The report is not valid: a rule the engine guarantees is broken. */
        ERROR,
        /** The report is valid, but something deserves a look. */
        WARNING,
        /** Something the validation could not check, and where to check it. */
        INFO;

        /** The lower-case id used in JSON ({@code "error"}, {@code "warning"}, {@code "info"}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer is empty or starts with '/': " + pointer);
        }
    }

    /** The severity ({@link FindingCode#severity()}). */
    public Severity severity() {
        return code.severity();
    }

    /** Whether this finding makes the report invalid. */
    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    /** {@code error pue_below_one /results/0/efficiency/efficiency.pue/value: message}. */
    @Override
    public String toString() {
        return severity().id() + " " + code.id() + " " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}
