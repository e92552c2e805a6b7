package org.ecocalc.core.audit;

import java.util.Locale;

/** The kinds of audit events. Their {@link #id()}s are stable. */
public enum AuditEventType {
    /** A record was accepted. */
    INGEST_ACCEPTED,
    /** A record was refused (invalid, or in conflict with an earlier record of the same key). */
    INGEST_REJECTED,
    /** A record repeated one already accepted (same key, same content) and was not counted again. */
    DUPLICATE_REJECTED,
    /** A calculation run was made. */
    CALCULATION,
    /** A threshold alert fired. */
    ALERT;

    /** The snake_case id written in the log ({@code ingest_accepted}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this id, or null. */
    public static AuditEventType fromId(String id) {
        for (AuditEventType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }
}
