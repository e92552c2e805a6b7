package org.ecocalc.sdk;

/** Why an accepted event was not journaled. Every drop is counted and reported; none is silent. */
public enum DropReason {
    /** The in-memory queue was full: the journal thread could not keep up with {@code track()}. */
    QUEUE_FULL,
    /** Journaling it would have taken the spool over its byte cap. */
    SPOOL_FULL,
    /** Writing the spool failed (disk full, I/O error). */
    SPOOL_ERROR,
    /** {@code track()} was called after {@code close()} began, or close timed out before journaling it. */
    CLOSED
}
