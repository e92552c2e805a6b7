package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reference host against docs/ingestion-protocol.md, request by request (an unsigned key). */
class HostProtocolTest {
    private static final String KEY = "plain-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HostFixture host;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        host = HostFixture.start(dir, 0, b -> b.apiKey(KEY, null).maxBodyBytes(64 * 1024));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.uri() + path)).header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length == 0) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void mixedBatchAnswersEachEvent() throws Exception {
        String good = Events.hour("bms", 0).toJson();
        String bad = good.replace("\"h0\"", "\"h1\"").replace("\"1000\",\"unit\":\"kWh\"", "\"1000\",\"unit\":\"kW\"");
        HttpResponse<String> r = post("/api/telemetry/ingest", "[" + good + "," + good + "," + bad + "]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("accepted").intValue()).isEqualTo(1);
        assertThat(body.get("duplicates").intValue()).isEqualTo(1);
        assertThat(body.get("rejected").intValue()).isEqualTo(1);
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("status").intValue()).isEqualTo(201);
        assertThat(results.get(1).get("status").intValue()).isEqualTo(409);
        assertThat(results.get(1).get("error").get("code").stringValue()).isEqualTo("duplicate");
        assertThat(results.get(2).get("status").intValue()).isEqualTo(400);
        assertThat(results.get(2).get("key").stringValue()).isEqualTo("bms/h1");
        assertThat(results.get(2).get("error").get("pointer").stringValue()).startsWith("/energy/it");
        // The same key again later, with other content: refused, the first kept.
        HttpResponse<String> conflict = post("/api/telemetry/ingest", good.replace("1.25", "2.5"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("results").get(0).get("error").get("code").stringValue())
                .isEqualTo("conflicting_duplicate");
        assertThat(host.store().size(EventStore.Kind.TELEMETRY)).isEqualTo(1);
    }

    @Test
    void requestLevelErrors() throws Exception {
        HttpResponse<String> r = post("/api/telemetry/ingest", "[{", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("malformed_json");

        r = post("/api/telemetry/ingest", "[]", "Content-Type", "application/json");
        assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("empty_batch");

        r = post("/api/telemetry/ingest", "[]", "Content-Type", "text/plain");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("unsupported_media_type");

        r = post("/api/telemetry/ingest", "[]", "Content-Type", "application/json", "Content-Encoding", "br");
        assertThat(r.statusCode()).isEqualTo(415);

        r = post("/api/telemetry/ingest", "[" + "1,".repeat(40_000) + "1]", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("payload_too_large");

        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(host.uri() + "/api/usage/ingest"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(json(noKey).get("error").get("code").stringValue()).isEqualTo("missing_api_key");
        assertThat(json(noKey).get("request_id").stringValue()).isNotEmpty();
    }

    @Test
    void gzipBodyIsAccepted() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(("[" + Events.call("chat", 1).toJson() + "]").getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(host.uri() + "/api/usage/ingest"))
                .header("X-API-Key", KEY).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bos.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(host.store().eventIds(EventStore.Kind.USAGE, "chat")).containsExactly("c1");
    }

    @Test
    void usageEventWithContentAttributeIsRefusedByTheSchema() throws Exception {
        String ev = Events.call("chat", 2).toJson().replace("\"feature\"", "\"user_prompt\"");
        HttpResponse<String> r = post("/api/usage/ingest", ev);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode err = json(r).get("results").get(0).get("error");
        assertThat(err.get("code").stringValue()).isEqualTo("schema_violation");
        assertThat(err.get("pointer").stringValue()).isEqualTo("/attributes/user_prompt");
        // An LLM call without a model breaks the schema's rule for llm_call.
        r = post("/api/usage/ingest", Events.call("chat", 3).toJson().replace("\"model\":\"gpt-4o\",", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("results").get(0).get("error").get("pointer").stringValue()).isEqualTo("/model");
    }

    @Test
    void requestIdIsEchoedAndLoggedAsJson() throws Exception {
        HttpResponse<String> r = post("/api/usage/ingest", Events.call("chat", 4).toJson(), "Content-Type",
                "application/json", "X-Request-ID", "trace-abc-123");
        assertThat(r.headers().firstValue("X-Request-ID")).hasValue("trace-abc-123");
        HttpResponse<String> made = post("/api/usage/ingest", Events.call("chat", 5).toJson());
        String madeUp = made.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(madeUp).isNotBlank();
        List<JsonNode> lines = host.log.toString().lines().map(JSON::readTree).filter(l -> l.has("request_id"))
                .toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("request_id").stringValue()).isEqualTo("trace-abc-123");
            assertThat(l.get("status").intValue()).isEqualTo(201);
            assertThat(l.get("key_id").stringValue()).hasSize(8);
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.get("request_id").stringValue()).isEqualTo(madeUp));
        assertThat(host.log.toString()).doesNotContain(KEY);
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        post("/api/usage/ingest", Events.call("chat", 6).toJson());
        post("/api/usage/ingest", Events.call("chat", 6).toJson());
        post("/api/usage/ingest", Events.call("chat", 7).toJson().replace("\"gpt-4o\"", "\"\""));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(host.uri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(r.body())
                .contains("ecocalc_ingest_events_total{kind=\"usage\",outcome=\"accepted\"} 1.0")
                .contains("ecocalc_ingest_events_total{kind=\"usage\",outcome=\"duplicate\"} 1.0")
                .contains("ecocalc_ingest_rejected_events_total{kind=\"usage\",reason=\"schema_violation\"} 1.0")
                .contains("ecocalc_store_events{kind=\"usage\"} 1.0")
                .contains("ecocalc_http_requests_seconds_bucket{");
    }

    @Test
    void auditLogIsAChainAndAnEditBreaksIt() throws Exception {
        post("/api/usage/ingest", "[" + Events.call("chat", 8).toJson() + "," + Events.call("chat", 8).toJson() + "]");
        host.close();
        Path log = host.auditLog();
        assertThat(ChainedJsonlAuditLog.verify(log)).isEqualTo(2);
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).contains("\"type\":\"ingest_accepted\"").contains(ChainedJsonlAuditLog.GENESIS);
        assertThat(lines.get(1)).contains("\"type\":\"ingest_duplicate\"");
        Files.writeString(log, lines.get(0).replace("chat/c8", "chat/c9") + "\n" + lines.get(1) + "\n");
        assertThatThrownBy(() -> ChainedJsonlAuditLog.verify(log)).hasMessageContaining("line 2");
        host = HostFixture.start(dir.resolve("again"), 0, b -> b.apiKey(KEY, null));
    }

    /** The host turns Nagle's algorithm off for its server (decision 0807), unless told otherwise. */
    @Test
    void theServerSetsTcpNoDelay() {
        assertThat(System.getProperty(ReferenceHost.NODELAY_PROPERTY)).isEqualTo("true");
    }

    @Test
    void reportParametersAreChecked() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(host.uri()
                + "/api/telemetry/report?facility=fra-1&from=yesterday&to=2026-01-06T00:00:00Z"))
                .header("X-API-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").get("code").stringValue()).isEqualTo("invalid_parameter");
    }
}
