package org.ecocalc.examples.host;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ecocalc.sdk.ClientListener;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.RetryPolicy;

/** Starts a reference host on a free loopback port, and clients for it, with test settings. */
final class HostFixture implements AutoCloseable {
    static final String KEY = "test-key";
    static final String SECRET = "test-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(60);

    final Path dir;
    final StringBuffer log = new StringBuffer();
    ReferenceHost host;

    HostFixture(Path dir) {
        this.dir = dir;
    }

    static HostFixture start(Path dir) throws IOException {
        return start(dir, 0, b -> {
        });
    }

    static HostFixture start(Path dir, int port, Consumer<HostConfig.Builder> customise) throws IOException {
        HostFixture f = new HostFixture(dir);
        f.host = ReferenceHost.start(f.config(port, customise));
        return f;
    }

    HostConfig config(int port, Consumer<HostConfig.Builder> customise) {
        HostConfig.Builder b = HostConfig.builder().port(port).dataDir(dir.resolve("host")).apiKey(KEY, SECRET)
                .logOut(log).threads(2);
        customise.accept(b);
        return b.build();
    }

    URI uri() {
        return host.uri();
    }

    EventStore store() {
        return host.store();
    }

    Path auditLog() {
        return dir.resolve("host").resolve("audit.jsonl");
    }

    /** A client builder with fast retries for tests. */
    static EcoCalcClient.Builder client(URI uri, Path spool) {
        return EcoCalcClient.builder()
                .endpoint(uri)
                .apiKey(KEY)
                .hmacSecret(SECRET)
                .spoolDirectory(spool)
                .flushInterval(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(100)).maxRetryAfter(Duration.ofSeconds(2)).build())
                .clock(Clock.systemUTC());
    }

    EcoCalcClient.Builder client(Path spool) {
        return client(uri(), spool);
    }

    static EcoCalcClient.Builder client(URI uri, Path spool, ClientListener l) {
        return client(uri, spool).listener(l);
    }

    /** Polls until the condition holds, failing after {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }
}
