package org.ecocalc.sdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers telemetry records and usage events to a host that speaks the ecocalc ingestion
 * protocol ({@code docs/ingestion-protocol.md}), exactly once in effect, whatever the network and
 * the host do. Build one per process and share it; it is thread-safe.
 *
 * <pre>{@code
 * EcoCalcClient client = EcoCalcClient.builder()
 *     .endpoint(URI.create("https://ingest.example.com"))
 *     .apiKey(System.getenv("ECOCALC_API_KEY"))
 *     .hmacSecret(System.getenv("ECOCALC_HMAC_SECRET"))
 *     .spoolDirectory(Path.of("/var/lib/myapp/ecocalc-spool"))
 *     .build();
 * client.track(UsageEvent.llmCall().sourceId("chat-api").provider("openai").model("gpt-4o")
 *     .tokensIn(812).tokensOut(164).startedAt(start).build());
 * ...
 * client.close(Duration.ofSeconds(10));
 * }</pre>
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li><b>{@code track()}</b> checks the event (an invalid or oversized event throws
 *       {@link InvalidEventException} at once, in the caller), puts it in a bounded in-memory queue
 *       of {@code queueCapacity} events and returns. It does no I/O, never blocks on the network or
 *       the disk, and never throws because the host is down.</li>
 *   <li><b>The journal thread</b> takes events from the queue in groups, writes each group to the
 *       spool (append-only segment files, a checksum per entry) and forces it to disk. The writer
 *       never waits to gather a group: within 10 ms of its last group it looks for events every
 *       50 µs, later every 5 ms (a burst or {@link #flush(Duration)} wakes it at once), so an event
 *       is journaled that long after {@code track()} returned plus the time to write and force the
 *       events queued before it (measured figures in {@code docs/sdk.md}).
 *       When the queue is full, because the disk cannot keep up, {@code track()} drops the event
 *       and reports it ({@link DropReason#QUEUE_FULL}); when the spool holds {@code spoolCapBytes}
 *       of unacknowledged events, the journal thread drops new ones ({@link DropReason#SPOOL_FULL}).
 *       No drop is silent: each is counted in {@link #stats()} and passed to the listener.</li>
 *   <li><b>The sender thread</b> reads the spool in order and sends batches of at most
 *       {@code maxBatchEvents} events and {@code maxBatchBytes} bytes: a batch goes when it is
 *       full, when its first event has waited {@code flushInterval}, or at once on
 *       {@link #flush}/{@link #close}. At most two batches of a kind are in flight at once, each
 *       delivered by a delivery thread; they are acknowledged in journal order. Connection errors, timeouts, 408, 429 and 5xx are retried
 *       with exponential backoff and full jitter ({@link RetryPolicy}), honouring
 *       {@code Retry-After}, without limit. 409 counts as delivered. 413 splits the batch. Any
 *       other 4xx, and each event the host refuses on its own, goes to the dead-letter file
 *       {@code dead-letter.jsonl} in the spool directory, with the reason, and is not retried.</li>
 *   <li><b>Exactly once in effect.</b> Every event tracked before a {@link #flush} that returned a
 *       {@linkplain FlushResult#isDurable() durable} result is delivered exactly once in effect,
 *       whatever happens after: the host down, the process killed, a restart. It is in the spool
 *       until the host answered for it; a new client on the same spool directory sends what is
 *       left; and each event keeps its idempotency key across retries, splits and replays, so
 *       that a copy the host already has is refused (409) and counted once.</li>
 *   <li><b>{@code close()}</b> stops accepting events, journals what is queued, tries to deliver
 *       until the timeout, leaves the rest in the spool for the next start, and stops its threads.
 *       All threads are daemon threads.</li>
 * </ul>
 */
public final class EcoCalcClient implements AutoCloseable {
    /** Default most events per request: {@value}. */
    public static final int DEFAULT_MAX_BATCH_EVENTS = 500;
    /** Default most bytes per request body, before compression: {@value}. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
    /** Default largest event, in bytes of JSON: {@value} (the protocol's limit). */
    public static final int DEFAULT_MAX_EVENT_BYTES = Protocol.MAX_EVENT_BYTES;
    /** Default longest wait of a partial batch before it is sent: {@value} ms. */
    public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
    /** Default capacity of the in-memory queue, in events: {@value}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;
    /** Default cap of unacknowledged events in the spool: {@value} bytes (256 MiB). */
    public static final long DEFAULT_SPOOL_CAP_BYTES = 256L << 20;
    /** Default size at which a spool segment file is closed and a new one begun: {@value} bytes. */
    public static final long DEFAULT_SPOOL_SEGMENT_BYTES = 4L << 20;
    /** Default connect timeout: {@value} ms. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Default timeout of one request: {@value} ms. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;
    /** Default timeout of {@link #close()} and of the shutdown hook: {@value} ms. */
    public static final long DEFAULT_CLOSE_TIMEOUT_MILLIS = 10_000;
    /** Default {@code X-Ingestion-Source}: {@value}. */
    public static final String DEFAULT_INGESTION_SOURCE = "ecocalc-java-sdk";

    private static final Logger LOG = LoggerFactory.getLogger(EcoCalcClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Most events the journal thread writes in one group. */
    static final int MAX_GROUP = 4096;
    /** How long after a group the journal thread looks for events without waiting on the queue (10 ms). */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How often it looks meanwhile (50 µs): the most an event waits for the journal thread to notice it. */
    static final long LINGER_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /**
     * After the linger, how often the idle journal thread looks for events (5 ms): the most an event
     * tracked into an idle client waits before the journal thread notices it, unless a burst fills
     * {@code 1/16} of the queue first, which wakes it at once (decision 0808).
     */
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    final Settings settings;
    final int instance;
    final Spool spool;
    private final ArrayBlockingQueue<Event> queue;
    private final Thread journalThread;
    private final Thread senderThread;
    private final Thread shutdownHook;
    final Sender sender;

    // Counters.
    final AtomicLong accepted = new AtomicLong();
    final LongAdder spooled = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder dropped = new LongAdder();
    private final AtomicLong[] dropsByReason = java.util.stream.Stream.generate(AtomicLong::new)
            .limit(DropReason.values().length).toArray(AtomicLong[]::new);

    /** Guards the progress conditions below. */
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the journal or the sender made progress, or the client's state changed. */
    final Condition progressed = lock.newCondition();
    /** Signalled when the sender has something new to do. */
    final Condition senderWork = lock.newCondition();

    /** The journal thread's progress: events taken from the queue and the lanes' ends after them. */
    record Progress(long processed, Journal.Position[] ends) {
    }

    private volatile Progress progress;
    /** Incremented by flush() and close(): the sender sends partial batches at once. */
    final AtomicLong flushRequests = new AtomicLong();
    /** No new events are accepted. */
    volatile boolean closing;
    /** The journal thread may stop once the queue is empty. */
    private volatile boolean journalStop;
    /**
     * Whether the journal thread is parked between idle looks; {@code track()} then wakes it only
     * when {@link #wakeAt} events are queued, so a call never pays for waking a thread otherwise.
     */
    private volatile boolean journalIdle;
    /** Queued events that wake an idle journal thread: 1/16 of the queue, at least 1, at most a group (4,096). */
    private final int wakeAt;
    private volatile boolean journalGone;
    /** The sender must stop now. */
    volatile boolean senderStop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FlushResult closeResult;

    private EcoCalcClient(Settings settings) {
        this.settings = settings;
        this.instance = INSTANCES.incrementAndGet();
        this.spool = new Spool(settings.spoolDirectory(), settings.spoolCapBytes(), settings.spoolSegmentBytes(),
                this::corruption);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.wakeAt = Math.max(1, Math.min(MAX_GROUP, settings.queueCapacity() / 16));
        Journal.Position[] ends = new Journal.Position[Lane.ALL.length];
        for (Lane lane : Lane.ALL) {
            ends[lane.ordinal()] = spool.journal(lane).end();
        }
        this.progress = new Progress(0, ends);
        try {
            this.sender = new Sender(this);
        } catch (RuntimeException | Error e) {
            try {
                spool.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        this.journalThread = daemon(this::journalLoop, "ecocalc-journal-" + instance);
        this.senderThread = daemon(sender, "ecocalc-sender-" + instance);
        journalThread.start();
        senderThread.start();
        if (settings.shutdownHook()) {
            shutdownHook = new Thread(() -> close(settings.closeTimeout()), "ecocalc-shutdown-" + instance);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
        LOG.debug("ecocalc client {} started: {}", instance, settings);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tracks a telemetry record. Returns in microseconds; never blocks on I/O.
     *
     * @throws InvalidEventException if the record is larger than {@code maxEventBytes}
     * @throws NullPointerException  if {@code record} is null
     */
    public void track(TelemetryRecord record) {
        enqueue(record);
    }

    /**
     * Tracks a usage event. Returns in microseconds; never blocks on I/O.
     *
     * @throws InvalidEventException if the event is larger than {@code maxEventBytes}
     * @throws NullPointerException  if {@code event} is null
     */
    public void track(UsageEvent event) {
        enqueue(event);
    }

    private void enqueue(Event event) {
        Objects.requireNonNull(event, "event");
        int max = settings.maxEventBytes();
        // The bound settles it for all but events near the limit; only those are counted exactly.
        if (EventJson.bound(event) > max && event.jsonSize() > max) {
            throw new InvalidEventException("", "the event is " + event.jsonSize() + " bytes of JSON, more than"
                    + " maxEventBytes (" + settings.maxEventBytes() + ")");
        }
        if (closing) {
            drop(event, DropReason.CLOSED);
            return;
        }
        accepted.incrementAndGet();
        if (!queue.offer(event)) {
            processedWithoutJournal(1);
            drop(event, DropReason.QUEUE_FULL);
            return;
        }
        if (journalIdle && queue.size() >= wakeAt) {
            LockSupport.unpark(journalThread); // a burst: journal it now rather than at the next look
        }
        if (journalGone && queue.remove(event)) {
            processedWithoutJournal(1);
            drop(event, DropReason.CLOSED);
        }
    }

    void drop(Event event, DropReason reason) {
        dropped.increment();
        long n = dropsByReason[reason.ordinal()].incrementAndGet();
        if (n % 1000 == 1) {
            LOG.warn("ecocalc client {}: an event was dropped ({}); {} dropped for this reason so far (logged every"
                    + " 1000th)", instance, reason.name().toLowerCase(Locale.ROOT), n);
        }
        ClientListener l = settings.listener();
        if (l != null) {
            try {
                l.onDropped(event, reason);
            } catch (RuntimeException e) {
                LOG.warn("ecocalc client {}: the listener failed in onDropped", instance, e);
            }
        }
    }

    private void processedWithoutJournal(int n) {
        lock.lock();
        try {
            Progress p = progress;
            progress = new Progress(p.processed() + n, p.ends());
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void corruption(Path file, long offset, long bytes, String reason) {
        LOG.warn("ecocalc spool: {} at offset {} of {}: cut {} bytes; the entries before it are kept", reason,
                offset, file, bytes);
        ClientListener l = settings.listener();
        if (l != null) {
            try {
                l.onSpoolCorruption(file, offset, bytes, reason);
            } catch (RuntimeException e) {
                LOG.warn("ecocalc client: the listener failed in onSpoolCorruption", e);
            }
        }
    }

    // ------------------------------------------------------------------ journal thread

    private void journalLoop() {
        List<Event> group = new ArrayList<>(MAX_GROUP);
        List<List<Event>> laneEvents = new ArrayList<>();
        for (int i = 0; i < Lane.ALL.length; i++) {
            laneEvents.add(new ArrayList<>());
        }
        JsonOut out = JsonOut.writer(8192);
        long lastGroup = System.nanoTime() - LINGER_NANOS;
        try {
            while (true) {
                // Never wait on the queue's condition, so that track() never finds a waiter to wake
                // (an unpark is a system call in the caller's thread: about 20 µs here). For
                // LINGER_NANOS after a group, look for events every LINGER_PARK_NANOS; after that,
                // every IDLE_PARK_NANOS, unless a burst or flush() unparks us first.
                Event first = queue.poll();
                if (first == null) {
                    if (journalStop && queue.isEmpty()) {
                        return;
                    }
                    if (System.nanoTime() - lastGroup < LINGER_NANOS && !Thread.currentThread().isInterrupted()) {
                        LockSupport.parkNanos(LINGER_PARK_NANOS);
                        continue;
                    }
                    journalIdle = true;
                    first = queue.poll(); // again, now that track() sees the flag
                    if (first == null && !journalStop) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                        Thread.interrupted(); // not ours to keep: close() unparks, never interrupts
                        first = queue.poll();
                    }
                    journalIdle = false;
                    if (first == null) {
                        continue;
                    }
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                writeGroup(group, laneEvents, out);
                group.clear();
                lastGroup = System.nanoTime();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("ecocalc client {}: the journal thread failed", instance, e);
        } finally {
            journalGone = true;
            List<Event> rest = new ArrayList<>();
            queue.drainTo(rest);
            for (Event e : rest) {
                drop(e, DropReason.CLOSED);
            }
            if (!rest.isEmpty()) {
                processedWithoutJournal(rest.size());
            }
        }
    }

    private void writeGroup(List<Event> group, List<List<Event>> laneEvents, JsonOut out) {
        long cap = spool.capBytes;
        for (Event e : group) {
            Lane lane = Lane.of(e);
            out.reset();
            EventJson.write(e, out);
            long need = (long) Journal.ENTRY_HEADER + out.length();
            if (spool.pendingBytes.get() + need > cap) {
                drop(e, DropReason.SPOOL_FULL);
                continue;
            }
            try {
                spool.journal(lane).append(out.buffer(), 0, out.length());
                laneEvents.get(lane.ordinal()).add(e);
            } catch (IOException ex) {
                LOG.warn("ecocalc client {}: cannot append to the spool: {}", instance, ex.toString());
                drop(e, DropReason.SPOOL_ERROR);
            }
        }
        Journal.Position[] ends = progress.ends().clone();
        int written = 0;
        for (Lane lane : Lane.ALL) {
            List<Event> events = laneEvents.get(lane.ordinal());
            Journal j = spool.journal(lane);
            try {
                j.commit();
                written += events.size();
            } catch (IOException ex) {
                LOG.warn("ecocalc client {}: cannot write the spool ({} events lost): {}", instance, events.size(),
                        ex.toString());
                for (Event e : events) {
                    drop(e, DropReason.SPOOL_ERROR);
                }
            }
            ends[lane.ordinal()] = j.end();
            events.clear();
        }
        spooled.add(written);
        lock.lock();
        try {
            progress = new Progress(progress.processed() + group.size(), ends);
            progressed.signalAll();
            senderWork.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ flush and close

    /**
     * Journals every event tracked before this call, then delivers them, waiting at most
     * {@code timeout} in all. Partial batches are sent at once, and a retry waiting for its backoff
     * is tried at once.
     *
     * @return {@link FlushResult#ACKNOWLEDGED} when the host answered for every one of them,
     *         {@link FlushResult#JOURNALED} when they are all safe in the spool but some still wait
     *         for the host, {@link FlushResult#INCOMPLETE} when the timeout passed before they were
     *         all journaled
     */
    public FlushResult flush(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        long target = accepted.get();
        LockSupport.unpark(journalThread); // journal them now, not at its next idle look
        lock.lock();
        try {
            Progress p;
            while ((p = progress).processed() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !journalThread.isAlive()) {
                    return FlushResult.INCOMPLETE;
                }
                progressed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            Journal.Position[] ends = progress.ends();
            flushRequests.incrementAndGet();
            senderWork.signalAll();
            while (!acknowledged(ends)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !senderThread.isAlive()) {
                    return FlushResult.JOURNALED;
                }
                progressed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return FlushResult.ACKNOWLEDGED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return progress.processed() >= target ? FlushResult.JOURNALED : FlushResult.INCOMPLETE;
        } finally {
            lock.unlock();
        }
    }

    private boolean acknowledged(Journal.Position[] ends) {
        for (Lane lane : Lane.ALL) {
            if (ends[lane.ordinal()].isAfter(spool.journal(lane).cursor())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Closes with the configured close timeout (default {@value #DEFAULT_CLOSE_TIMEOUT_MILLIS} ms).
     *
     * @see #close(Duration)
     */
    @Override
    public void close() {
        close(settings.closeTimeout());
    }

    /**
     * Stops accepting events (later {@code track()} calls drop them, {@link DropReason#CLOSED}),
     * journals what is queued, delivers what it can within {@code timeout}, leaves the rest in the
     * spool for the next client on the same directory, and stops the client's threads. Calling it
     * again returns the first call's result.
     *
     * @return as {@link #flush(Duration)}
     */
    public FlushResult close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!closed.compareAndSet(false, true)) {
            awaitThreads(timeout);
            return closeResult != null ? closeResult : FlushResult.INCOMPLETE;
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        closing = true;
        FlushResult result = flush(timeout);
        journalStop = true;
        senderStop = true;
        lock.lock();
        try {
            senderWork.signalAll();
        } finally {
            lock.unlock();
        }
        senderThread.interrupt();
        // Unpark, never interrupt, the journal thread: an interrupt closes the spool's FileChannel under
        // a write or force (ClosedByInterruptException), and the events queued would be lost.
        LockSupport.unpark(journalThread);
        awaitThreads(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0) + TimeUnit.SECONDS.toNanos(1)));
        sender.shutdown();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("ecocalc client {}: closing the spool failed: {}", instance, e.toString());
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down
            }
        }
        closeResult = result;
        LOG.debug("ecocalc client {} closed: {}", instance, result);
        return result;
    }

    private void awaitThreads(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : new Thread[] {journalThread, senderThread}) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(t, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A snapshot of the counters. */
    public ClientStats stats() {
        return new ClientStats(accepted.get(), queue.size(), spooled.sum(), sent.sum(),
                duplicates.sum(), retried.sum(), deadLettered.sum(), dropped.sum(), spool.pendingBytes.get());
    }

    /** The settings, without the API key or secret. */
    @Override
    public String toString() {
        return "EcoCalcClient[" + settings + "]";
    }

    /**
     * Builds an {@link EcoCalcClient}. Setters check their value at once; {@link #build()} checks
     * that the required settings are present and consistent, opens the spool and starts the
     * client's two daemon threads.
     */
    public static final class Builder {
        private URI endpoint;
        private String apiKey;
        private byte[] hmacSecret;
        private String sourceId;
        private String ingestionSource = DEFAULT_INGESTION_SOURCE;
        private int maxBatchEvents = DEFAULT_MAX_BATCH_EVENTS;
        private int maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
        private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
        private Duration flushInterval = Duration.ofMillis(DEFAULT_FLUSH_INTERVAL_MILLIS);
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Path spoolDirectory;
        private long spoolCapBytes = DEFAULT_SPOOL_CAP_BYTES;
        private long spoolSegmentBytes = DEFAULT_SPOOL_SEGMENT_BYTES;
        private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS);
        private Duration requestTimeout = Duration.ofMillis(DEFAULT_REQUEST_TIMEOUT_MILLIS);
        private Duration closeTimeout = Duration.ofMillis(DEFAULT_CLOSE_TIMEOUT_MILLIS);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ClientListener listener;
        private boolean compression = true;
        private boolean allowInsecureHttp;
        private boolean shutdownHook;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the host's base URI (required), such as {@code https://ingest.example.com} or
         * {@code https://example.com/ecocalc}; the protocol's paths are appended to it. Plain
         * {@code http://} is refused at {@link #build()} unless the host is a loopback address or
         * {@link #allowInsecureHttp(boolean)} is set.
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("endpoint must be an http or https URI (got " + endpoint + ")");
            }
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must name a host (got " + endpoint + ")");
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null || endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException("endpoint must not have a query, fragment or user info (got "
                        + endpoint.getScheme() + "://" + endpoint.getHost() + "…)");
            }
            this.endpoint = endpoint;
            return this;
        }

        /** Sets the host's base URI from text. */
        public Builder endpoint(String endpoint) {
            try {
                return endpoint(new URI(Objects.requireNonNull(endpoint, "endpoint")));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("endpoint is not a URI: " + e.getMessage(), e);
            }
        }

        /** Sets the API key sent in {@code X-API-Key} (required). It never appears in logs or {@code toString()}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank() || !headerSafe(apiKey)) {
                throw new IllegalArgumentException("apiKey must be non-blank printable ASCII");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets the shared secret with which every request is signed (HMAC-SHA256), at least 16 bytes;
         * null for none (the default). It never appears in logs or {@code toString()}.
         */
        public Builder hmacSecret(byte[] secret) {
            if (secret != null && secret.length < 16) {
                throw new IllegalArgumentException("hmacSecret must be at least 16 bytes (got " + secret.length + ")");
            }
            this.hmacSecret = secret == null ? null : secret.clone();
            return this;
        }

        /** Sets the signing secret from text (its UTF-8 bytes); null for none. */
        public Builder hmacSecret(String secret) {
            return hmacSecret(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets {@code X-Source-ID}, naming this sender to the host (informational); null for none (the default). */
        public Builder sourceId(String sourceId) {
            if (sourceId != null && !Checks.ID.matcher(sourceId).matches()) {
                throw new IllegalArgumentException("sourceId must be 1 to 128 letters, digits or . _ : @ - (got \""
                        + Checks.abbreviate(sourceId) + "\")");
            }
            this.sourceId = sourceId;
            return this;
        }

        /** Sets {@code X-Ingestion-Source} (default {@value #DEFAULT_INGESTION_SOURCE}). */
        public Builder ingestionSource(String ingestionSource) {
            Objects.requireNonNull(ingestionSource, "ingestionSource");
            if (ingestionSource.isEmpty() || ingestionSource.length() > 128 || !headerSafe(ingestionSource)) {
                throw new IllegalArgumentException("ingestionSource must be 1 to 128 printable ASCII characters");
            }
            this.ingestionSource = ingestionSource;
            return this;
        }

        /** Sets the most events per request, 1 to {@value Protocol#MAX_BATCH_EVENTS} (default {@value #DEFAULT_MAX_BATCH_EVENTS}). */
        public Builder maxBatchEvents(int n) {
            this.maxBatchEvents = range(n, 1, Protocol.MAX_BATCH_EVENTS, "maxBatchEvents");
            return this;
        }

        /**
         * Sets the most bytes of a request body before compression, 1024 to
         * {@value Protocol#MAX_BATCH_BYTES} (default {@value #DEFAULT_MAX_BATCH_BYTES}).
         */
        public Builder maxBatchBytes(int n) {
            this.maxBatchBytes = range(n, 1024, Protocol.MAX_BATCH_BYTES, "maxBatchBytes");
            return this;
        }

        /**
         * Sets the largest event accepted by {@code track()}, in bytes of JSON, 256 to
         * {@value Protocol#MAX_EVENT_BYTES} (default {@value #DEFAULT_MAX_EVENT_BYTES}).
         */
        public Builder maxEventBytes(int n) {
            this.maxEventBytes = range(n, 256, Protocol.MAX_EVENT_BYTES, "maxEventBytes");
            return this;
        }

        /** Sets the longest wait of a partial batch (default {@value #DEFAULT_FLUSH_INTERVAL_MILLIS} ms). */
        public Builder flushInterval(Duration d) {
            this.flushInterval = RetryPolicy.Builder.positive(d, "flushInterval");
            return this;
        }

        /** Sets the capacity of the in-memory queue, in events, at least 1 (default {@value #DEFAULT_QUEUE_CAPACITY}). */
        public Builder queueCapacity(int n) {
            this.queueCapacity = range(n, 1, Integer.MAX_VALUE, "queueCapacity");
            return this;
        }

        /**
         * Sets the spool directory (required): one client at a time per directory (a lock file
         * enforces it). It holds the journal and the dead-letter file.
         */
        public Builder spoolDirectory(Path dir) {
            this.spoolDirectory = Objects.requireNonNull(dir, "spoolDirectory");
            return this;
        }

        /**
         * Sets the cap of unacknowledged events in the spool, in bytes, at least 64 KiB (default
         * {@value #DEFAULT_SPOOL_CAP_BYTES}). The files take at most this plus one segment.
         */
        public Builder spoolCapBytes(long n) {
            if (n < 64 * 1024) {
                throw new IllegalArgumentException("spoolCapBytes must be at least 65536 (got " + n + ")");
            }
            this.spoolCapBytes = n;
            return this;
        }

        /** Sets the size at which a spool segment is closed, 64 KiB to 1 GiB (default {@value #DEFAULT_SPOOL_SEGMENT_BYTES}). */
        public Builder spoolSegmentBytes(long n) {
            if (n < 64 * 1024 || n > 1L << 30) {
                throw new IllegalArgumentException("spoolSegmentBytes must be between 65536 and 1073741824 (got "
                        + n + ")");
            }
            this.spoolSegmentBytes = n;
            return this;
        }

        /** Sets the connect timeout (default {@value #DEFAULT_CONNECT_TIMEOUT_MILLIS} ms). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = RetryPolicy.Builder.positive(d, "connectTimeout");
            return this;
        }

        /** Sets the timeout of one request, from sending to the whole response (default {@value #DEFAULT_REQUEST_TIMEOUT_MILLIS} ms). */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = RetryPolicy.Builder.positive(d, "requestTimeout");
            return this;
        }

        /** Sets the timeout of {@link EcoCalcClient#close()} and of the shutdown hook (default {@value #DEFAULT_CLOSE_TIMEOUT_MILLIS} ms). */
        public Builder closeTimeout(Duration d) {
            this.closeTimeout = RetryPolicy.Builder.positive(d, "closeTimeout");
            return this;
        }

        /** Sets the retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Sets the listener; null for none (the default). */
        public Builder listener(ClientListener listener) {
            this.listener = listener;
            return this;
        }

        /** Whether request bodies are gzip-compressed (default true). */
        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        /** Allows plain {@code http://} to a host that is not a loopback address (default false: refused). */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Whether a JVM shutdown hook closes the client with the close timeout (default false). */
        public Builder shutdownHook(boolean install) {
            this.shutdownHook = install;
            return this;
        }

        /**
         * Sets the clock that dates request signatures, dead letters and {@code Retry-After} dates
         * (default the system UTC clock). Waiting uses the monotonic {@link System#nanoTime()}.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks the settings, opens the spool (sending what a previous client left in it) and
         * starts the client.
         *
         * @throws IllegalStateException         if a required setting is missing, the settings
         *                                       contradict each other, or another client holds the spool
         * @throws java.io.UncheckedIOException  if the spool directory cannot be opened
         */
        public EcoCalcClient build() {
            return new EcoCalcClient(settings());
        }

        Settings settings() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            if (spoolDirectory == null) {
                throw new IllegalStateException("spoolDirectory is required: the spool is what keeps tracked events"
                        + " safe while the host cannot be reached");
            }
            if (endpoint.getScheme().equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(endpoint.getHost())) {
                throw new IllegalStateException("plain http:// is refused for " + endpoint.getHost()
                        + ", which is not a loopback address: use https://, or allowInsecureHttp(true)");
            }
            if (maxEventBytes > maxBatchBytes) {
                throw new IllegalStateException("maxEventBytes (" + maxEventBytes + ") must not exceed maxBatchBytes ("
                        + maxBatchBytes + ")");
            }
            if (spoolCapBytes < maxEventBytes + Journal.ENTRY_HEADER) {
                throw new IllegalStateException("spoolCapBytes (" + spoolCapBytes + ") must hold at least one event of"
                        + " maxEventBytes (" + maxEventBytes + ")");
            }
            return new Settings(endpoint, apiKey, hmacSecret == null ? null : hmacSecret.clone(), sourceId,
                    ingestionSource, maxBatchEvents, maxBatchBytes, maxEventBytes, flushInterval, queueCapacity,
                    spoolDirectory, spoolCapBytes, spoolSegmentBytes, connectTimeout, requestTimeout, closeTimeout,
                    retryPolicy, listener, compression, allowInsecureHttp, shutdownHook, clock);
        }

        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost") || h.endsWith(".localhost")) {
                return true;
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            boolean literal = h.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0);
            if (!literal || h.indexOf('.') < 0 && h.indexOf(':') < 0) {
                return false; // a name: not resolved here, so not known to be loopback
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean headerSafe(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    return false;
                }
            }
            return true;
        }

        private static int range(int n, int min, int max, String name) {
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (got " + n + ")");
            }
            return n;
        }

        /** The settings so far, without the API key or secret. */
        @Override
        public String toString() {
            return "EcoCalcClient.Builder[endpoint=" + endpoint + ", apiKey=" + (apiKey == null ? "unset" : "****")
                    + ", hmacSecret=" + (hmacSecret == null ? "none" : "****") + ", spoolDirectory=" + spoolDirectory
                    + "]";
        }
    }
}
