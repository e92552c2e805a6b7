package org.ecocalc.sdk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * One lane of the spool: an append-only sequence of segment files holding journaled events, and a
 * cursor file saying how far the host has acknowledged them.
 *
 * <p>A segment starts with the 8 bytes {@code ECSPOOL1}; then entries, each a 4-byte big-endian
 * payload length, a 4-byte CRC-32C over the length bytes and the payload, and the payload (one
 * event's JSON, UTF-8). A segment is only ever appended to by the one writer thread, and read by
 * the one sender thread up to the end the writer has published, so the sender never sees half an
 * entry. On open, every segment is checked entry by entry: at the first entry that is torn (cut
 * short by a crash) or corrupt (wrong length or checksum), the rest of that file is cut off and
 * reported; the entries before it are kept. New entries always go to a new segment.
 *
 * <p>The cursor is advanced after the host answered for a batch, and written by replacing the
 * file atomically. It is not forced to disk: a cursor lost in a crash only makes some
 * acknowledged events go again, and the host refuses the second copy (409), which the client
 * counts as delivered. Fully acknowledged segments are deleted.
 */
final class Journal implements Closeable {
    static final byte[] MAGIC = "ECSPOOL1".getBytes(StandardCharsets.US_ASCII);
    static final int FILE_HEADER = MAGIC.length;
    static final int ENTRY_HEADER = 8;
    /** An entry longer than this is corrupt whatever the client's settings ({@value}). */
    static final int MAX_ENTRY = 16 << 20;
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".spool";
    private static final String CURSOR = "cursor";

    /** A place in the journal: a segment id and a byte offset in it. */
    record Position(long segment, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = Long.compare(segment, o.segment);
            return c != 0 ? c : Long.compare(offset, o.offset);
        }

        boolean isAfter(Position o) {
            return compareTo(o) > 0;
        }
    }

    /** One entry read back: its payload and the position just after it. */
    record Entry(byte[] payload, Position next) {
        int spoolBytes() {
            return ENTRY_HEADER + payload.length;
        }
    }

    /** Receives what recovery or reading had to cut. */
    interface CorruptionHandler {
        void corrupt(Path file, long offset, long bytesCut, String reason);
    }

    private final Path dir;
    private final long segmentBytes;
    private final AtomicLong pendingBytes;
    private final CorruptionHandler corruption;
    /** Sealed segments: id to final size. The active segment is not in here. */
    private final ConcurrentSkipListMap<Long, Long> sealed = new ConcurrentSkipListMap<>();

    // Writer state (journal thread only).
    private FileChannel active;
    private long activeId;
    private long activeSize;
    private final ByteBuffer header = ByteBuffer.allocate(ENTRY_HEADER);
    private final CRC32C crc = new CRC32C();
    private byte[] pending = new byte[64 << 10];
    private int pendingLen;
    private long nextId;

    /** The end of what the writer has written (readable), published after each commit. */
    private volatile Position end;

    // Sender state (sender thread only).
    private volatile Position cursor;
    private FileChannel reading;
    private long readingId = -1;
    private ByteBuffer readBuf;
    private Position readBufAt;
    /** The sender's own checksum (the writer's is {@link #crc}: a CRC32C is not thread-safe). */
    private final CRC32C readCrc = new CRC32C();
    private final ByteBuffer readLength = ByteBuffer.allocate(4);

    Journal(Path dir, long segmentBytes, AtomicLong pendingBytes, CorruptionHandler corruption) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.pendingBytes = pendingBytes;
        this.corruption = corruption;
        Files.createDirectories(dir);
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .forEach(n -> {
                        try {
                            ids.add(Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length())));
                        } catch (NumberFormatException e) {
                            // not ours
                        }
                    });
        }
        ids.sort(null);
        for (long id : ids) {
            long size = recover(id);
            if (size >= 0) {
                sealed.put(id, size);
            }
        }
        nextId = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
        cursor = clamp(readCursor());
        for (Map.Entry<Long, Long> e : sealed.entrySet()) {
            long from = e.getKey() == cursor.segment ? cursor.offset : FILE_HEADER;
            if (e.getKey() >= cursor.segment && e.getValue() > from) {
                pendingBytes.addAndGet(e.getValue() - from);
            }
        }
        Map.Entry<Long, Long> last = sealed.lastEntry();
        end = last == null ? new Position(0, 0) : new Position(last.getKey(), last.getValue());
        deleteAcknowledged(cursor);
    }

    private Path file(long id) {
        return dir.resolve(String.format(Locale.ROOT, "%s%020d%s", PREFIX, id, SUFFIX));
    }

    /** Checks one segment, cuts a torn or corrupt tail; returns its size, or -1 when it was removed. */
    private long recover(long id) throws IOException {
        Path f = file(id);
        boolean badHeader;
        long fileSize;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            fileSize = ch.size();
            ByteBuffer magic = ByteBuffer.allocate(FILE_HEADER);
            readFully(ch, magic, 0);
            badHeader = magic.position() < FILE_HEADER || !java.util.Arrays.equals(magic.array(), MAGIC);
        }
        if (badHeader) {
            corruption.corrupt(f, 0, fileSize, "not a spool segment (bad header)");
            Files.deleteIfExists(f);
            return -1;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = FILE_HEADER;
            ByteBuffer head = ByteBuffer.allocate(ENTRY_HEADER);
            CRC32C c = new CRC32C();
            String problem = null;
            while (pos < size) {
                if (size - pos < ENTRY_HEADER) {
                    problem = "torn entry header";
                    break;
                }
                head.clear();
                readFully(ch, head, pos);
                int len = head.getInt(0);
                int sum = head.getInt(4);
                if (len <= 0 || len > MAX_ENTRY) {
                    problem = "bad entry length " + len;
                    break;
                }
                if (pos + ENTRY_HEADER + len > size) {
                    problem = "torn entry (" + (size - pos - ENTRY_HEADER) + " of " + len + " bytes)";
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(len);
                readFully(ch, body, pos + ENTRY_HEADER);
                c.reset();
                c.update(head.array(), 0, 4);
                c.update(body.array(), 0, len);
                if ((int) c.getValue() != sum) {
                    problem = "checksum mismatch";
                    break;
                }
                pos += ENTRY_HEADER + len;
            }
            if (problem != null) {
                corruption.corrupt(f, pos, size - pos, problem);
                ch.truncate(pos);
                ch.force(true);
            }
            return pos;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                return;
            }
        }
    }

    private Position readCursor() {
        try {
            String text = Files.readString(dir.resolve(CURSOR), StandardCharsets.US_ASCII).trim();
            String[] parts = text.split(" ");
            if (parts.length == 2) {
                return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NoSuchFileException e) {
            return new Position(0, 0);
        } catch (IOException | RuntimeException e) {
            // An unreadable cursor only means events are sent again; the host refuses the copies.
        }
        return new Position(0, 0);
    }

    /** The cursor moved onto a segment that exists, at an entry boundary it can trust. */
    private Position clamp(Position p) {
        Map.Entry<Long, Long> e = sealed.ceilingEntry(p.segment);
        if (e == null) {
            Map.Entry<Long, Long> last = sealed.lastEntry();
            return last == null ? new Position(0, 0) : new Position(last.getKey(), last.getValue());
        }
        if (e.getKey() != p.segment || p.offset < FILE_HEADER || p.offset > e.getValue()) {
            return new Position(e.getKey(), FILE_HEADER);
        }
        return p;
    }

    // ---------------------------------------------------------------- writer side

    /** Adds an entry to the current group; the group reaches the file at {@link #commit()}. */
    void append(byte[] payload, int off, int len) throws IOException {
        int need = ENTRY_HEADER + len;
        if (active != null && activeSize + pendingLen + need > segmentBytes && activeSize + pendingLen > FILE_HEADER) {
            commit();
            seal();
        }
        if (active == null) {
            open();
        }
        if (pendingLen + need > pending.length) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pendingLen + need, pending.length * 2));
        }
        header.clear();
        header.putInt(len);
        crc.reset();
        crc.update(header.array(), 0, 4);
        crc.update(payload, off, len);
        header.putInt((int) crc.getValue());
        System.arraycopy(header.array(), 0, pending, pendingLen, ENTRY_HEADER);
        System.arraycopy(payload, off, pending, pendingLen + ENTRY_HEADER, len);
        pendingLen += need;
        pendingBytes.addAndGet(need);
    }

    /**
     * Writes the current group and forces it to disk, then publishes the new end. On failure the
     * segment is cut back to its last good end and the group's bytes are un-counted.
     */
    void commit() throws IOException {
        if (pendingLen == 0) {
            return;
        }
        int len = pendingLen;
        pendingLen = 0;
        try {
            ByteBuffer b = ByteBuffer.wrap(pending, 0, len);
            long pos = activeSize;
            while (b.hasRemaining()) {
                pos += active.write(b, pos);
            }
            active.force(false);
        } catch (IOException e) {
            pendingBytes.addAndGet(-len);
            try {
                active.truncate(activeSize);
            } catch (IOException ignored) {
                seal();
            }
            throw e;
        }
        activeSize += len;
        end = new Position(activeId, activeSize);
    }

    private void open() throws IOException {
        activeId = nextId++;
        Path f = file(activeId);
        active = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        ByteBuffer m = ByteBuffer.wrap(MAGIC);
        while (m.hasRemaining()) {
            active.write(m, m.position());
        }
        active.force(true);
        forceDirectory();
        activeSize = FILE_HEADER;
        end = new Position(activeId, activeSize);
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can force a directory; the segment data itself is forced.
        }
    }

    /** Closes the active segment; the next entry starts a new one. */
    private void seal() {
        if (active == null) {
            return;
        }
        sealed.put(activeId, activeSize);
        try {
            active.close();
        } catch (IOException ignored) {
            // nothing left to write
        }
        active = null;
    }

    // ---------------------------------------------------------------- sender side

    Position end() {
        return end;
    }

    Position cursor() {
        return cursor;
    }

    /** Whether entries beyond {@code from} have been written. */
    boolean hasEntriesAfter(Position from) {
        return end.isAfter(from);
    }

    /**
     * Reads entries from {@code from} into {@code out} until it holds {@code maxEntries}, or until
     * the next entry would take its JSON array (payloads, a comma between two, the brackets) over
     * {@code maxBytes}; an empty {@code out} always takes the next entry.
     *
     * @return whether reading stopped at a limit (the batch is full) rather than at the journal's end
     */
    boolean read(Position from, int maxEntries, long maxBytes, List<Entry> out) throws IOException {
        Position p = from;
        long bytes = arrayBytes(out);
        while (true) {
            if (out.size() >= maxEntries) {
                return true;
            }
            Position e = end;
            if (!e.isAfter(p)) {
                return false;
            }
            long segEnd = p.segment == e.segment ? e.offset : sealed.getOrDefault(p.segment, -1L);
            if (segEnd < 0 || p.offset >= segEnd) {
                Long next = sealed.higherKey(p.segment);
                if (next == null && e.segment > p.segment) {
                    next = e.segment;
                }
                if (next == null) {
                    return false;
                }
                p = new Position(next, FILE_HEADER);
                continue;
            }
            ByteBuffer h = fetch(p, ENTRY_HEADER, segEnd);
            int len = h.getInt();
            int sum = h.getInt();
            if (len <= 0 || len > MAX_ENTRY || p.offset + ENTRY_HEADER + len > segEnd) {
                cutAt(p, segEnd, "bad entry length " + len);
                p = new Position(p.segment, segEnd);
                continue;
            }
            if (!out.isEmpty() && bytes + len + 1 > maxBytes) {
                return true;
            }
            ByteBuffer body = fetch(new Position(p.segment, p.offset + ENTRY_HEADER), len, segEnd);
            byte[] payload = new byte[len];
            body.get(payload);
            readCrc.reset();
            readLength.putInt(0, len);
            readCrc.update(readLength.array(), 0, 4);
            readCrc.update(payload, 0, len);
            if ((int) readCrc.getValue() != sum) {
                cutAt(p, segEnd, "checksum mismatch");
                p = new Position(p.segment, segEnd);
                continue;
            }
            p = new Position(p.segment, p.offset + ENTRY_HEADER + len);
            bytes += out.isEmpty() ? len : len + 1;
            out.add(new Entry(payload, p));
        }
    }

    /** The length of the JSON array of these entries. */
    static long arrayBytes(List<Entry> entries) {
        long n = 2;
        for (Entry e : entries) {
            n += e.payload().length;
        }
        return n + Math.max(0, entries.size() - 1);
    }

    private void cutAt(Position p, long segEnd, String reason) {
        corruption.corrupt(file(p.segment), p.offset, segEnd - p.offset, reason);
        pendingBytes.addAndGet(-(segEnd - p.offset));
    }

    /** {@code n} bytes at {@code p}, through a read-ahead buffer. */
    private ByteBuffer fetch(Position p, int n, long segEnd) throws IOException {
        if (readBuf != null && readBufAt != null && readBufAt.segment == p.segment && p.offset >= readBufAt.offset
                && p.offset + n <= readBufAt.offset + readBuf.limit()) {
            ByteBuffer v = readBuf.duplicate();
            v.position((int) (p.offset - readBufAt.offset));
            v.limit(v.position() + n);
            return v.slice();
        }
        if (readingId != p.segment) {
            closeReading();
            reading = FileChannel.open(file(p.segment), StandardOpenOption.READ);
            readingId = p.segment;
        }
        int size = (int) Math.min(Math.max(n, 1 << 20), segEnd - p.offset);
        if (readBuf == null || readBuf.capacity() < size) {
            readBuf = ByteBuffer.allocate(Math.max(size, 1 << 20));
        }
        readBuf.clear();
        readBuf.limit(size);
        while (readBuf.hasRemaining()) {
            int r = reading.read(readBuf, p.offset + readBuf.position());
            if (r < 0) {
                throw new IOException("spool segment " + file(p.segment) + " is shorter than written");
            }
        }
        readBuf.flip();
        readBufAt = p;
        ByteBuffer v = readBuf.duplicate();
        v.limit(n);
        return v.slice();
    }

    private void closeReading() {
        if (reading != null) {
            try {
                reading.close();
            } catch (IOException ignored) {
                // read-only
            }
            reading = null;
            readingId = -1;
            readBufAt = null;
        }
    }

    /**
     * Marks everything before {@code to} as answered by the host: writes the cursor and deletes the
     * segments wholly before it.
     */
    void acknowledge(Position to, long spoolBytes) throws IOException {
        pendingBytes.addAndGet(-spoolBytes);
        cursor = to;
        Path tmp = dir.resolve(CURSOR + ".tmp");
        Files.writeString(tmp, to.segment + " " + to.offset + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, dir.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(CURSOR), StandardCopyOption.REPLACE_EXISTING);
        }
        deleteAcknowledged(to);
    }

    /** Deletes the sealed segments wholly before {@code to}. */
    private void deleteAcknowledged(Position to) throws IOException {
        for (Map.Entry<Long, Long> e : sealed.entrySet()) {
            long id = e.getKey();
            boolean done = id < to.segment || id == to.segment && to.offset >= e.getValue();
            if (!done) {
                break;
            }
            if (id == readingId) {
                closeReading();
            }
            sealed.remove(id);
            Files.deleteIfExists(file(id));
        }
    }

    @Override
    public void close() throws IOException {
        closeReading();
        if (active != null) {
            if (pendingLen > 0) {
                commit();
            }
            seal();
        }
    }
}
