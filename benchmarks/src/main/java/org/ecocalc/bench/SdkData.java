package org.ecocalc.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ecocalc.sdk.TelemetryRecord;
import org.ecocalc.sdk.UsageEvent;

/**
 * Events and fixtures of the SDK and host benchmarks (built in {@code @Setup}, never timed). The
 * events are the realistic shapes of {@code docs/sdk.md}: an LLM call with tokens, place, accounting
 * ids and one attribute (about 330 bytes of JSON), and an hourly telemetry record with two energy
 * amounts, GPU-hours and tokens (about 330 bytes).
 */
final class SdkData {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    static final String API_KEY = "bench-key";
    static final String SECRET = "bench-secret-0123456789";

    private SdkData() {
    }

    /** The {@code i}-th LLM call of {@code source}: a distinct idempotency key per {@code i}. */
    static UsageEvent call(String source, long i) {
        return UsageEvent.llmCall().sourceId(source).externalEventId("chatcmpl-" + i)
                .provider("openai").model("gpt-4o").tokensIn(812 + i % 100).tokensOut(164)
                .startedAt(T0.plusMillis(i)).endedAt(T0.plusMillis(i + 900))
                .region("eu-west-1").organizationId("acme").teamId("search").userId("u-" + i % 1000)
                .attribute("feature", "summarise")
                .build();
    }

    /** The {@code i}-th hour of facility {@code fra-1} from {@code source}. */
    static TelemetryRecord hour(String source, long i) {
        return TelemetryRecord.builder()
                .sourceId(source).externalEventId("h" + i)
                .interval(T0.plus(Duration.ofHours(i)), T0.plus(Duration.ofHours(i + 1)))
                .facilityId("fra-1").country("DE").gridZone("DE-LU")
                .amount(TelemetryRecord.Field.ENERGY_FACILITY, "1.25", "MWh")
                .amount(TelemetryRecord.Field.ENERGY_IT, "1000", "kWh")
                .amount(TelemetryRecord.Field.COMPUTE_GPU_HOURS, "512", "GPU-h")
                .count(TelemetryRecord.Field.COMPUTE_TOKENS, 1_200_000 + i)
                .build();
    }

    /**
     * A loopback HTTP server that answers every request {@code 201} with no body, which the protocol
     * reads as "every event stored": a host that costs nearly nothing, so that a benchmark of the
     * client measures the client.
     */
    static final class NullHost implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "null-host");
            t.setDaemon(true);
            return t;
        });

        NullHost() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", ex -> {
                try (InputStream in = ex.getRequestBody()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                ex.sendResponseHeaders(201, -1);
                ex.close();
            });
            server.setExecutor(executor);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** A log sink that keeps nothing (the host's JSON request log would flood the benchmark's output). */
    static final Appendable DISCARD = new Appendable() {
        @Override
        public Appendable append(CharSequence csq) {
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return this;
        }

        @Override
        public Appendable append(char c) {
            return this;
        }
    };

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
