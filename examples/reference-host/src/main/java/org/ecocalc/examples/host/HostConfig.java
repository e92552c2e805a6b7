package org.ecocalc.examples.host;

import com.sun.net.httpserver.Filter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a {@link ReferenceHost}. Immutable; build with {@link #builder()}. API keys and
 * their signing secrets never appear in {@link #toString()} or in logs.
 */
public final class HostConfig {
    /** Default bind address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default port: {@value}. */
    public static final int DEFAULT_PORT = 8080;
    /** Default largest request body, after decompression: {@value} bytes (the protocol's 1 MiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default most events per request: {@value}. */
    public static final int DEFAULT_MAX_EVENTS = 1000;
    /** Default largest event: {@value} bytes. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
    /** Default allowed clock skew of a signed request: {@value} s. */
    public static final int DEFAULT_MAX_SKEW_SECONDS = 300;
    /** Default request-handling threads: {@value}. */
    public static final int DEFAULT_THREADS = 4;

    private final String bind;
    private final int port;
    private final String jdbcUrl;
    private final Path auditLog;
    private final Map<String, byte[]> apiKeys;
    private final int maxBodyBytes;
    private final int maxEvents;
    private final int maxEventBytes;
    private final Duration maxSkew;
    private final int threads;
    private final Clock clock;
    private final List<Filter> filters;
    private final Appendable logOut;

    private HostConfig(Builder b) {
        this.bind = b.bind;
        this.port = b.port;
        Path dataDir = b.dataDir;
        this.jdbcUrl = b.jdbcUrl != null ? b.jdbcUrl : "jdbc:sqlite:" + dataDir.resolve("ecocalc-host.db");
        this.auditLog = b.auditLog != null ? b.auditLog : dataDir.resolve("audit.jsonl");
        this.apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.apiKeys));
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxEvents = b.maxEvents;
        this.maxEventBytes = b.maxEventBytes;
        this.maxSkew = b.maxSkew;
        this.threads = b.threads;
        this.clock = b.clock;
        this.filters = List.copyOf(b.filters);
        this.logOut = b.logOut;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    String bind() {
        return bind;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The JDBC URL as logs, errors and {@link #toString()} show it: without user information
     * ({@code //user:password@}) and without parameters (after {@code ?} or {@code ;}), where drivers
     * take passwords.
     */
    String jdbcUrlForDisplay() {
        return displayJdbcUrl(jdbcUrl);
    }

    static String displayJdbcUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String shown = url.substring(0, cut);
        int at = shown.indexOf('@');
        int authority = shown.indexOf("//");
        if (at > authority && authority >= 0) {
            shown = shown.substring(0, authority + 2) + "***" + shown.substring(at);
        }
        return cut < url.length() ? shown + url.charAt(cut) + "***" : shown;
    }

    Path auditLog() {
        return auditLog;
    }

    Map<String, byte[]> apiKeys() {
        return apiKeys;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    int maxEvents() {
        return maxEvents;
    }

    int maxEventBytes() {
        return maxEventBytes;
    }

    Duration maxSkew() {
        return maxSkew;
    }

    int threads() {
        return threads;
    }

    Clock clock() {
        return clock;
    }

    List<Filter> filters() {
        return filters;
    }

    Appendable logOut() {
        return logOut;
    }

    @Override
    public String toString() {
        return "HostConfig[bind=" + bind + ", port=" + port + ", jdbcUrl=" + jdbcUrlForDisplay() + ", auditLog=" + auditLog
                + ", apiKeys=" + apiKeys.size() + " (hidden), maxBodyBytes=" + maxBodyBytes + ", maxEvents=" + maxEvents
                + ", maxEventBytes=" + maxEventBytes + ", maxSkew=" + maxSkew + "]";
    }

    /** Builds a {@link HostConfig}. */
    public static final class Builder {
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of("host-data");
        private String jdbcUrl;
        private Path auditLog;
        private final Map<String, byte[]> apiKeys = new LinkedHashMap<>();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxEvents = DEFAULT_MAX_EVENTS;
        private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
        private Duration maxSkew = Duration.ofSeconds(DEFAULT_MAX_SKEW_SECONDS);
        private int threads = DEFAULT_THREADS;
        private Clock clock = Clock.systemUTC();
        private final List<Filter> filters = new ArrayList<>();
        private Appendable logOut = System.err;

        private Builder() {
        }

        /** Sets the bind address (default {@value #DEFAULT_BIND}). */
        public Builder bind(String bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** Sets the port; 0 picks a free one (default {@value #DEFAULT_PORT}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
            }
            this.port = port;
            return this;
        }

        /** Sets the data directory holding the default database and audit log (default {@code host-data}). */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** Sets the JDBC URL of the store (default: SQLite {@code <dataDir>/ecocalc-host.db}). */
        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        /** Sets the audit log file (default {@code <dataDir>/audit.jsonl}). */
        public Builder auditLog(Path file) {
            this.auditLog = file;
            return this;
        }

        /** Accepts {@code apiKey}; requests with it must be signed with {@code secret} unless it is null. */
        public Builder apiKey(String apiKey, String secret) {
            Objects.requireNonNull(apiKey, "apiKey");
            apiKeys.put(apiKey, secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Sets the largest request body after decompression (default {@value #DEFAULT_MAX_BODY_BYTES}). */
        public Builder maxBodyBytes(int n) {
            this.maxBodyBytes = n;
            return this;
        }

        /** Sets the most events per request (default {@value #DEFAULT_MAX_EVENTS}). */
        public Builder maxEvents(int n) {
            this.maxEvents = n;
            return this;
        }

        /** Sets the largest event (default {@value #DEFAULT_MAX_EVENT_BYTES}). */
        public Builder maxEventBytes(int n) {
            this.maxEventBytes = n;
            return this;
        }

        /** Sets the allowed clock skew of signed requests (default {@value #DEFAULT_MAX_SKEW_SECONDS} s). */
        public Builder maxSkew(Duration d) {
            this.maxSkew = Objects.requireNonNull(d, "maxSkew");
            return this;
        }

        /** Sets the request-handling threads (default {@value #DEFAULT_THREADS}). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Sets the clock (signature skew, audit and store times). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a filter in front of every endpoint (tests inject faults with it). */
        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Sets where JSON log lines go (default standard error). */
        public Builder logOut(Appendable out) {
            this.logOut = Objects.requireNonNull(out, "logOut");
            return this;
        }

        /** The settings. */
        public HostConfig build() {
            if (apiKeys.isEmpty()) {
                throw new IllegalStateException("at least one API key is required");
            }
            return new HostConfig(this);
        }
    }
}
