package org.ecocalc.examples.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fast path for RFC 8785 canonical JSON (JCS) of the documents the host writes in bulk: usage
 * events (objects of strings and small integers) and audit lines (string and integer fields).
 * It writes exactly what {@code CanonicalJson.canonicalString(mapper.writeValueAsString(x))} (the
 * reference, {@code org.erdtman.jcs}) writes, for the values it handles, and answers
 * {@code null} for anything else, for which callers use the reference: objects, strings, and
 * integers of at most 2<sup>53</sup> in magnitude (the reference reads numbers as doubles; a
 * larger integer may change value there, and a fraction or exponent takes ECMAScript's number
 * formatting, which this class does not reproduce). {@code JcsEquivalenceTest} checks the
 * equality on generated and mutated events and audit entries.
 *
 * <p>Member names are sorted by UTF-16 code units ({@link String#compareTo}), strings escape
 * {@code "}, {@code \}, {@code \b \f \n \r \t} by their short forms and the other control
 * characters as {@code \}{@code u00xx} (lower-case hex), everything else as itself, as the
 * reference does. Like the reference, the result is a Java string; its UTF-8 bytes (where an
 * unpaired surrogate becomes {@code ?}) are what is hashed and stored.
 */
final class Jcs {
    /** The largest integer magnitude written here: 2^53 (every integer up to it is exact in a double). */
    static final long MAX_EXACT = 1L << 53;

    private Jcs() {
    }

    /** The canonical text of {@code node}, or null when it holds a value this fast path does not handle. */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        return value(node, out) ? out.toString() : null;
    }

    private static boolean value(JsonNode n, StringBuilder out) {
        if (n.isString()) {
            string(n.stringValue(), out);
            return true;
        }
        if (n.isObject()) {
            return object((ObjectNode) n, out);
        }
        if (n.isInt() || n.isLong()) {
            return integer(n.longValue(), out);
        }
        return false; // arrays, fractions, big integers, booleans, null: the reference
    }

    private static boolean object(ObjectNode o, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(o.size());
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            members.add(e);
        }
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(e.getKey(), out);
            out.append(':');
            if (!value(e.getValue(), out)) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    /** Writes {@code v} as the reference does, or answers false when {@code |v| > 2^53}. */
    static boolean integer(long v, StringBuilder out) {
        if (v > MAX_EXACT || v < -MAX_EXACT) {
            return false;
        }
        out.append(v);
        return true;
    }

    /** A JSON string with the reference's escapes. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        out.append(s, 0, plain); // the common case: nothing to escape
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * The canonical text of an object whose members are {@code fields} (already sorted by name),
     * each a string or a number written as its {@code long} value, or null when a number is beyond
     * {@link #MAX_EXACT}. This is how {@link ChainedJsonlAuditLog} writes a line.
     */
    static String object(java.util.SortedMap<String, Object> fields) {
        StringBuilder out = new StringBuilder(512);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(f.getKey(), out);
            out.append(':');
            Object v = f.getValue();
            if (v instanceof Number num) {
                if (!integer(num.longValue(), out)) {
                    return null;
                }
            } else {
                string(String.valueOf(v), out);
            }
        }
        return out.append('}').toString();
    }

    /**
     * An upper bound of the length in bytes of {@code node} written as compact JSON by Jackson: no
     * UTF-16 unit of a string or name takes more than 6 bytes (the longest escape, {@code \}{@code
     * uXXXX}; UTF-8 takes at most 3), an integer node at most 20, {@code true}, {@code false} and
     * {@code null} at most 5, and the punctuation is counted exactly. Returns
     * {@link Long#MAX_VALUE} for other numbers (the caller then measures).
     */
    static long sizeBound(JsonNode n) {
        if (n.isString()) {
            return 6L * n.stringValue().length() + 2;
        }
        if (n.isObject()) {
            long size = 2 + Math.max(0, n.size() - 1);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                long v = sizeBound(e.getValue());
                if (v == Long.MAX_VALUE) {
                    return v;
                }
                size += 6L * e.getKey().length() + 3 + v;
            }
            return size;
        }
        if (n.isArray()) {
            long size = 2 + Math.max(0, n.size() - 1);
            for (JsonNode e : n) {
                long v = sizeBound(e);
                if (v == Long.MAX_VALUE) {
                    return v;
                }
                size += v;
            }
            return size;
        }
        if (n.isInt() || n.isLong() || n.isShort()) {
            return 20;
        }
        if (n.isBoolean() || n.isNull()) {
            return 5;
        }
        return Long.MAX_VALUE;
    }
}
