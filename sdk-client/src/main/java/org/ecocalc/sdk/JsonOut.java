package org.ecocalc.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer (RFC 8259) over a reusable byte buffer, or a counter of the bytes that
 * would be written. Both modes run the same code, so the size computed when an event is built
 * (without allocating) is exactly the size of the bytes written later by the journal thread.
 * Not thread-safe: each thread uses its own.
 */
final class JsonOut {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean counting;
    private byte[] buf;
    private int len;
    /** Bit i set: the object at depth i has had a member. */
    private long hasMember;
    private int depth;

    private JsonOut(boolean counting, int capacity) {
        this.counting = counting;
        this.buf = counting ? null : new byte[capacity];
    }

    static JsonOut counter() {
        return new JsonOut(true, 0);
    }

    static JsonOut writer(int capacity) {
        return new JsonOut(false, capacity);
    }

    void reset() {
        len = 0;
        depth = 0;
        hasMember = 0;
    }

    int length() {
        return len;
    }

    byte[] buffer() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void put(int b) {
        if (!counting) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.max(64, buf.length * 2));
            }
            buf[len] = (byte) b;
        }
        len++;
    }

    JsonOut beginObject() {
        put('{');
        depth++;
        hasMember &= ~(1L << depth);
        return this;
    }

    JsonOut endObject() {
        put('}');
        depth--;
        return this;
    }

    /** Writes a member name (and the comma before it when needed). */
    JsonOut name(String name) {
        if ((hasMember & 1L << depth) != 0) {
            put(',');
        }
        hasMember |= 1L << depth;
        string(name);
        put(':');
        return this;
    }

    JsonOut field(String name, String value) {
        if (value != null) {
            name(name).string(value);
        }
        return this;
    }

    JsonOut field(String name, long value) {
        return name(name).number(value);
    }

    JsonOut number(long v) {
        if (v < 0) {
            put('-');
            if (v == Long.MIN_VALUE) {
                for (byte b : "9223372036854775808".getBytes(StandardCharsets.US_ASCII)) {
                    put(b);
                }
                return this;
            }
            v = -v;
        }
        long div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        while (div > 0) {
            put('0' + (int) (v / div % 10));
            div /= 10;
        }
        return this;
    }

    /** A JSON string: quotes, escapes for {@code "}, {@code \} and control characters, UTF-8 for the rest. */
    JsonOut string(String s) {
        put('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    put('\\');
                    put(c);
                } else if (c < 0x20) {
                    escape(c);
                } else {
                    put(c);
                }
            } else if (c < 0x800) {
                put(0xc0 | c >> 6);
                put(0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put(0xf0 | cp >> 18);
                put(0x80 | cp >> 12 & 0x3f);
                put(0x80 | cp >> 6 & 0x3f);
                put(0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                escape(c); // an unpaired surrogate cannot be UTF-8: keep it as an escape
            } else {
                put(0xe0 | c >> 12);
                put(0x80 | c >> 6 & 0x3f);
                put(0x80 | c & 0x3f);
            }
        }
        put('"');
        return this;
    }

    private void escape(char c) {
        put('\\');
        switch (c) {
            case '\n' -> put('n');
            case '\r' -> put('r');
            case '\t' -> put('t');
            case '\b' -> put('b');
            case '\f' -> put('f');
            default -> {
                put('u');
                put(HEX[c >> 12 & 0xf]);
                put(HEX[c >> 8 & 0xf]);
                put(HEX[c >> 4 & 0xf]);
                put(HEX[c & 0xf]);
            }
        }
    }

    /** Copies bytes that are already JSON (a journaled event). */
    JsonOut raw(byte[] bytes, int off, int n) {
        if (!counting) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            }
            System.arraycopy(bytes, off, buf, len, n);
        }
        len += n;
        return this;
    }

    JsonOut rawByte(char c) {
        put(c);
        return this;
    }
}
