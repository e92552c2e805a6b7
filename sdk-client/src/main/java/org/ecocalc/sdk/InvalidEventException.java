package org.ecocalc.sdk;

import java.util.Objects;

/**
 * An event that the ingestion protocol would refuse: a missing or malformed field, a forbidden
 * attribute, or an event larger than the client's maximum event size. Thrown at once, in the
 * caller, by an event builder or by {@link EcoCalcClient#track}; never because of the host.
 *
 * <p>{@link #pointer()} names the offending field as a JSON Pointer (RFC 6901) into the event's
 * JSON form, {@code ""} for the whole event. The message never contains a secret.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    /** An exception about the field at {@code pointer}. */
    public InvalidEventException(String pointer, String message) {
        super((pointer.isEmpty() ? "(event)" : pointer) + ": " + Objects.requireNonNull(message, "message"));
        this.pointer = pointer;
    }

    /** The JSON Pointer of the offending field, {@code ""} for the whole event. */
    public String pointer() {
        return pointer;
    }
}
