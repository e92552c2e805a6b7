package org.ecocalc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ecocalc.examples.host.HostConfig;
import org.ecocalc.examples.host.ReferenceHost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference host alone: one request at a time, over HTTP on loopback, each a batch of
 * {@code events} new events (distinct keys) of one kind, gzip-compressed and signed as the SDK
 * sends them; the request body is prepared before the timed region. The host is configured as in
 * {@link EndToEndBenchmark} (SQLite in WAL mode with {@code synchronous=FULL}, audit log forced
 * per request, JSON request log discarded).
 *
 * <p>Data: per invocation one request of {@code events} ∈ {1, 100, 1000} usage events (LLM calls)
 * or telemetry records (hourly), about 330 bytes of JSON each ({@link SdkData}). Score: stored
 * events per second (a request that is not answered 201 fails the trial); divide into 10⁶ for
 * µs per event. The fixed cost of a request shows at 1 event, the per-event cost at 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class HostIngestBenchmark {
    @Param({"usage", "telemetry"})
    public String kind;

    @Param({"1", "100", "1000"})
    public int events;

    private Path dir;
    private ReferenceHost host;
    private HttpClient http;
    private URI uri;
    private String path;
    private long next;
    private HttpRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = SdkData.tempDir("host-bench");
        host = ReferenceHost.start(HostConfig.builder().bind("127.0.0.1").port(0).dataDir(dir.resolve("host"))
                .apiKey(SdkData.API_KEY, SdkData.SECRET).logOut(SdkData.DISCARD).build());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        path = kind.equals("usage") ? "/api/usage/ingest" : "/api/telemetry/ingest";
        uri = URI.create(host.uri() + path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        host.close();
        SdkData.delete(dir);
    }

    /** A new signed, gzip-compressed batch of {@code events} new events. */
    @Setup(Level.Invocation)
    public void newRequest() throws IOException, GeneralSecurityException {
        StringBuilder json = new StringBuilder(events * 400).append('[');
        for (int i = 0; i < events; i++) {
            long n = next++;
            json.append(i == 0 ? "" : ",").append(kind.equals("usage") ? SdkData.call("raw", n).toJson()
                    : SdkData.hour("raw", n).toJson());
        }
        json.append(']');
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = bos.toByteArray();
        String rid = UUID.randomUUID().toString();
        long ts = Instant.now().getEpochSecond();
        HexFormat hex = HexFormat.of();
        String toSign = "ecocalc-v1\n" + ts + "\nPOST\n" + path + "\n" + rid + "\n"
                + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SdkData.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").header("X-API-Key", SdkData.API_KEY).header("X-Request-ID", rid)
                .header("X-EcoCalc-Timestamp", Long.toString(ts))
                .header("X-EcoCalc-Signature", "v1=" + hex.formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** One request; the score counts its events. */
    @Benchmark
    public void ingest(Counter counter) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        counter.events += events;
    }

    /** Counts stored events, so that the score is events per second whatever the batch size. */
    @State(Scope.Thread)
    @org.openjdk.jmh.annotations.AuxCounters(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS)
    public static class Counter {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }
}
