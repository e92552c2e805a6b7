package org.ecocalc.core.audit;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * An append-only, hash-chained audit log in JSON Lines: one {@link AuditEntry} per line, each
 * carrying the hash of the line before it, so that {@link #verify(Path)} detects a line edited,
 * removed, inserted or moved. Format: {@code docs/audit-log.md}.
 *
 * <p><b>Append only.</b> {@link #open} verifies an existing log and then only appends to it; it
 * never rewrites, truncates or reorders a byte, and it refuses to append to a broken log. One
 * writer at a time: the file is locked ({@link FileChannel#tryLock()}) while open.
 *
 * <p><b>Time</b> comes from the {@link Clock} given to {@link #open}, or is passed with each event;
 * the log never reads the system clock itself.
 *
 * <p><b>Durability.</b> Each line is written with one {@code write} call; with
 * {@link Builder#forceEach(boolean)} each append is also forced to the storage device, otherwise
 * (the default, {@value #DEFAULT_FORCE_EACH}) at {@link #close()}.
 *
 * <p><b>Limits.</b> A chain shows changes inside the log; removing lines from its end, or
 * replacing the whole log with a consistent forgery, needs an outside anchor: keep the
 * {@link #head()} hash somewhere else (a signed manifest, a ticket) and pass it to
 * {@link #verify(Path, String)}. Thread-safe.
 */
public final class AuditLog implements Closeable {
    /** Whether each append is forced to the device by default: {@value}. */
    public static final boolean DEFAULT_FORCE_EACH = false;

    private final Path file;
    private final Clock clock;
    private final boolean forceEach;
    private final FileChannel channel;
    private final FileLock lock;
    private long seq;
    private long end;
    private String head;
    private AuditEntry last;

    private AuditLog(Path file, Clock clock, boolean forceEach) {
        this.file = file;
        this.clock = clock;
        this.forceEach = forceEach;
        FileChannel ch = null;
        FileLock l = null;
        try {
            // READ and WRITE without APPEND: the lock is taken first, then the log is read through the same
            // channel (other streams may not read a locked region on every OS), then lines go at the end.
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                throw new EcoCalcException(ErrorCode.AUDIT_LOG_BROKEN, "the audit log " + file
                        + " is open by another writer");
            }
            Scan scan = scan(channelStream(ch), null, null);
            if (!scan.problems.isEmpty()) {
                throw new EcoCalcException(ErrorCode.AUDIT_LOG_BROKEN, "will not append to the audit log " + file
                        + ", its chain is broken: " + scan.problems.get(0) + (scan.problems.size() > 1
                        ? " (and " + (scan.problems.size() - 1) + " more)" : ""));
            }
            this.seq = scan.lines;
            this.head = scan.head;
            this.last = scan.last;
            this.end = ch.size();
            this.channel = ch;
            this.lock = l;
        } catch (IOException e) {
            closeQuietly(l, ch);
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot open the audit log " + file + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(l, ch);
            throw e;
        }
    }

    /** Reads a channel from its start without moving or closing it. */
    private static InputStream channelStream(FileChannel ch) {
        return new InputStream() {
            private long pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = ch.read(ByteBuffer.wrap(b, off, len), pos);
                if (n > 0) {
                    pos += n;
                }
                return n;
            }

            @Override
            public void close() {
                // the channel stays open
            }
        };
    }

    /**
     * Opens a log for appending, creating it when absent; an existing log is verified first.
     *
     * @throws EcoCalcException ({@link ErrorCode#AUDIT_LOG_BROKEN}) if its chain is broken or another
     *                          writer holds it
     */
    public static AuditLog open(Path file, Clock clock) {
        return builder(file).clock(clock).open();
    }

    /** A builder for a log at {@code file}. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Appends an event at the clock's instant. */
    public AuditEntry append(AuditEvent event) {
        return append(event, clock.instant());
    }

    /** Appends an event at the given instant. */
    public synchronized AuditEntry append(AuditEvent event, Instant time) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        if (!channel.isOpen()) {
            throw new IllegalStateException("the audit log is closed");
        }
        AuditEntry e = AuditEntry.next(seq + 1, head, time, event);
        ByteBuffer bytes = ByteBuffer.wrap((e.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                end += channel.write(bytes, end);
            }
            if (forceEach) {
                channel.force(false);
            }
        } catch (IOException ex) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot append to the audit log " + file + ": "
                    + ex.getMessage(), ex);
        }
        seq = e.seq();
        head = e.hash();
        last = e;
        return e;
    }

    /** The hash of the last line ({@link AuditEntry#GENESIS} when empty). */
    public synchronized String head() {
        return head;
    }

    /** The last entry, or null when the log is empty. */
    public synchronized AuditEntry last() {
        return last;
    }

    /** How many lines the log has. */
    public synchronized long size() {
        return seq;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Forces the log to the device and releases it. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot flush the audit log " + file, e);
        } finally {
            closeQuietly(lock, channel);
        }
    }

    /** Verifies a log's chain, line by line; a missing file is an empty log. */
    public static AuditLogVerification verify(Path file) {
        return verify(file, null);
    }

    /**
     * Verifies a log's chain and that it still holds a line whose hash is {@code expectedHead} (a
     * head recorded earlier), which detects lines removed from its end.
     *
     * @param expectedHead a hash recorded earlier, or null
     */
    public static AuditLogVerification verify(Path file, String expectedHead) {
        Scan s = scan(file, expectedHead);
        return new AuditLogVerification(s.lines, s.head, s.problems);
    }

    /**
     * Reads every entry of an intact log.
     *
     * @throws EcoCalcException ({@link ErrorCode#AUDIT_LOG_BROKEN}) if its chain is broken
     */
    public static List<AuditEntry> read(Path file) {
        List<AuditEntry> out = new ArrayList<>();
        Scan s = scan(file, null, out);
        if (!s.problems.isEmpty()) {
            throw new EcoCalcException(ErrorCode.AUDIT_LOG_BROKEN, "the audit log " + file + " is broken: "
                    + s.problems.get(0));
        }
        return out;
    }

    private static final class Scan {
        long lines;
        String head = AuditEntry.GENESIS;
        AuditEntry last;
        final List<AuditLogVerification.Break> problems = new ArrayList<>();
    }

    private static Scan scan(Path file, String expectedHead) {
        return scan(file, expectedHead, null);
    }

    private static Scan scan(Path file, String expectedHead, List<AuditEntry> sink) {
        if (!Files.exists(file)) {
            Scan s = new Scan();
            if (expectedHead != null && !expectedHead.equals(AuditEntry.GENESIS)) {
                s.problems.add(new AuditLogVerification.Break(0, "the log does not exist, but a head was expected"));
            }
            return s;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, expectedHead, sink);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read the audit log " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static Scan scan(InputStream in, String expectedHead, List<AuditEntry> sink) {
        Scan s = new Scan();
        boolean anchored = expectedHead == null || expectedHead.equals(AuditEntry.GENESIS);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            long expectedSeq = 1;
            String prev = AuditEntry.GENESIS;
            StringBuilder line = new StringBuilder();
            int c;
            long n = 0;
            while (true) {
                line.setLength(0);
                boolean ended = false;
                while ((c = r.read()) >= 0) {
                    if (c == '\n') {
                        ended = true;
                        break;
                    }
                    line.append((char) c);
                }
                if (!ended && line.length() == 0) {
                    break;
                }
                n++;
                if (!ended) {
                    s.problems.add(new AuditLogVerification.Break(n, "the last line has no line end: it is incomplete "
                            + "(an interrupted write?)"));
                }
                AuditEntry e;
                try {
                    e = AuditEntry.parse(line.toString());
                } catch (IllegalArgumentException ex) {
                    s.problems.add(new AuditLogVerification.Break(n, "not an audit entry: " + ex.getMessage()));
                    expectedSeq++;
                    prev = null;
                    continue;
                }
                if (!e.toLine().equals(line.toString())) {
                    s.problems.add(new AuditLogVerification.Break(n, "not in canonical form: the line was edited"));
                }
                if (!e.computeHash().equals(e.hash())) {
                    s.problems.add(new AuditLogVerification.Break(n, "its hash does not match its content: the line "
                            + "was edited"));
                }
                if (e.seq() != expectedSeq) {
                    s.problems.add(new AuditLogVerification.Break(n, "seq is " + e.seq() + ", expected " + expectedSeq
                            + ": a line was removed, inserted or moved"));
                }
                if (prev != null && !e.prev().equals(prev)) {
                    s.problems.add(new AuditLogVerification.Break(n, n == 1
                            ? "prev is not the genesis hash: lines were removed from the start of the log"
                            : "prev does not match the hash of line " + (n - 1)
                                    + ": a line was edited, removed, inserted or moved before it"));
                }
                if (expectedHead != null && expectedHead.equals(e.hash())) {
                    anchored = true;
                }
                expectedSeq = e.seq() + 1;
                prev = e.hash();
                s.head = e.hash();
                s.last = e;
                if (sink != null) {
                    sink.add(e);
                }
            }
            s.lines = n;
        } catch (IOException e) {
            s.problems.add(new AuditLogVerification.Break(s.lines + 1, "cannot be read as UTF-8 text: " + e.getMessage()));
        }
        if (!anchored) {
            s.problems.add(new AuditLogVerification.Break(s.lines, "no line has the expected head hash " + expectedHead
                    + ": lines were removed from the end of the log, or it was replaced"));
        }
        return s;
    }

    private static void closeQuietly(FileLock l, FileChannel ch) {
        try {
            if (l != null && l.isValid()) {
                l.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock too
        }
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Builds and opens an {@link AuditLog}. */
    public static final class Builder {
        private final Path file;
        private Clock clock;
        private boolean forceEach = DEFAULT_FORCE_EACH;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** The clock that timestamps {@link AuditLog#append(AuditEvent)} (required). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether each append is forced to the device (default {@value AuditLog#DEFAULT_FORCE_EACH}). */
        public Builder forceEach(boolean forceEach) {
            this.forceEach = forceEach;
            return this;
        }

        /** Opens the log (see {@link AuditLog#open}). */
        public AuditLog open() {
            if (clock == null) {
                throw new IllegalStateException("an audit log needs a clock (Clock.systemUTC() in production, "
                        + "a fixed clock in tests)");
            }
            return new AuditLog(file, clock, forceEach);
        }
    }
}
