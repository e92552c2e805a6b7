package org.ecocalc.sdk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The validated, immutable configuration of a client (built by {@link EcoCalcClient.Builder}). */
record Settings(
        URI endpoint,
        String apiKey,
        byte[] hmacSecret,
        String sourceId,
        String ingestionSource,
        int maxBatchEvents,
        int maxBatchBytes,
        int maxEventBytes,
        Duration flushInterval,
        int queueCapacity,
        Path spoolDirectory,
        long spoolCapBytes,
        long spoolSegmentBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration closeTimeout,
        RetryPolicy retryPolicy,
        ClientListener listener,
        boolean compression,
        boolean allowInsecureHttp,
        boolean shutdownHook,
        Clock clock) {

    /** Never shows the API key or the secret. */
    @Override
    public String toString() {
        return "endpoint=" + endpoint + ", apiKey=****, hmacSecret=" + (hmacSecret == null ? "none" : "****")
                + ", sourceId=" + sourceId + ", ingestionSource=" + ingestionSource
                + ", maxBatchEvents=" + maxBatchEvents + ", maxBatchBytes=" + maxBatchBytes
                + ", maxEventBytes=" + maxEventBytes + ", flushInterval=" + flushInterval
                + ", queueCapacity=" + queueCapacity + ", spoolDirectory=" + spoolDirectory
                + ", spoolCapBytes=" + spoolCapBytes + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", closeTimeout=" + closeTimeout + ", retryPolicy=" + retryPolicy
                + ", compression=" + compression + ", allowInsecureHttp=" + allowInsecureHttp
                + ", shutdownHook=" + shutdownHook;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
