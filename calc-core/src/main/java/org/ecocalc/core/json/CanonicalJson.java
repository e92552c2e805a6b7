package org.ecocalc.core.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) and SHA-256 digests.
 *
 * <p>Canonicalisation is done by {@code org.erdtman.jcs}, the reference implementation published
 * with the RFC's co-author. ecocalc's own documents never contain fractional JSON numbers:
 * decimals are strings in plain notation ({@code "1.5"}), so no value passes through a binary
 * double on its way to a hash. A digest is written {@code sha256:<64 lower-case hex digits>}.
 */
public final class CanonicalJson {
    /** The prefix of every digest. */
    public static final String DIGEST_PREFIX = "sha256:";

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of a JSON text (RFC 8785). The text must have an object or an
     * array at the top (every ecocalc document does); the implementation refuses a bare scalar.
     *
     * @throws EcoCalcException ({@link ErrorCode#MALFORMED_JSON}) if the text is not JSON
     */
    public static byte[] canonicalize(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, "cannot canonicalise: " + e.getMessage(), e);
        }
    }

    /**
     * The canonical UTF-8 bytes of a JSON tree (RFC 8785), written straight from the tree: members
     * sorted by their names' UTF-16 code units, strings escaped as ECMAScript's
     * {@code JSON.stringify} escapes them, no whitespace. A tree holding a number other than an
     * integer of at most 2<sup>53</sup> in magnitude (whose ECMAScript form needs the double
     * algorithm) goes through {@link #canonicalize(String)}, the reference implementation.
     * {@code CanonicalJsonTest} checks the two agree on generated trees, so this is a fast path,
     * not a second definition: no text is written, parsed and written again.
     */
    public static byte[] canonicalize(JsonNode node) {
        Objects.requireNonNull(node, "node");
        if (!node.isContainer() || !plain(node)) {
            return canonicalize(org.ecocalc.core.internal.Json.compact(node));
        }
        StringBuilder b = new StringBuilder(256);
        write(node, b);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of {@link #canonicalize(JsonNode)}. */
    public static String digest(JsonNode node) {
        return sha256(canonicalize(node));
    }

    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_992L; // 2^53

    /** Whether every number in the tree is an integer the fast path writes as ECMAScript does. */
    private static boolean plain(JsonNode n) {
        if (n.isObject()) {
            for (String name : n.propertyNames()) {
                if (!wellFormed(name) || !plain(n.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                if (!plain(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n.isNumber()) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                return false;
            }
            long v = n.longValue();
            return v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER;
        }
        if (n.isString()) {
            return wellFormed(n.stringValue());
        }
        return n.isBoolean() || n.isNull();
    }

    /** Whether every surrogate of {@code s} is paired (RFC 8785 leaves lone ones to the reference path). */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void write(JsonNode n, StringBuilder b) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>(n.propertyNames());
            names.sort(null); // String order is UTF-16 code-unit order, as RFC 8785 section 3.2.3 sorts
            b.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(names.get(i), b);
                b.append(':');
                write(n.get(names.get(i)), b);
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(n.get(i), b);
            }
            b.append(']');
        } else if (n.isString()) {
            string(n.stringValue(), b);
        } else if (n.isNumber()) {
            b.append(n.longValue());
        } else if (n.isBoolean()) {
            b.append(n.booleanValue());
        } else {
            b.append("null");
        }
    }

    /** A string as RFC 8785 section 3.2.2.2 writes it (the escapes of ECMAScript's JSON.stringify). */
    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /** The canonical text of a JSON text (RFC 8785). */
    public static String canonicalString(String json) {
        return new String(canonicalize(json), StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of the canonical form of a JSON text. */
    public static String digest(String json) {
        return sha256(canonicalize(json));
    }

    /** {@code sha256:<hex>} of raw bytes. */
    public static String sha256(byte[] bytes) {
        return DIGEST_PREFIX + HEX.formatHex(newSha256().digest(bytes));
    }

    /** A new SHA-256 message digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code text} is a well-formed digest {@code sha256:<64 hex>}. */
    public static boolean isDigest(String text) {
        if (text == null || text.length() != DIGEST_PREFIX.length() + 64 || !text.startsWith(DIGEST_PREFIX)) {
            return false;
        }
        for (int i = DIGEST_PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
