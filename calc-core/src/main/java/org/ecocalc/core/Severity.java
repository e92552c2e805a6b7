package org.ecocalc.core;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The item is refused: it contributes to no number. */
    ERROR,
    /** The item is used, but something about it deserves a look (for example IT energy above facility energy). */
    WARNING;

    /** The lower-case name used in JSON ({@code "error"}, {@code "warning"}). */
    public String id() {
        return this == ERROR ? "error" : "warning";
    }
}
