package org.ecocalc.sdk;

/**
 * The constants of the ecocalc ingestion protocol v1 ({@code docs/ingestion-protocol.md}): paths,
 * headers and limits. A host that implements that document works with this client.
 */
public final class Protocol {
    /** Path of telemetry record batches. */
    public static final String TELEMETRY_PATH = "/api/telemetry/ingest";
    /** Path of usage event batches. */
    public static final String USAGE_PATH = "/api/usage/ingest";
    /** The API key header. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The request's correlation id. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    /** The sending source (informational: identity is per event). */
    public static final String SOURCE_ID_HEADER = "X-Source-ID";
    /** The kind of sender, such as {@code ecocalc-java-sdk/0.1.0}. */
    public static final String INGESTION_SOURCE_HEADER = "X-Ingestion-Source";
    /** Unix time in seconds at which the request was signed. */
    public static final String TIMESTAMP_HEADER = "X-EcoCalc-Timestamp";
    /** {@code v1=<hex HMAC-SHA256>} of the string to sign. */
    public static final String SIGNATURE_HEADER = "X-EcoCalc-Signature";
    /** The largest event a host must accept, in bytes of JSON: {@value}. */
    public static final int MAX_EVENT_BYTES = 64 * 1024;
    /** The most events in one request a host must accept: {@value}. */
    public static final int MAX_BATCH_EVENTS = 1000;
    /** The largest request body a host must accept, in bytes after decompression: {@value}. */
    public static final int MAX_BATCH_BYTES = 1024 * 1024;
    /** The largest difference between the signing time and the host's clock, in seconds: {@value}. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;

    private Protocol() {
    }
}
