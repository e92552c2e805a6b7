package org.ecocalc.core.report;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * The identity of an activity data set, built record by record, and its de-duplication. Like
 * {@link ReportAccumulator} it has {@link #add} and {@link #merge}, and its result does not depend
 * on the order of either.
 *
 * <p>The digest: each record's digest is {@code sha256} of the RFC 8785 canonical bytes of its
 * normalised JSON ({@link TelemetryJson}); the data set's digest is {@code sha256} of the
 * canonical JSON array of those digest strings, ordered by idempotency key. Any implementation
 * can reproduce it from the records alone. Records with a key seen with different contents
 * (conflicts) are left out; exact repeats count once.
 *
 * <p>Memory grows with the number of distinct keys (an event id, 32 bytes and a map entry each). Not thread-safe;
 * give each thread its own and {@link #merge} them.
 */
public final class DatasetDigest implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final HexFormat HEX = HexFormat.of();

    /** What {@link #add} made of a record. */
    public enum Status {
        /** First time this key was seen: count the record. */
        NEW,
        /** The same key and contents were seen before: do not count it again. */
        DUPLICATE,
        /** The key was seen with other contents: no record with this key may be counted. */
        CONFLICT
    }

    /** A record digest (SHA-256, as four longs: no array object per record), its copies, and whether in conflict. */
    private static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        final long d0;
        final long d1;
        final long d2;
        final long d3;
        long copies;
        boolean conflict;

        Entry(byte[] digest, long copies, boolean conflict) {
            ByteBuffer b = ByteBuffer.wrap(digest);
            this.d0 = b.getLong();
            this.d1 = b.getLong();
            this.d2 = b.getLong();
            this.d3 = b.getLong();
            this.copies = copies;
            this.conflict = conflict;
        }

        boolean sameDigest(byte[] digest) {
            ByteBuffer b = ByteBuffer.wrap(digest);
            return d0 == b.getLong() && d1 == b.getLong() && d2 == b.getLong() && d3 == b.getLong();
        }

        byte[] digest() {
            return ByteBuffer.allocate(32).putLong(d0).putLong(d1).putLong(d2).putLong(d3).array();
        }
    }

    private final HashMap<IdempotencyKey, Entry> entries = new HashMap<>();
    /**
     * Each source id once: the keys of a source's records share its string, so memory per record is
     * the event id, the digest and the map entry (about 190 bytes; docs/performance.md).
     */
    private final HashMap<String, String> sourceIds = new HashMap<>();

    /** An empty digest. */
    public DatasetDigest() {
    }

    /** Adds a record; says whether it is new, a repeat, or in conflict with an earlier one. */
    public Status add(TelemetryRecord record) {
        return add(record.key(), recordDigestBytes(record));
    }

    /**
     * Adds a record known by its key and its digest ({@link #recordDigest(TelemetryRecord)}, {@code
     * sha256:} and 64 lower-case hex digits), for engines that computed the digest already, or that
     * move records between workers as their digests. Same as {@link #add(TelemetryRecord)} for the
     * record the digest was computed from.
     *
     * @throws IllegalArgumentException if {@code recordDigest} is not a {@code sha256:} digest
     */
    public Status add(IdempotencyKey key, String recordDigest) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recordDigest, "recordDigest");
        String prefix = CanonicalJson.DIGEST_PREFIX;
        if (recordDigest.length() != prefix.length() + 64 || !recordDigest.startsWith(prefix)
                || !recordDigest.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9'
                        || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("not a record digest (sha256: and 64 lower-case hex digits): "
                    + recordDigest);
        }
        return add(key, HEX.parseHex(recordDigest, prefix.length(), recordDigest.length()));
    }

    private Status add(IdempotencyKey key, byte[] digest) {
        return add(key, digest, 1, false);
    }

    private Status add(IdempotencyKey key, byte[] digest, long copies, boolean conflict) {
        Entry e = entries.get(key);
        if (e == null) {
            String source = sourceIds.computeIfAbsent(key.sourceId(), k -> k);
            entries.put(source == key.sourceId() ? key : new IdempotencyKey(source, key.externalEventId()),
                    new Entry(digest, copies, conflict));
            return conflict ? Status.CONFLICT : Status.NEW;
        }
        e.copies += copies;
        if (e.conflict || conflict || !e.sameDigest(digest)) {
            e.conflict = true;
            return Status.CONFLICT;
        }
        return Status.DUPLICATE;
    }

    /** Adds everything {@code other} has seen; {@code other} is unchanged. Returns this. */
    public DatasetDigest merge(DatasetDigest other) {
        Objects.requireNonNull(other, "other");
        for (Map.Entry<IdempotencyKey, Entry> e : other.entries.entrySet()) {
            add(e.getKey(), e.getValue().digest(), e.getValue().copies, e.getValue().conflict);
        }
        return this;
    }

    /** Whether a key has been seen with different contents. */
    public boolean isConflict(IdempotencyKey key) {
        Entry e = entries.get(key);
        return e != null && e.conflict;
    }

    /** The summary: digest, distinct records used, repeats ignored, keys in conflict. */
    public DatasetSummary summary() {
        List<IdempotencyKey> keys = new ArrayList<>(entries.keySet());
        keys.sort(null);
        MessageDigest sha = CanonicalJson.newSha256();
        List<IdempotencyKey> conflicts = new ArrayList<>();
        long records = 0;
        long duplicates = 0;
        sha.update((byte) '[');
        for (IdempotencyKey k : keys) {
            Entry e = entries.get(k);
            if (e.conflict) {
                conflicts.add(k);
                continue;
            }
            if (records > 0) {
                sha.update((byte) ',');
            }
            sha.update(("\"" + CanonicalJson.DIGEST_PREFIX + HEX.formatHex(e.digest()) + "\"").getBytes(StandardCharsets.US_ASCII));
            records++;
            duplicates += e.copies - 1;
        }
        sha.update((byte) ']');
        return new DatasetSummary(CanonicalJson.DIGEST_PREFIX + HEX.formatHex(sha.digest()), records, duplicates,
                conflicts);
    }

    /** The digest of one record: {@code sha256} of its canonical normalised JSON. */
    public static String recordDigest(TelemetryRecord record) {
        return CanonicalJson.DIGEST_PREFIX + HEX.formatHex(recordDigestBytes(record));
    }

    private static byte[] recordDigestBytes(TelemetryRecord record) {
        return CanonicalJson.newSha256().digest(TelemetryJson.canonicalBytes(record));
    }
}
