package org.ecocalc.sdk;

/**
 * An event the host refused for good (a 4xx other than 409, 413 and 429, or a per-event 400),
 * as written to the spool's {@code dead-letter.jsonl}. It is not retried.
 *
 * @param endpoint  the path the event was sent to, such as {@code /api/telemetry/ingest}
 * @param status    the HTTP status of the refusal
 * @param code      the host's error code, such as {@code invalid_api_key}
 * @param message   the host's message
 * @param requestId the {@code X-Request-ID} of the request
 * @param eventJson the event as it was sent
 */
public record DeadLetter(String endpoint, int status, String code, String message, String requestId,
        String eventJson) {
}
