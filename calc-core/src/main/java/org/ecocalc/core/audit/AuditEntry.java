package org.ecocalc.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of an {@link AuditLog}: the event, its place in the log ({@code seq}, from 1), its time,
 * the hash of the line before ({@code prev}) and its own hash. The line is the RFC 8785 canonical
 * JSON of
 * <pre>{"actor"?, "data", "event", "hash", "prev", "seq", "time"}</pre>
 * where {@code hash} is {@code sha256:} of the canonical JSON of the same object without
 * {@code hash}, and {@code prev} is the {@code hash} of the line before ({@link #GENESIS} for the
 * first line). See {@code docs/audit-log.md}.
 *
 * @param seq   the line number, from 1
 * @param time  when the event happened (UTC)
 * @param event the event
 * @param prev  the hash of the line before
 * @param hash  this line's hash
 */
public record AuditEntry(long seq, Instant time, AuditEvent event, String prev, String hash) {
    /** The {@code prev} of the first line: {@code sha256:} and 64 zeros. */
    public static final String GENESIS = CanonicalJson.DIGEST_PREFIX + "0".repeat(64);

    private static final Set<String> MEMBERS = Set.of("actor", "data", "event", "hash", "prev", "seq", "time");

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }

    /** The entry at {@code seq} after a line whose hash is {@code prev}, with its own hash computed. */
    static AuditEntry next(long seq, String prev, Instant time, AuditEvent event) {
        return new AuditEntry(seq, time, event, prev, CanonicalJson.sha256(canonical(node(seq, time, event, prev, null))));
    }

    /** The hash the entry's other fields give. */
    public String computeHash() {
        return CanonicalJson.sha256(canonical(node(seq, time, event, prev, null)));
    }

    /** The line, without its line end: canonical JSON, UTF-8. */
    public String toLine() {
        return new String(canonical(node(seq, time, event, prev, hash)), StandardCharsets.UTF_8);
    }

    private static ObjectNode node(long seq, Instant time, AuditEvent event, String prev, String hash) {
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("time", Json.instant(time));
        n.put("event", event.type().id());
        if (event.actor() != null) {
            n.put("actor", event.actor());
        }
        ObjectNode d = n.putObject("data");
        for (Map.Entry<String, String> e : event.data().entrySet()) {
            d.put(e.getKey(), e.getValue());
        }
        n.put("prev", prev);
        if (hash != null) {
            n.put("hash", hash);
        }
        return n;
    }

    private static byte[] canonical(ObjectNode n) {
        return CanonicalJson.canonicalize(Json.compact(n));
    }

    /**
     * Reads one line, strictly: the members above and nothing else, of the right types.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static AuditEntry parse(String line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String name : n.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("unknown member \"" + name + "\"");
            }
        }
        JsonNode seq = n.get("seq");
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()) {
            throw new IllegalArgumentException("seq is missing or not an integer");
        }
        AuditEventType type = AuditEventType.fromId(text(n, "event"));
        if (type == null) {
            throw new IllegalArgumentException("unknown event \"" + text(n, "event") + "\"");
        }
        JsonNode data = n.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is missing or not an object");
        }
        SortedMap<String, String> d = new TreeMap<>();
        for (String name : data.propertyNames()) {
            if (!data.get(name).isString()) {
                throw new IllegalArgumentException("data." + name + " is not a string");
            }
            d.put(name, data.get(name).stringValue());
        }
        Instant time;
        try {
            time = Instant.parse(text(n, "time"));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("time is not an instant");
        }
        String actor = n.has("actor") ? text(n, "actor") : null;
        return new AuditEntry(seq.longValue(), time, new AuditEvent(type, actor, d), text(n, "prev"), text(n, "hash"));
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        return v.stringValue();
    }
}
