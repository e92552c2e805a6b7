package org.ecocalc.examples.host;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The host's metrics, kept with Micrometer and exposed at {@code GET /metrics} in the Prometheus
 * text format: {@code ecocalc_ingest_events_total{kind,outcome}},
 * {@code ecocalc_ingest_rejected_events_total{kind,reason}},
 * {@code ecocalc_ingest_refused_requests_total{reason}}, the latency histogram
 * {@code ecocalc_http_requests_seconds{route,method,status}} and the store size
 * {@code ecocalc_store_events{kind}}.
 */
final class HostMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    HostMetrics(EventStore store) {
        for (EventStore.Kind k : EventStore.Kind.values()) {
            Gauge.builder("ecocalc.store.events", store, s -> s.size(k))
                    .description("Events in the store")
                    .tag("kind", kind(k))
                    .register(registry);
        }
    }

    static String kind(EventStore.Kind k) {
        return k == EventStore.Kind.TELEMETRY ? "telemetry" : "usage";
    }

    void events(EventStore.Kind k, String outcome, long n) {
        if (n > 0) {
            Counter.builder("ecocalc.ingest.events").description("Events received, by outcome")
                    .tag("kind", kind(k)).tag("outcome", outcome).register(registry).increment(n);
        }
    }

    void rejected(EventStore.Kind k, String reason) {
        Counter.builder("ecocalc.ingest.rejected.events").description("Events refused as invalid, by reason")
                .tag("kind", kind(k)).tag("reason", reason).register(registry).increment();
    }

    void refused(String reason) {
        Counter.builder("ecocalc.ingest.refused.requests").description("Requests refused whole, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    void request(String route, String method, int status, long nanos) {
        Timer.builder("ecocalc.http.requests").description("HTTP request latency")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    String scrape() {
        return registry.scrape();
    }
}
