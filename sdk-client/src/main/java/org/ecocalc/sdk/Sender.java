package org.ecocalc.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sender thread: reads each lane's journal in order, sends batches, retries, splits on 413,
 * writes dead letters, and moves the lane's cursor once the host answered for a batch.
 *
 * <p>Up to {@value #MAX_IN_FLIGHT} batches of a lane are in flight at once, each delivered (with
 * its retries) by a delivery thread, so that the host works on one request while the next is
 * read, compressed and sent, and the host's disk waits overlap the client's work (decision 0806).
 * The cursor still moves in journal order: a batch is acknowledged only after every batch before
 * it, so {@code flush()} and a restart see exactly the prefix the host answered for.
 */
final class Sender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    /** The most of a response body read: {@value} bytes. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** What to do after an attempt. */
    enum Outcome {
        /** The host answered for each event (accepted, duplicate, or refused for good). */
        ANSWERED,
        /** Try again later. */
        RETRY,
        /** The request was too large: split it. */
        SPLIT,
        /** The host refused the whole request for good. */
        REFUSED
    }

    /** What an HTTP status means for a whole request. */
    static Outcome classify(int status) {
        if (status == 408 || status == 429 || status >= 500) {
            return Outcome.RETRY;
        }
        if (status == 413) {
            return Outcome.SPLIT;
        }
        if (status >= 200 && status < 300 || status == 409 || status == 400) {
            return Outcome.ANSWERED;
        }
        return Outcome.REFUSED;
    }

    /**
     * The {@code Retry-After} header as a delay: delta-seconds or an HTTP-date (RFC 9110 section
     * 10.2.3); null when absent or unreadable.
     */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Most batches of one lane in flight at once: {@value}. */
    static final int MAX_IN_FLIGHT = 2;

    /** A batch handed to a delivery thread; {@code result} is set once the host answered for it (or the client stopped). */
    private static final class InFlight {
        final List<Journal.Entry> entries;
        /** TRUE: answered; FALSE: the client stopped first; a Throwable: the delivery failed. */
        volatile Object result;

        InFlight(List<Journal.Entry> entries) {
            this.entries = entries;
        }
    }

    private static final class LaneState {
        final Lane lane;
        final Journal journal;
        final URI uri;
        List<Journal.Entry> held = new ArrayList<>();
        final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        boolean full;
        long firstSeen;

        LaneState(Lane lane, Journal journal, URI uri) {
            this.lane = lane;
            this.journal = journal;
            this.uri = uri;
        }

        /** Where reading continues: after what is held, else after what is in flight, else at the cursor. */
        Journal.Position next() {
            if (!held.isEmpty()) {
                return held.get(held.size() - 1).next();
            }
            InFlight last = inFlight.peekLast();
            return last != null ? last.entries.get(last.entries.size() - 1).next() : journal.cursor();
        }

        boolean headDone() {
            InFlight head = inFlight.peekFirst();
            return head != null && head.result != null;
        }
    }

    private final EcoCalcClient client;
    private final Settings s;
    private final ExecutorService executor;
    private final HttpClient http;
    private final RequestSigner signer;
    private final LaneState[] lanes = new LaneState[Lane.ALL.length];
    private final ExecutorService deliverers;
    /** The request body being built, per delivery thread. */
    private final ThreadLocal<JsonOut> bodies = ThreadLocal.withInitial(() -> JsonOut.writer(64 * 1024));
    private long seenFlush;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    /** Lowered after a 413; read by the sender thread, written by delivery threads. */
    private volatile int maxBytes;

    Sender(EcoCalcClient client) {
        this.client = client;
        this.s = client.settings;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ecocalc-http-" + client.instance + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder b = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(s.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (s.endpoint().getScheme().equalsIgnoreCase("http")) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        this.http = b.build();
        this.signer = s.hmacSecret() == null ? null : new RequestSigner(s.hmacSecret());
        String base = s.endpoint().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        for (Lane lane : Lane.ALL) {
            lanes[lane.ordinal()] = new LaneState(lane, client.spool.journal(lane), URI.create(base + lane.path));
        }
        AtomicInteger d = new AtomicInteger();
        this.deliverers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ecocalc-deliver-" + client.instance + "-" + d.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.maxBytes = s.maxBatchBytes();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException | Error e) {
            LOG.error("ecocalc client {}: the sender thread failed; events stay in the spool", client.instance, e);
        } finally {
            // Batches still in flight stay in the spool (the cursor did not pass them): stop their threads.
            deliverers.shutdownNow();
            client.lock.lock();
            try {
                client.progressed.signalAll();
            } finally {
                client.lock.unlock();
            }
        }
    }

    private void loop() throws InterruptedException {
        while (!client.senderStop) {
            long flushes = client.flushRequests.get();
            boolean urgent = client.closing || flushes != seenFlush;
            seenFlush = flushes;
            long now = System.nanoTime();
            long deadline = Long.MAX_VALUE;
            boolean worked = false;
            for (LaneState ls : lanes) {
                // Acknowledge, in journal order, the batches the host answered for.
                while (ls.headDone()) {
                    InFlight done = ls.inFlight.pollFirst();
                    Object r = done.result;
                    if (r instanceof InterruptedException ie) {
                        throw ie;
                    } else if (r instanceof RuntimeException re) {
                        throw re;
                    } else if (r instanceof Error er) {
                        throw er;
                    } else if (r != Boolean.TRUE) {
                        return; // the client stopped before the host answered
                    }
                    acknowledge(ls, done.entries);
                    worked = true;
                }
                if (ls.inFlight.size() >= MAX_IN_FLIGHT) {
                    continue;
                }
                if (!ls.full) {
                    try {
                        ls.full = ls.journal.read(ls.next(), s.maxBatchEvents(), maxBytes, ls.held);
                    } catch (IOException e) {
                        LOG.warn("ecocalc client {}: cannot read the spool: {}", client.instance, e.toString());
                        pause(Duration.ofSeconds(1));
                        continue;
                    }
                }
                if (ls.held.isEmpty()) {
                    continue;
                }
                if (ls.firstSeen == 0) {
                    ls.firstSeen = now;
                }
                long due = ls.firstSeen + s.flushInterval().toNanos();
                if (ls.full || urgent || now - due >= 0) {
                    dispatch(ls);
                    worked = true;
                } else {
                    deadline = Math.min(deadline, due);
                }
            }
            if (!worked) {
                awaitWork(deadline);
            }
        }
    }

    /** Hands the held batch to a delivery thread; reading goes on after it. */
    private void dispatch(LaneState ls) {
        InFlight f = new InFlight(ls.held);
        ls.inFlight.addLast(f);
        ls.held = new ArrayList<>();
        ls.full = false;
        ls.firstSeen = 0;
        try {
            deliverers.execute(() -> {
                Object result;
                try {
                    result = deliver(ls, f.entries);
                } catch (InterruptedException | RuntimeException | Error e) {
                    result = e;
                }
                f.result = result;
                client.lock.lock();
                try {
                    client.senderWork.signalAll(); // the sender thread acknowledges it
                } finally {
                    client.lock.unlock();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.result = Boolean.FALSE; // stopping
        }
    }

    private void acknowledge(LaneState ls, List<Journal.Entry> entries) {
        long bytes = 0;
        for (Journal.Entry e : entries) {
            bytes += e.spoolBytes();
        }
        Journal.Position to = entries.get(entries.size() - 1).next();
        try {
            ls.journal.acknowledge(to, bytes);
        } catch (IOException e) {
            LOG.warn("ecocalc client {}: cannot write the spool cursor ({}); acknowledged events may be sent again"
                    + " and refused as duplicates", client.instance, e.toString());
        }
        client.lock.lock();
        try {
            client.progressed.signalAll();
        } finally {
            client.lock.unlock();
        }
    }

    /** Waits for new journal entries, a flush, close, or the deadline of a lingering batch. */
    private void awaitWork(long deadline) throws InterruptedException {
        client.lock.lock();
        try {
            while (!client.senderStop && client.flushRequests.get() == seenFlush && !client.closing) {
                for (LaneState ls : lanes) {
                    if (ls.headDone()) {
                        return; // a batch was answered: acknowledge it
                    }
                    if (ls.inFlight.size() < MAX_IN_FLIGHT && !ls.full && ls.journal.hasEntriesAfter(ls.next())) {
                        return; // new entries: read them, then decide
                    }
                }
                long now = System.nanoTime();
                if (deadline != Long.MAX_VALUE && deadline - now <= 0) {
                    return;
                }
                // The journal thread signals after each commit, under this lock: no wake-up is lost.
                client.senderWork.awaitNanos(deadline == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : deadline - now);
            }
        } finally {
            client.lock.unlock();
        }
    }

    /** Waits {@code delay}, or less when a flush is requested; false when the client stops. */
    private boolean pause(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        long flushes = client.flushRequests.get();
        client.lock.lock();
        try {
            while (!client.senderStop) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || client.flushRequests.get() != flushes) {
                    return true;
                }
                client.senderWork.awaitNanos(left);
            }
            return false;
        } finally {
            client.lock.unlock();
        }
    }

    /** Delivers {@code entries} until the host answered for each; false when the client stops first. */
    private boolean deliver(LaneState ls, List<Journal.Entry> entries) throws InterruptedException {
        int retry = 0;
        while (!client.senderStop) {
            if (entries.size() > 1 && Journal.arrayBytes(entries) > maxBytes) {
                return split(ls, entries);
            }
            Attempt a = send(ls, entries);
            Outcome o = a.outcome();
            if (o == Outcome.ANSWERED && a.anyEventRetryable(entries.size())) {
                o = Outcome.RETRY;
            }
            switch (o) {
                case ANSWERED -> {
                    recovered();
                    settle(ls, entries, a);
                    return true;
                }
                case REFUSED -> {
                    recovered();
                    List<DeadLetter> letters = new ArrayList<>(entries.size());
                    for (int i = 0; i < entries.size(); i++) {
                        letters.add(deadLetter(ls, entries.get(i), a, a.status, a.code(), a.message()));
                    }
                    writeDeadLetters(letters);
                    return true;
                }
                case SPLIT -> {
                    recovered();
                    if (entries.size() == 1) {
                        writeDeadLetters(List.of(deadLetter(ls, entries.get(0), a, 413,
                                a.code() != null ? a.code() : "payload_too_large",
                                a.message() != null ? a.message() : "the host refused the event as too large")));
                        return true;
                    }
                    int size = (int) Math.min(Integer.MAX_VALUE, Journal.arrayBytes(entries));
                    maxBytes = Math.max(Math.min(maxBytes, size / 2), Math.min(s.maxBatchBytes(), s.maxEventBytes() + 2));
                    LOG.info("ecocalc client {}: the host refused a request of {} events ({} bytes) as too large;"
                            + " splitting it", client.instance, entries.size(), size);
                    return split(ls, entries);
                }
                default -> {
                    retry++;
                    client.retried.increment();
                    Duration delay = s.retryPolicy().delay(retry, a.retryAfter, ThreadLocalRandom.current().nextDouble());
                    String reason = a.reason();
                    if (failuresInARow.getAndIncrement() == 0) {
                        LOG.warn("ecocalc client {}: delivery to {} failed ({}); retrying with backoff, events stay in"
                                + " the spool", client.instance, ls.lane.path, reason);
                    } else {
                        LOG.debug("ecocalc client {}: retry {} to {} failed ({}); next in {}", client.instance, retry,
                                ls.lane.path, reason, delay);
                    }
                    ClientListener l = s.listener();
                    if (l != null) {
                        try {
                            l.onRetry(ls.lane.path, retry, delay, reason);
                        } catch (RuntimeException e) {
                            LOG.warn("ecocalc client {}: the listener failed in onRetry", client.instance, e);
                        }
                    }
                    if (!pause(delay)) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    private boolean split(LaneState ls, List<Journal.Entry> entries) throws InterruptedException {
        int half = entries.size() / 2;
        return deliver(ls, new ArrayList<>(entries.subList(0, half)))
                && deliver(ls, new ArrayList<>(entries.subList(half, entries.size())));
    }

    private void recovered() {
        int failures = failuresInARow.getAndSet(0);
        if (failures > 0) {
            LOG.info("ecocalc client {}: the host answers again after {} failed attempts", client.instance, failures);
        }
    }

    /** One attempt's result: a status and body, or the failure that prevented one. */
    private record Attempt(int status, JsonNode body, String requestId, Duration retryAfter, String failure) {
        Outcome outcome() {
            return failure != null ? Outcome.RETRY : classify(status);
        }

        String reason() {
            if (failure != null) {
                return failure;
            }
            String c = code();
            return "HTTP " + status + (c != null ? " " + c : "");
        }

        String code() {
            JsonNode e = body == null ? null : body.get("error");
            return e != null && e.get("code") != null && e.get("code").isString() ? e.get("code").stringValue() : null;
        }

        String message() {
            JsonNode e = body == null ? null : body.get("error");
            return e != null && e.get("message") != null && e.get("message").isString() ? e.get("message").stringValue()
                    : null;
        }

        JsonNode result(int index) {
            JsonNode results = body == null ? null : body.get("results");
            if (results == null || !results.isArray()) {
                return null;
            }
            JsonNode r = results.get(index);
            if (r != null && r.get("index") != null && r.get("index").asInt(-1) == index) {
                return r;
            }
            for (JsonNode x : results) {
                if (x.get("index") != null && x.get("index").asInt(-1) == index) {
                    return x;
                }
            }
            return null;
        }

        int status(int index) {
            JsonNode r = result(index);
            return r != null && r.get("status") != null && r.get("status").isInt() ? r.get("status").intValue() : status;
        }

        boolean anyEventRetryable(int n) {
            for (int i = 0; i < n; i++) {
                int st = status(i);
                if (classify(st) == Outcome.RETRY) {
                    return true;
                }
            }
            return false;
        }
    }

    private Attempt send(LaneState ls, List<Journal.Entry> entries) throws InterruptedException {
        JsonOut body = bodies.get();
        body.reset();
        body.rawByte('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                body.rawByte(',');
            }
            byte[] p = entries.get(i).payload();
            body.raw(p, 0, p.length);
        }
        body.rawByte(']');
        byte[] payload;
        int len;
        if (s.compression()) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(256, body.length() / 4));
            try (GZIPOutputStream gz = new FastGzip(bos)) {
                gz.write(body.buffer(), 0, body.length());
            } catch (IOException e) {
                throw new IllegalStateException("gzip into memory cannot fail", e);
            }
            payload = bos.toByteArray();
            len = payload.length;
        } else {
            payload = body.toByteArray();
            len = payload.length;
        }
        String requestId = requestId();
        HttpRequest.Builder rb = HttpRequest.newBuilder(ls.uri)
                .timeout(s.requestTimeout())
                .header("Content-Type", "application/json")
                .header(Protocol.API_KEY_HEADER, s.apiKey())
                .header(Protocol.REQUEST_ID_HEADER, requestId)
                .header(Protocol.INGESTION_SOURCE_HEADER, s.ingestionSource())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload, 0, len));
        if (s.compression()) {
            rb.header("Content-Encoding", "gzip");
        }
        if (s.sourceId() != null) {
            rb.header(Protocol.SOURCE_ID_HEADER, s.sourceId());
        }
        if (signer != null) {
            long ts = s.clock().instant().getEpochSecond();
            rb.header(Protocol.TIMESTAMP_HEADER, Long.toString(ts));
            rb.header(Protocol.SIGNATURE_HEADER, signer.sign(ts, "POST", ls.uri.getRawPath(), requestId, payload, len));
        }
        try {
            HttpResponse<InputStream> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = r.body()) {
                bytes = in.readNBytes(MAX_RESPONSE_BYTES);
            }
            JsonNode json = null;
            if (bytes.length > 0) {
                try {
                    json = MAPPER.readTree(bytes);
                } catch (JacksonException e) {
                    json = null;
                }
            }
            Duration ra = retryAfter(r.headers().firstValue("Retry-After").orElse(null), s.clock());
            return new Attempt(r.statusCode(), json, requestId, ra, null);
        } catch (IOException e) {
            String what = e instanceof java.net.http.HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
            return new Attempt(0, null, requestId, null, what + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
    }

    /**
     * gzip at {@link Deflater#BEST_SPEED}: JSON batches still shrink several times, at a fraction of
     * the default level's cost on the sender thread (decision 0805).
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong() & ~0xF000L | 0x4000L, r.nextLong() & ~(3L << 62) | 1L << 63).toString();
    }

    private void settle(LaneState ls, List<Journal.Entry> entries, Attempt a) {
        List<DeadLetter> pendingDeadLetters = new ArrayList<>();
        int accepted = 0;
        int dups = 0;
        for (int i = 0; i < entries.size(); i++) {
            int st = a.status(i);
            if (st == 409) {
                dups++;
            } else if (st >= 200 && st < 300) {
                accepted++;
            } else {
                JsonNode r = a.result(i);
                JsonNode err = r == null ? null : r.get("error");
                String code = err != null && err.get("code") != null ? err.get("code").asString() : a.code();
                String msg = err != null && err.get("message") != null ? err.get("message").asString() : a.message();
                pendingDeadLetters.add(deadLetter(ls, entries.get(i), a, st, code, msg));
            }
        }
        writeDeadLetters(pendingDeadLetters);
        client.sent.add(accepted + dups);
        client.duplicates.add(dups);
        ClientListener l = s.listener();
        if (l != null) {
            try {
                l.onDelivered(ls.lane.path, accepted, dups);
            } catch (RuntimeException e) {
                LOG.warn("ecocalc client {}: the listener failed in onDelivered", client.instance, e);
            }
        }
    }

    private static DeadLetter deadLetter(LaneState ls, Journal.Entry e, Attempt a, int status, String code,
            String message) {
        return new DeadLetter(ls.lane.path, status, code == null ? "http_" + status : code,
                message == null ? "" : message, a.requestId, new String(e.payload(), StandardCharsets.UTF_8));
    }

    private void writeDeadLetters(List<DeadLetter> pendingDeadLetters) {
        if (pendingDeadLetters.isEmpty()) {
            return;
        }
        JsonOut out = JsonOut.writer(4096);
        String at = s.clock().instant().toString();
        for (DeadLetter d : pendingDeadLetters) {
            out.beginObject().field("dead_lettered_at", at).field("endpoint", d.endpoint()).field("status", d.status())
                    .field("code", d.code()).field("message", d.message()).field("request_id", d.requestId())
                    .name("event");
            byte[] ev = d.eventJson().getBytes(StandardCharsets.UTF_8);
            out.raw(ev, 0, ev.length).endObject().rawByte('\n');
        }
        try {
            client.spool.deadLetter(out.buffer(), out.length());
        } catch (IOException e) {
            LOG.error("ecocalc client {}: cannot write {} dead letters to {}: {}", client.instance,
                    pendingDeadLetters.size(), Spool.DEAD_LETTER, e.toString());
        }
        client.deadLettered.add(pendingDeadLetters.size());
        LOG.warn("ecocalc client {}: the host refused {} event(s) for good ({} {}); written to {}", client.instance,
                pendingDeadLetters.size(), pendingDeadLetters.get(0).status(), pendingDeadLetters.get(0).code(),
                client.spool.dir.resolve(Spool.DEAD_LETTER));
        ClientListener l = s.listener();
        for (DeadLetter d : pendingDeadLetters) {
            if (l != null) {
                try {
                    l.onDeadLetter(d);
                } catch (RuntimeException e) {
                    LOG.warn("ecocalc client {}: the listener failed in onDeadLetter", client.instance, e);
                }
            }
        }
    }

    /** Stops the HTTP client's threads. */
    void shutdown() {
        deliverers.shutdownNow();
        executor.shutdownNow();
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http); // Java 21 and later
        } catch (ReflectiveOperationException e) {
            // Java 17: the client's selector thread ends once the client is unreachable
        }
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Sender[" + s.endpoint() + "]";
    }
}
