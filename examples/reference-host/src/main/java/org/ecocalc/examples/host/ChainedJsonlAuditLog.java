package org.ecocalc.examples.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecocalc.core.json.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An append-only JSON Lines audit log in which each line carries {@code prev}, the SHA-256 of the
 * previous line's bytes ({@code sha256:} and 64 zeros for the first line), so that removing,
 * reordering or editing a line breaks the chain at that line. Each line is canonical JSON (RFC
 * 8785), so its hash does not depend on who wrote it. Lines are forced to disk before
 * {@link #append} returns. {@link #verify(Path)} checks a file.
 */
public final class ChainedJsonlAuditLog implements AuditLog {
    /** The {@code prev} of the first line. */
    public static final String GENESIS = CanonicalJson.DIGEST_PREFIX + "0".repeat(64);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final FileChannel channel;
    private final Clock clock;
    private String prev;
    private long seq;

    /** Opens (or creates) the log at {@code file}, continuing its chain. */
    public ChainedJsonlAuditLog(Path file, Clock clock) {
        this.clock = clock;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Chain c = Files.exists(file) ? walk(file) : new Chain(0, GENESIS);
            this.prev = c.last;
            this.seq = c.lines;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file, e);
        }
    }

    private record Chain(long lines, String last) {
    }

    private static Chain walk(Path file) throws IOException {
        String prev = GENESIS;
        long n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            n++;
            JsonNode node = MAPPER.readTree(line);
            JsonNode p = node.get("prev");
            if (p == null || !p.isString() || !p.stringValue().equals(prev)) {
                throw new IllegalStateException("audit log " + file + ": the chain breaks at line " + n);
            }
            if (!CanonicalJson.canonicalString(line).equals(line)) {
                throw new IllegalStateException("audit log " + file + ": line " + n + " is not canonical JSON");
            }
            prev = CanonicalJson.sha256(line.getBytes(StandardCharsets.UTF_8));
        }
        return new Chain(n, prev);
    }

    /**
     * Checks the chain of a log file.
     *
     * @return the number of lines
     * @throws IllegalStateException naming the first line where the chain breaks
     */
    public static long verify(Path file) {
        try {
            return walk(file).lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line: the canonical JSON of the entry with {@code seq}, {@code at}, {@code type} and {@code prev}. */
    static String line(long seq, String at, Entry e, String prev) {
        TreeMap<String, Object> fields = new TreeMap<>();
        fields.put("seq", seq);
        fields.put("at", at);
        fields.put("type", e.type());
        fields.putAll(e.fields());
        fields.put("prev", prev);
        String fast = Jcs.object(fields);
        return fast != null ? fast : referenceLine(seq, at, e, prev);
    }

    /** The line as the reference canonicaliser writes it (the fast path above must equal it). */
    static String referenceLine(long seq, String at, Entry e, String prev) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("seq", seq);
        n.put("at", at);
        n.put("type", e.type());
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            Object v = f.getValue();
            if (v instanceof Number num) {
                n.put(f.getKey(), num.longValue());
            } else {
                n.put(f.getKey(), String.valueOf(v));
            }
        }
        n.put("prev", prev);
        return CanonicalJson.canonicalString(MAPPER.writeValueAsString(n));
    }

    @Override
    public synchronized void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(entries.size() * 200);
        String at = clock.instant().toString();
        MessageDigest sha = CanonicalJson.newSha256();
        for (Entry e : entries) {
            String line = line(++seq, at, e, prev);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            prev = CanonicalJson.DIGEST_PREFIX + HEX.formatHex(sha.digest(bytes));
            out.append(line).append('\n');
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
