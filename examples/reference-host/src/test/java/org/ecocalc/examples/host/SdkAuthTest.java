package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys and signatures: what the host refuses, and what the SDK does with a refusal. */
class SdkAuthTest {
    private static final String PATH = "/api/telemetry/ingest";
    /** The host's clock in these tests. */
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HostFixture fixedClockHost() throws Exception {
        return HostFixture.start(dir, 0, b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void wrongApiKeyIsDeadLetteredWithTheReason() throws Exception {
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(dir.resolve("spool")).apiKey("not-a-key").build()) {
            for (int i = 0; i < 4; i++) {
                c.track(Events.hour("bms", i));
            }
            // The host answered for each event (403): settled, not retried.
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(c.stats().deadLettered()).isEqualTo(4);
            assertThat(c.stats().retried()).isZero();
            assertThat(c.stats().sent()).isZero();
            List<String> lines = Files.readAllLines(dir.resolve("spool").resolve("dead-letter.jsonl"));
            assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"status\":403")
                    .contains("\"code\":\"invalid_api_key\"").contains("\"external_event_id\":\"h")
                    .doesNotContain("not-a-key"));
            assertThat(host.store().size(EventStore.Kind.TELEMETRY)).isZero();
        }
    }

    @Test
    void wrongSecretIsRefusedAsInvalidSignature() throws Exception {
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(dir.resolve("spool")).hmacSecret("another-secret-0123456789").build()) {
            c.track(Events.hour("bms", 0));
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(Files.readString(dir.resolve("spool").resolve("dead-letter.jsonl")))
                    .contains("\"code\":\"invalid_signature\"");
        }
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        try (HostFixture host = HostFixture.start(dir)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(host.uri() + PATH))
                    .header("Content-Type", "application/json").header("X-API-Key", HostFixture.KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("[" + Events.hour("bms", 0).toJson() + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("\"code\":\"missing_signature\"");
            assertThat(host.store().size(EventStore.Kind.TELEMETRY)).isZero();
        }
    }

    @Test
    void replayedRequestIsRefused() throws Exception {
        try (HostFixture host = fixedClockHost()) {
            HttpRequest req = Signing.signed(host.uri(), PATH, "[" + Events.hour("bms", 0).toJson() + "]",
                    NOW.getEpochSecond(), "req-1");
            assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
            // The same bytes again, within the allowed skew: refused as a replay before any event is read.
            HttpResponse<String> again = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(403);
            assertThat(again.body()).contains("\"code\":\"replayed_request\"");
        }
    }

    @Test
    void requestSignedTooLongAgoIsRefused() throws Exception {
        try (HostFixture host = fixedClockHost()) {
            // Signed 301 s before the host's time; the allowed skew is 300 s.
            HttpRequest req = Signing.signed(host.uri(), PATH, "[" + Events.hour("bms", 0).toJson() + "]",
                    NOW.getEpochSecond() - 301, "req-2");
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("\"code\":\"stale_timestamp\"");
            // 300 s is still within the skew.
            HttpRequest ok = Signing.signed(host.uri(), PATH, "[" + Events.hour("bms", 0).toJson() + "]",
                    NOW.getEpochSecond() - 300, "req-3");
            assertThat(http.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void tamperedBodyIsRefused() throws Exception {
        try (HostFixture host = fixedClockHost()) {
            String json = "[" + Events.hour("bms", 0).toJson() + "]";
            long ts = NOW.getEpochSecond();
            String sig = Signing.signature(HostFixture.SECRET, ts, PATH, "req-4", json.getBytes(StandardCharsets.UTF_8));
            HttpRequest req = HttpRequest.newBuilder(URI.create(host.uri() + PATH))
                    .header("Content-Type", "application/json").header("X-API-Key", HostFixture.KEY)
                    .header("X-Request-ID", "req-4").header("X-EcoCalc-Timestamp", Long.toString(ts))
                    .header("X-EcoCalc-Signature", sig)
                    .POST(HttpRequest.BodyPublishers.ofString(json.replace("1.25", "9.25"))).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("\"code\":\"invalid_signature\"");
        }
    }

    @Test
    void sdkSignaturesAreAcceptedAndTheSecretNeverLogged() throws Exception {
        try (HostFixture host = HostFixture.start(dir);
                EcoCalcClient c = host.client(dir.resolve("spool")).build()) {
            c.track(Events.hour("bms", 0));
            assertThat(c.flush(HostFixture.WAIT)).isEqualTo(FlushResult.ACKNOWLEDGED);
            assertThat(c.toString()).doesNotContain(HostFixture.KEY).doesNotContain(HostFixture.SECRET);
            assertThat(host.log.toString()).contains("\"request_id\"").doesNotContain(HostFixture.KEY)
                    .doesNotContain(HostFixture.SECRET).doesNotContain("v1=");
        }
    }
}
