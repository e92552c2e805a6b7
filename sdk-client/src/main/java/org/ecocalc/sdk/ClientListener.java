package org.ecocalc.sdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Receives what happens to tracked events. Every method has an empty default; implement those you
 * need. Methods are called on the client's background threads, except
 * {@link #onDropped} for {@link DropReason#QUEUE_FULL} and {@link DropReason#CLOSED}, which is called
 * in the thread that called {@code track()}. Keep them short and non-blocking; an exception thrown
 * by a listener is logged and otherwise ignored.
 */
public interface ClientListener {
    /** A batch was answered: {@code accepted} new events and {@code duplicates} the host already had. */
    default void onDelivered(String endpoint, int accepted, int duplicates) {
    }

    /** A delivery attempt failed and will be retried after {@code delay}; {@code reason} says why. */
    default void onRetry(String endpoint, int attempt, Duration delay, String reason) {
    }

    /** The host refused an event for good; it was written to the dead-letter file. */
    default void onDeadLetter(DeadLetter deadLetter) {
    }

    /** An accepted event could not be journaled and is lost. */
    default void onDropped(Event event, DropReason reason) {
    }

    /**
     * A spool file held a torn or corrupt entry: {@code bytesCut} bytes from {@code offset} were
     * cut off, and the entries before them kept.
     */
    default void onSpoolCorruption(Path file, long offset, long bytesCut, String reason) {
    }
}
