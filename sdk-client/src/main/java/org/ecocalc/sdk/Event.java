package org.ecocalc.sdk;

/**
 * Something {@link EcoCalcClient#track} delivers: a {@link TelemetryRecord} or a
 * {@link UsageEvent}. Every event is immutable and valid once built, and carries its idempotency
 * key ({@code source_id} + {@code external_event_id}), which it keeps across retries, batch
 * splits and spool replays, so that a host can always refuse a second copy.
 */
public sealed interface Event permits TelemetryRecord, UsageEvent {
    /** The producing source: the first half of the idempotency key. */
    String sourceId();

    /** The source's id for this event: the second half of the idempotency key. */
    String externalEventId();

    /** The idempotency key as text, {@code source_id/external_event_id}. */
    default String key() {
        return sourceId() + "/" + externalEventId();
    }

    /** The length in bytes of the event's JSON form (UTF-8), as it is journaled and sent. */
    int jsonSize();

    /** The event's JSON form (UTF-8 text), as it is journaled and sent. */
    default String toJson() {
        return EventJson.toJson(this);
    }
}
