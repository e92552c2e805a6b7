package org.ecocalc.examples.host;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.Problem;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.ParsedRecord;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference host: {@code POST /api/telemetry/ingest}, {@code POST /api/usage/ingest},
 * {@code GET /api/telemetry/report}, {@code GET /metrics} and {@code GET /health}, on the JDK's
 * HTTP server. See {@code docs/ingestion-protocol.md} for what each answers, and this module's
 * README for how to run it.
 */
public final class ReferenceHost implements Closeable {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final Pattern FACILITY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$");

    private final HostConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStore store;
    private final AuditLog audit;
    private final HostMetrics metrics;
    private final RequestAuth auth;
    private final JsonLog log;

    private ReferenceHost(HostConfig config, HttpServer server, ExecutorService executor, EventStore store,
            AuditLog audit) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.audit = audit;
        this.metrics = new HostMetrics(store);
        this.auth = new RequestAuth(config.apiKeys(), config.clock(), config.maxSkew());
        this.log = new JsonLog(config.logOut(), config.clock());
    }

    /**
     * Opens the store and the audit log and starts serving.
     *
     * @throws IOException if the port cannot be bound
     */
    public static ReferenceHost start(HostConfig config) throws IOException {
        String url = config.jdbcUrl();
        if (url.startsWith("jdbc:sqlite:") && !url.contains(":memory:") && !url.startsWith("jdbc:sqlite:file:")) {
            Path db = Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath();
            java.nio.file.Files.createDirectories(db.getParent());
        }
        EventStore store;
        try {
            store = new EventStore(url);
        } catch (SQLException e) {
            throw new IOException("cannot open the store " + config.jdbcUrlForDisplay() + ": " + e.getMessage(), e);
        }
        AuditLog audit = new ChainedJsonlAuditLog(config.auditLog(), config.clock());
        noDelay();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
        } catch (IOException e) {
            store.close();
            audit.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "reference-host-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        ReferenceHost host = new ReferenceHost(config, server, executor, store, audit);
        HttpContext ctx = server.createContext("/", host::handle);
        for (Filter f : config.filters()) {
            ctx.getFilters().add(f);
        }
        server.start();
        host.log.log("info", "reference host started", null, Map.of("url", host.uri().toString(),
                "jdbc_url", config.jdbcUrlForDisplay(), "audit_log", config.auditLog().toString()));
        return host;
    }

    /** The JDK server's switch for {@code TCP_NODELAY} on accepted connections. */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /**
     * Turns Nagle's algorithm off for the JDK's HTTP server in this JVM, unless the property was set
     * explicitly. The server writes a response's headers and body separately; with Nagle's algorithm
     * the body waits until the client acknowledges the headers, which a client delays (40 ms on
     * Linux) while it waits for the body: every answer took 40 ms more on loopback (decision 0807).
     * The server reads the property once, when the first server of the JVM starts.
     */
    static void noDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** The port served. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URI, such as {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return URI.create("http://" + (config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind()) + ":"
                + port());
    }

    /** The store (for tests and tools). */
    public EventStore store() {
        return store;
    }

    /** The metrics in Prometheus text format, as {@code GET /metrics} serves them. */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        audit.close();
    }

    // ------------------------------------------------------------------ request handling

    private record Response(int status, byte[] body, String contentType, Map<String, String> headers,
            Map<String, Object> fields) {
        static Response json(int status, JsonNode body, Map<String, Object> fields) {
            return new Response(status, (MAPPER.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8),
                    "application/json", Map.of(), fields);
        }
    }

    private static ObjectNode errorBody(String code, String message, String requestId) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ObjectNode e = n.putObject("error");
        e.put("code", code);
        e.put("message", message);
        n.put("request_id", requestId);
        return n;
    }

    private Response error(int status, String code, String message, String requestId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("error_code", code);
        return Response.json(status, errorBody(code, message, requestId), f);
    }

    private void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        String given = ex.getRequestHeaders().getFirst("X-Request-ID");
        String rid = given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String path = ex.getRequestURI().getPath();
        String route = switch (path) {
            case "/api/telemetry/ingest", "/api/usage/ingest", "/api/telemetry/report", "/metrics", "/health" -> path;
            default -> "other";
        };
        Response r;
        try {
            r = route(ex, rid, path);
        } catch (RuntimeException | SQLException e) {
            log.log("error", "request failed", rid, Map.of("error", e.toString()));
            r = error(500, "internal_error", "the host failed to handle the request", rid);
        }
        // Logged and counted before the answer goes out, so that a client that got its answer finds
        // the request in the log (the duration is the time to handle it, sending excluded).
        long nanos = System.nanoTime() - t0;
        metrics.request(route, ex.getRequestMethod(), r.status(), nanos);
        if (!route.equals("/metrics") && !route.equals("/health")) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("method", ex.getRequestMethod());
            f.put("path", path);
            f.put("status", r.status());
            f.put("duration_us", nanos / 1000);
            String key = ex.getRequestHeaders().getFirst("X-API-Key");
            if (key != null) {
                f.put("key_id", RequestAuth.keyId(key));
            }
            f.putAll(r.fields());
            log.log(r.status() >= 500 ? "error" : "info", "request", rid, f);
        }
        try {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("X-Request-ID", rid);
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(r.body());
                }
            }
        } finally {
            ex.close();
        }
    }

    private Response route(HttpExchange ex, String rid, String path) throws IOException, SQLException {
        String method = ex.getRequestMethod();
        switch (path) {
            case "/api/telemetry/ingest":
            case "/api/usage/ingest":
                if (!method.equals("POST")) {
                    return error(405, "method_not_allowed", "use POST", rid);
                }
                return ingest(ex, rid, path.startsWith("/api/telemetry") ? EventStore.Kind.TELEMETRY
                        : EventStore.Kind.USAGE);
            case "/api/telemetry/report":
                if (!method.equals("GET")) {
                    return error(405, "method_not_allowed", "use GET", rid);
                }
                return report(ex, rid);
            case "/metrics":
                return new Response(200, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8", Map.of(), Map.of());
            case "/health":
                return Response.json(200, JsonNodeFactory.instance.objectNode().put("status", "ok"), Map.of());
            default:
                return error(404, "not_found", "no such endpoint", rid);
        }
    }

    private Response refuse(int status, String code, String message, String rid, String path) {
        metrics.refused(code);
        audit.append(List.of(AuditLog.Entry.of("request_refused", "request_id", rid, "path", path, "status", status,
                "code", code)));
        return error(status, code, message, rid);
    }

    private Response ingest(HttpExchange ex, String rid, EventStore.Kind kind) throws IOException, SQLException {
        String path = ex.getRequestURI().getPath();
        var h = ex.getRequestHeaders();
        String apiKey = h.getFirst("X-API-Key");
        RequestAuth.Refusal no = auth.checkKey(apiKey);
        if (no != null) {
            return refuse(403, no.code(), no.message(), rid, path);
        }
        String type = h.getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
            return refuse(415, "unsupported_media_type", "the body must be application/json", rid, path);
        }
        String encoding = h.getFirst("Content-Encoding");
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            return refuse(415, "unsupported_encoding", "Content-Encoding must be gzip or identity", rid, path);
        }
        byte[] wire;
        try (InputStream in = ex.getRequestBody()) {
            wire = in.readNBytes(config.maxBodyBytes() + 1);
        }
        if (wire.length > config.maxBodyBytes()) {
            return refuse(413, "payload_too_large", "the body is larger than " + config.maxBodyBytes() + " bytes", rid,
                    path);
        }
        no = auth.checkSignature(apiKey, "POST", ex.getRequestURI().getRawPath(), h.getFirst("X-Request-ID"),
                h.getFirst("X-EcoCalc-Timestamp"), h.getFirst("X-EcoCalc-Signature"), wire);
        if (no != null) {
            return refuse(403, no.code(), no.message(), rid, path);
        }
        byte[] body = wire;
        if (gzip) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
                body = in.readNBytes(config.maxBodyBytes() + 1);
            } catch (ZipException | java.io.EOFException e) {
                return refuse(400, "malformed_body", "the body is not valid gzip", rid, path);
            }
            if (body.length > config.maxBodyBytes()) {
                return refuse(413, "payload_too_large", "the decompressed body is larger than " + config.maxBodyBytes()
                        + " bytes", rid, path);
            }
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().split("\n")[0];
            return refuse(400, "malformed_json", "malformed JSON: " + m, rid, path);
        }
        List<JsonNode> events = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(events::add);
        } else if (root != null && root.isObject()) {
            events.add(root);
        } else {
            return refuse(400, "batch_not_array", "the body must be a JSON array of events", rid, path);
        }
        if (events.isEmpty()) {
            return refuse(400, "empty_batch", "the batch holds no event", rid, path);
        }
        if (events.size() > config.maxEvents()) {
            return refuse(413, "too_many_events", "a batch holds at most " + config.maxEvents() + " events (got "
                    + events.size() + ")", rid, path);
        }
        return store(kind, events, rid, path);
    }

    /** One event's fate, in request order. */
    private static final class Result {
        String key;
        int status;
        String code;
        String message;
        String pointer;
        ArrayNode problems;
        EventStore.Row row;
    }

    private Response store(EventStore.Kind kind, List<JsonNode> events, String rid, String path) throws SQLException {
        List<Result> results = new ArrayList<>(events.size());
        List<EventStore.Row> rows = new ArrayList<>(events.size());
        for (JsonNode node : events) {
            Result r = kind == EventStore.Kind.TELEMETRY ? checkTelemetry(node) : checkUsage(node);
            results.add(r);
            if (r.row != null) {
                rows.add(r.row);
            }
        }
        Instant now = config.clock().instant();
        List<EventStore.Outcome> outcomes = rows.isEmpty() ? List.of() : store.store(kind, rows, rid, now);
        int k = 0;
        int accepted = 0;
        int dups = 0;
        int rejected = 0;
        List<AuditLog.Entry> entries = new ArrayList<>(events.size());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("request_id", rid);
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (r.row != null) {
                EventStore.Outcome o = outcomes.get(k++);
                if (o == EventStore.Outcome.STORED) {
                    r.status = 201;
                    accepted++;
                    entries.add(AuditLog.Entry.of("ingest_accepted", "request_id", rid, "kind", HostMetrics.kind(kind),
                            "key", r.key, "digest", r.row.digest()));
                } else {
                    r.status = 409;
                    dups++;
                    r.code = o == EventStore.Outcome.DUPLICATE ? "duplicate" : "conflicting_duplicate";
                    r.message = o == EventStore.Outcome.DUPLICATE
                            ? "an event with this idempotency key is already stored; it is counted once"
                            : "an event with this idempotency key and different content is already stored; the first"
                                    + " is kept and counted once";
                    entries.add(AuditLog.Entry.of("ingest_duplicate", "request_id", rid, "kind", HostMetrics.kind(kind),
                            "key", r.key, "code", r.code, "digest", r.row.digest()));
                }
            } else {
                r.status = 400;
                rejected++;
                metrics.rejected(kind, r.code);
                entries.add(AuditLog.Entry.of("ingest_rejected", "request_id", rid, "kind", HostMetrics.kind(kind),
                        "key", r.key, "code", r.code, "pointer", r.pointer));
            }
            ObjectNode n = arr.addObject();
            n.put("index", i);
            if (r.key != null) {
                n.put("key", r.key);
            }
            n.put("status", r.status);
            if (r.code != null) {
                ObjectNode e = n.putObject("error");
                e.put("code", r.code);
                e.put("message", r.message);
                if (r.pointer != null) {
                    e.put("pointer", r.pointer);
                }
                if (r.problems != null) {
                    e.set("problems", r.problems);
                }
            }
        }
        audit.append(entries);
        metrics.events(kind, "accepted", accepted);
        metrics.events(kind, "duplicate", dups);
        metrics.events(kind, "rejected", rejected);
        out.put("accepted", accepted);
        out.put("duplicates", dups);
        out.put("rejected", rejected);
        int status = accepted == results.size() ? 201 : dups == results.size() ? 409
                : rejected == results.size() ? 400 : 200;
        if (status == 400) {
            ObjectNode e = out.putObject("error");
            e.put("code", results.size() == 1 ? results.get(0).code : "invalid_events");
            e.put("message", results.size() == 1 ? results.get(0).message : "every event of the batch was refused");
        } else if (status == 409) {
            ObjectNode e = out.putObject("error");
            e.put("code", "duplicate");
            e.put("message", "every event of the batch is already stored");
        }
        out.set("results", arr);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("events", results.size());
        f.put("accepted", accepted);
        f.put("duplicates", dups);
        f.put("rejected", rejected);
        return Response.json(status, out, f);
    }

    private static String keyOf(JsonNode node) {
        JsonNode s = node.isObject() ? node.get("source_id") : null;
        JsonNode e = node.isObject() ? node.get("external_event_id") : null;
        return s != null && e != null && s.isString() && e.isString() ? s.stringValue() + "/" + e.stringValue() : null;
    }

    private boolean tooLarge(JsonNode node, Result r) {
        if (Jcs.sizeBound(node) <= config.maxEventBytes()) {
            return false; // an upper bound of the size below: nothing to measure
        }
        int size = MAPPER.writeValueAsBytes(node).length;
        if (size > config.maxEventBytes()) {
            r.code = "event_too_large";
            r.message = "the event is " + size + " bytes of JSON, more than " + config.maxEventBytes();
            r.pointer = "";
            return true;
        }
        return false;
    }

    private Result checkTelemetry(JsonNode node) {
        Result r = new Result();
        r.key = keyOf(node);
        if (tooLarge(node, r)) {
            return r;
        }
        ParsedRecord p = TelemetryReader.standard().check(node);
        if (!p.isValid()) {
            List<Problem> errors = p.problems().stream().filter(Problem::isError).toList();
            Problem first = errors.get(0);
            r.code = first.code().id();
            r.message = first.message();
            r.pointer = first.pointer();
            r.problems = JsonNodeFactory.instance.arrayNode();
            for (Problem x : errors) {
                r.problems.addObject().put("code", x.code().id()).put("pointer", x.pointer()).put("message", x.message());
            }
            return r;
        }
        TelemetryRecord rec = p.record();
        r.key = rec.key().toString();
        // TelemetryJson.digest(rec) is the SHA-256 of the canonical form of TelemetryJson.toJson(rec): written once.
        String json = TelemetryJson.toJson(rec);
        r.row = new EventStore.Row(rec.key().sourceId(), rec.key().externalEventId(), rec.facilityId(),
                rec.interval().start().toEpochMilli(), ceilMillis(rec.interval().end()),
                CanonicalJson.sha256(CanonicalJson.canonicalize(json)), json);
        return r;
    }

    private static long ceilMillis(Instant i) {
        long ms = i.toEpochMilli();
        return i.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    private Result checkUsage(JsonNode node) {
        Result r = new Result();
        r.key = keyOf(node);
        if (tooLarge(node, r)) {
            return r;
        }
        // The compiled fast path accepts only what the schema accepts; the schema decides the rest.
        List<UsageSchema.Violation> v = UsageFastPath.accepts(node) ? List.of() : UsageSchema.validate(node);
        Instant start = null;
        Instant end = null;
        if (v.isEmpty()) {
            try {
                start = usageInstant(node.get("started_at").stringValue());
                end = node.has("ended_at") ? usageInstant(node.get("ended_at").stringValue()) : start;
                if (end.isBefore(start)) {
                    v = List.of(new UsageSchema.Violation("/ended_at", "interval", "ended_at is before started_at"));
                }
            } catch (DateTimeParseException e) {
                v = List.of(new UsageSchema.Violation("/started_at", "format", "not a valid date-time: "
                        + e.getParsedString()));
            }
        }
        if (!v.isEmpty()) {
            UsageSchema.Violation first = v.get(0);
            r.code = first.keyword().equals("interval") ? "interval_not_positive"
                    : first.keyword().equals("format") ? "invalid_timestamp" : "schema_violation";
            r.message = first.message();
            r.pointer = first.pointer();
            r.problems = JsonNodeFactory.instance.arrayNode();
            for (UsageSchema.Violation x : v) {
                r.problems.addObject().put("code", r.code).put("pointer", x.pointer()).put("message", x.message());
            }
            return r;
        }
        String canonical = Jcs.canonical(node);
        byte[] bytes = canonical != null ? canonical.getBytes(StandardCharsets.UTF_8)
                : CanonicalJson.canonicalize(MAPPER.writeValueAsString(node));
        String json = new String(bytes, StandardCharsets.UTF_8);
        JsonNode facility = node.get("facility_id");
        r.row = new EventStore.Row(node.get("source_id").stringValue(), node.get("external_event_id").stringValue(),
                facility == null ? null : facility.stringValue(), start.toEpochMilli(), ceilMillis(end),
                CanonicalJson.sha256(bytes), json);
        return r;
    }

    /** A timestamp the schema's pattern accepted: the fast reader, or {@code OffsetDateTime.parse} where it declines. */
    private static Instant usageInstant(String text) {
        Instant fast = UsageFastPath.instant(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    private Response report(HttpExchange ex, String rid) throws SQLException {
        String path = ex.getRequestURI().getPath();
        RequestAuth.Refusal no = auth.checkKey(ex.getRequestHeaders().getFirst("X-API-Key"));
        if (no != null) {
            return refuse(403, no.code(), no.message(), rid, path);
        }
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String facility = q.get("facility");
        if (facility == null || !FACILITY.matcher(facility).matches()) {
            return error(400, "invalid_parameter", "facility is required: a facility id", rid);
        }
        Instant from;
        Instant to;
        try {
            from = instant(q.get("from"));
            to = instant(q.get("to"));
        } catch (DateTimeParseException | NullPointerException e) {
            return error(400, "invalid_parameter", "from and to are required: ISO-8601 date-times with offset", rid);
        }
        if (!to.isAfter(from)) {
            return error(400, "invalid_parameter", "to must be after from", rid);
        }
        List<TelemetryRecord> records = new ArrayList<>();
        for (String json : store.telemetry(facility, from, to)) {
            records.add(TelemetryReader.standard().parse(json));
        }
        Report report = EcoCalc.report(records, MethodSettings.builder().period(ReportingPeriod.custom(from, to)).build());
        String text = ReportJson.toJson(report);
        audit.append(List.of(AuditLog.Entry.of("report_computed", "request_id", rid, "facility", facility, "from",
                from.toString(), "to", to.toString(), "records", records.size(), "dataset", report.dataset().digest(),
                "report_digest", CanonicalJson.digest(text))));
        return new Response(200, text.getBytes(StandardCharsets.UTF_8), "application/json", Map.of(),
                Map.of("records", records.size()));
    }

    private static Instant instant(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ command line

    /**
     * Runs the host until the process is stopped. Options: {@code --port N} (default 8080),
     * {@code --bind ADDR} (default 127.0.0.1), {@code --data-dir DIR} (default {@code host-data}),
     * {@code --jdbc-url URL}, {@code --audit-log FILE}, {@code --dev} (accept the development key
     * {@code dev-key} signed with {@code dev-secret-change-me}). Keys come from the environment
     * variable {@code ECOCALC_HOST_API_KEYS}: {@code key[:secret],key[:secret],...}.
     */
    public static void main(String[] args) throws IOException {
        HostConfig.Builder b = HostConfig.builder();
        boolean keys = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(need(a, v)));
                case "--bind" -> b.bind(need(a, v));
                case "--data-dir" -> b.dataDir(Path.of(need(a, v)));
                case "--jdbc-url" -> b.jdbcUrl(need(a, v));
                case "--audit-log" -> b.auditLog(Path.of(need(a, v)));
                case "--dev" -> {
                    b.apiKey("dev-key", "dev-secret-change-me");
                    keys = true;
                    i--;
                }
                case "--help", "-h" -> {
                    System.out.println("usage: reference-host [--port N] [--bind ADDR] [--data-dir DIR] [--jdbc-url URL]"
                            + " [--audit-log FILE] [--dev]\n  API keys: ECOCALC_HOST_API_KEYS=key[:secret],...");
                    return;
                }
                default -> {
                    System.err.println("reference-host: unknown option " + a + " (try --help)");
                    System.exit(2);
                }
            }
            i++;
        }
        String env = System.getenv("ECOCALC_HOST_API_KEYS");
        if (env != null && !env.isBlank()) {
            for (String k : env.split(",")) {
                int colon = k.indexOf(':');
                b.apiKey(colon < 0 ? k.trim() : k.substring(0, colon).trim(), colon < 0 ? null : k.substring(colon + 1));
                keys = true;
            }
        }
        if (!keys) {
            System.err.println("reference-host: no API key: set ECOCALC_HOST_API_KEYS=key[:secret],... or pass --dev");
            System.exit(2);
        }
        ReferenceHost host = start(b.build());
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "reference-host-shutdown"));
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
