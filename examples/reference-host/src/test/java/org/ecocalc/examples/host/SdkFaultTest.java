package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecocalc.sdk.ClientListener;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK against a host that fails: every event tracked arrives exactly once in effect. */
class SdkFaultTest {
    private static final Duration FLUSH = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static void trackHours(EcoCalcClient c, String source, int n) {
        for (int i = 0; i < n; i++) {
            c.track(Events.hour(source, i));
        }
    }

    @Test
    void hostDownAtStartAndUpLater() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port);
        try (EcoCalcClient c = HostFixture.client(uri, dir.resolve("spool")).build()) {
            trackHours(c, "bms", 40);
            // Nothing listens: the events are journaled, not acknowledged.
            assertThat(c.flush(Duration.ofMillis(300))).isEqualTo(FlushResult.JOURNALED);
            assertThat(c.stats().spooled()).isEqualTo(40);
            assertThat(c.stats().sent()).isZero();
            try (HostFixture host = HostFixture.start(dir, port, b -> {
            })) {
                assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
                Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 40);
                assertThat(c.stats().retried()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void retryableStatusStorm(int status) throws Exception {
        FaultFilter faults = new FaultFilter().add(new FaultFilter.Status(status, status == 429 ? "0" : null), 8);
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.filter(faults));
                EcoCalcClient c = host.client(dir.resolve("spool")).maxBatchEvents(10).build()) {
            trackHours(c, "bms", 35);
            assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 35);
            assertThat(faults.remaining()).isZero();
            assertThat(c.stats().retried()).isEqualTo(8);
            assertThat(c.stats().deadLettered()).isZero();
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        FaultFilter faults = new FaultFilter().add(new FaultFilter.Status(429, "1"), 1);
        List<Duration> delays = new CopyOnWriteArrayList<>();
        ClientListener l = new ClientListener() {
            @Override
            public void onRetry(String endpoint, int attempt, Duration delay, String reason) {
                delays.add(delay);
            }
        };
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.filter(faults));
                EcoCalcClient c = host.client(dir.resolve("spool")).listener(l).build()) {
            trackHours(c, "bms", 3);
            assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
            // The policy's own backoff is at most 5 ms for the first retry; Retry-After: 1 makes it 1 s.
            assertThat(delays).singleElement().isEqualTo(Duration.ofSeconds(1));
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 3);
        }
    }

    @Test
    void slowHostPastTheTimeout() throws Exception {
        FaultFilter faults = new FaultFilter().add(new FaultFilter.HoldUntilNext(), 1);
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.filter(faults));
                EcoCalcClient c = host.client(dir.resolve("spool")).requestTimeout(Duration.ofMillis(300)).build()) {
            trackHours(c, "bms", 12);
            assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
            // The first request timed out in the client but was handled later by the host: the retry
            // found the events there (409) or stored them first; either way each counts once.
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 12);
            assertThat(c.stats().retried()).isGreaterThanOrEqualTo(1);
            assertThat(c.stats().sent()).isEqualTo(12);
        }
    }

    @Test
    void hostClosesConnectionsMidRequest() throws Exception {
        FaultFilter faults = new FaultFilter().add(new FaultFilter.DropBefore(), 3).add(new FaultFilter.DropAfter(), 3);
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.filter(faults));
                EcoCalcClient c = host.client(dir.resolve("spool")).maxBatchEvents(5).build()) {
            trackHours(c, "bms", 30);
            assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(faults.remaining()).isZero();
            // Dropped after storing: the retry is refused as a duplicate and counted as delivered.
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 30);
            assertThat(c.stats().duplicates()).isPositive();
            assertThat(c.stats().sent()).isEqualTo(30);
        }
    }

    @Test
    void tooLargeBatchesAreSplit() throws Exception {
        // The host takes at most 3 events per request; the client sends 10: 413, split, and so on.
        try (HostFixture host = HostFixture.start(dir, 0, b -> b.maxEvents(3));
                EcoCalcClient c = host.client(dir.resolve("spool")).maxBatchEvents(10).build()) {
            trackHours(c, "bms", 20);
            assertThat(c.flush(FLUSH)).isEqualTo(FlushResult.ACKNOWLEDGED);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 20);
            assertThat(c.stats().deadLettered()).isZero();
        }
    }
}
