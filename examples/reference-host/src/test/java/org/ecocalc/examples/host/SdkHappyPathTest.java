package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkHappyPathTest {
    @TempDir
    Path dir;

    @Test
    void tracksTelemetryAndUsageAndTheHostReportsThem() throws Exception {
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient client = host.client(dir.resolve("spool")).build()) {
            for (int i = 0; i < 24; i++) {
                client.track(Events.hour("bms", i));
            }
            for (int i = 0; i < 50; i++) {
                client.track(Events.call("chat", i));
            }
            assertThat(client.flush(Duration.ofSeconds(30))).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(host.store().eventIds(EventStore.Kind.TELEMETRY, "bms")).hasSize(24);
            assertThat(host.store().eventIds(EventStore.Kind.USAGE, "chat")).hasSize(50);
            assertThat(client.stats().sent()).isEqualTo(74);

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(host.uri()
                    + "/api/telemetry/report?facility=fra-1&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z"))
                    .header("X-API-Key", HostFixture.KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            // 24 hours x 1.25 MWh = 30000 kWh facility, 24 x 1000 = 24000 kWh IT: PUE 30000/24000 = 1.25.
            assertThat(r.body()).contains("\"efficiency.pue\"").contains("\"value\": \"1.25\"");
        }
    }

    @Test
    void theSameEventTrackedTwiceIsStoredOnceAndCountedDelivered() throws Exception {
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient client = host.client(dir.resolve("spool")).build()) {
            client.track(Events.hour("bms", 0));
            assertThat(client.flush(Duration.ofSeconds(30))).isEqualTo(FlushResult.ACKNOWLEDGED);
            client.track(Events.hour("bms", 0)); // a second batch: refused by the store's constraint
            client.track(Events.call("chat", 0));
            client.track(Events.call("chat", 0)); // the same batch: refused as a duplicate within it
            assertThat(client.flush(Duration.ofSeconds(30))).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(client.stats().sent()).isEqualTo(4);
            assertThat(client.stats().duplicates()).isEqualTo(2);
            Audit.exactlyOnce(host, EventStore.Kind.TELEMETRY, "bms", "h", 1);
            Audit.exactlyOnce(host, EventStore.Kind.USAGE, "chat", "c", 1);
        }
    }
}
