package org.ecocalc.core.telemetry;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;

/**
 * The identity of a telemetry record: the source that produced it and the source's own event id.
 * Two records with the same key are the same event: one is counted at most once.
 *
 * <p>{@code source_id} matches {@value #SOURCE_ID_PATTERN} (no {@code /}), so the text form
 * {@code source_id/external_event_id} is unambiguous. {@code external_event_id} is 1 to
 * {@value #MAX_EVENT_ID_LENGTH} characters without control characters. Keys are ordered by
 * {@code source_id}, then {@code external_event_id}, each compared by UTF-16 code units (the
 * order RFC 8785 uses for object keys), never by locale.
 *
 * <p>Serializable (its two strings; the canonical constructor checks them again on reading), so
 * that keys can travel between the workers of a partitioned engine.
 *
 * @param sourceId        the producing source
 * @param externalEventId the source's id for this event
 */
public record IdempotencyKey(String sourceId, String externalEventId)
        implements Comparable<IdempotencyKey>, Serializable {
    /** The pattern a {@code source_id} matches. */
    public static final String SOURCE_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    /** The longest accepted {@code external_event_id}. */
    public static final int MAX_EVENT_ID_LENGTH = 256;

    private static final Comparator<IdempotencyKey> ORDER = Comparator.comparing(IdempotencyKey::sourceId)
            .thenComparing(IdempotencyKey::externalEventId);

    public IdempotencyKey {
        Problem p = sourceIdProblem(sourceId);
        if (p == null) {
            p = eventIdProblem(externalEventId);
        }
        if (p != null) {
            throw new InvalidTelemetryException(p);
        }
    }

    /** The key {@code sourceId/externalEventId}. */
    public static IdempotencyKey of(String sourceId, String externalEventId) {
        return new IdempotencyKey(sourceId, externalEventId);
    }

    /**
     * Parses the text form {@code source_id/external_event_id}.
     *
     * @throws InvalidTelemetryException if either part is invalid
     */
    public static IdempotencyKey parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.MISSING_IDENTITY, "",
                    "an idempotency key is written source_id/external_event_id"));
        }
        return new IdempotencyKey(text.substring(0, slash), text.substring(slash + 1));
    }

    static Problem sourceIdProblem(String sourceId) {
        if (sourceId == null || sourceId.isEmpty()) {
            return Problem.error(ErrorCode.MISSING_IDENTITY, "/source_id", "source_id is required");
        }
        if (!Identifiers.isId(sourceId)) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/source_id",
                    "source_id must be 1 to 128 letters, digits or . _ : @ - (starting with a letter or digit)");
        }
        return null;
    }

    static Problem eventIdProblem(String id) {
        if (id == null || id.isEmpty()) {
            return Problem.error(ErrorCode.MISSING_IDENTITY, "/external_event_id", "external_event_id is required");
        }
        if (id.length() > MAX_EVENT_ID_LENGTH) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/external_event_id",
                    "external_event_id must be at most " + MAX_EVENT_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return Problem.error(ErrorCode.WRONG_TYPE, "/external_event_id",
                        "external_event_id must not contain control characters");
            }
        }
        return null;
    }

    @Override
    public int compareTo(IdempotencyKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code source_id/external_event_id}. */
    @Override
    public String toString() {
        return sourceId + "/" + externalEventId;
    }
}
