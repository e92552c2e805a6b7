package org.ecocalc.sdk;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spool directory: a lock file (one client per directory), one {@link Journal} per lane, and
 * the dead-letter file {@code dead-letter.jsonl}.
 */
final class Spool implements Closeable {
    static final String LOCK = "spool.lock";
    static final String DEAD_LETTER = "dead-letter.jsonl";

    final Path dir;
    final long capBytes;
    final AtomicLong pendingBytes = new AtomicLong();
    private final Journal[] journals = new Journal[Lane.ALL.length];
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel deadLetters;

    Spool(Path dir, long capBytes, long segmentBytes, Journal.CorruptionHandler corruption) {
        this.dir = dir;
        this.capBytes = capBytes;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                lockChannel.close();
                throw new IllegalStateException("the spool directory " + dir
                        + " is in use by another EcoCalcClient; give each client its own directory");
            }
            lock = l;
            try {
                for (Lane lane : Lane.ALL) {
                    journals[lane.ordinal()] = new Journal(dir.resolve(lane.dirName), segmentBytes, pendingBytes,
                            corruption);
                }
            } catch (IOException | RuntimeException e) {
                lock.release();
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool directory " + dir + ": " + e.getMessage(), e);
        }
    }

    Journal journal(Lane lane) {
        return journals[lane.ordinal()];
    }

    /** Appends lines to the dead-letter file and forces them to disk. */
    synchronized void deadLetter(byte[] lines, int len) throws IOException {
        if (deadLetters == null) {
            deadLetters = FileChannel.open(dir.resolve(DEAD_LETTER), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer b = ByteBuffer.wrap(lines, 0, len);
        while (b.hasRemaining()) {
            deadLetters.write(b);
        }
        deadLetters.force(false);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Journal j : journals) {
            try {
                j.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        synchronized (this) {
            if (deadLetters != null) {
                deadLetters.close();
            }
        }
        lock.release();
        lockChannel.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "Spool[" + dir + "]";
    }
}
