package org.ecocalc.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.InvalidTelemetryException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams JSON values (records, events) out of an input, one at a time, in bounded memory: a JSON
 * array of values, one value, or several top-level values one after another; or one value per line
 * (JSON Lines). Numbers are read exactly ({@link java.math.BigDecimal}); duplicate object keys are
 * refused. Shared by the telemetry and usage readers; each maps and checks the values itself.
 */
public final class JsonRecords {
    /** Reads one value at a time from a stream of values. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads a text that must hold exactly one value. */
    private static final JsonMapper SINGLE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonRecords() {
    }

    /** Receives what {@link #read} finds, in input order. */
    public interface Sink {
        /** A well-formed value that starts on {@code line} (1-based). */
        void value(JsonNode node, long line);

        /**
         * A value that could not be read: a syntax error or a duplicate key. {@code restUnread} is
         * true when the error ends the reading of a JSON (not JSON Lines) input.
         */
        void malformed(long line, String message, boolean restUnread);
    }

    /**
     * Reads every value of {@code in} (not closed) and returns the number of bytes read.
     *
     * @param jsonLines one value per line (a malformed line costs only that line)
     * @param progress  receives bytes read since its last call, about every 64 KiB; may be null
     */
    public static long read(InputStream in, boolean jsonLines, LongConsumer progress, Sink sink) throws IOException {
        CountingStream counting = new CountingStream(in, progress);
        if (jsonLines) {
            readLines(counting, sink);
        } else {
            readJson(counting, sink);
        }
        return counting.count;
    }

    /** Parses a text that must hold exactly one JSON value. */
    public static JsonNode readSingle(String json) {
        return SINGLE.readTree(json);
    }

    /**
     * The idempotency key of a refused record or event, when its identity members are themselves
     * valid (so a problem can name it); null otherwise.
     */
    public static IdempotencyKey keyOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode s = node.get("source_id");
        JsonNode e = node.get("external_event_id");
        if (s == null || e == null || !s.isString() || !e.isString()) {
            return null;
        }
        try {
            return IdempotencyKey.of(s.stringValue(), e.stringValue());
        } catch (InvalidTelemetryException invalid) {
            return null; // the problem itself names the identity member
        }
    }

    /** A one-line message for a JSON syntax error, with its line and column. */
    public static String syntaxMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = "malformed JSON";
        }
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            m = m + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return "malformed JSON: " + m;
    }

    private static void readJson(InputStream in, Sink sink) {
        try (JsonParser p = MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == null) {
                            return;
                        }
                        readOne(p, sink);
                    }
                } else {
                    readOne(p, sink);
                }
            }
        } catch (JacksonException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            sink.malformed(line, syntaxMessage(e), true);
        }
    }

    private static void readOne(JsonParser p, Sink sink) {
        long line = p.currentTokenLocation().getLineNr();
        int depth = p.streamReadContext().getNestingDepth();
        JsonNode node;
        try {
            node = MAPPER.readTree(p);
        } catch (JacksonException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // Well-formed but ambiguous: skip to the end of this value and go on.
            while (p.streamReadContext().getNestingDepth() >= depth && p.currentToken() != null) {
                p.nextToken();
            }
            sink.malformed(line, syntaxMessage(e), false);
            return;
        }
        sink.value(node, line);
    }

    /**
     * Reads one value per line, as bytes: lines end at LF, CR or CR LF (as
     * {@link java.io.BufferedReader#readLine()} counts them), blank lines are skipped, and each line
     * is parsed by Jackson's byte parser without decoding it to a string first. A line with non-ASCII
     * bytes is checked to be UTF-8; one that is not is refused alone.
     */
    private static void readLines(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        long lineNo = 0;
        boolean eof = false;
        boolean skipLf = false;
        while (true) {
            if (skipLf && start < end) {
                if (buf[start] == '\n') {
                    start++;
                }
                skipLf = false;
            }
            int i = start;
            while (i < end && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (i < end) {
                lineNo++;
                line(buf, start, i - start, lineNo, sink);
                skipLf = buf[i] == '\r';
                start = i + 1;
                continue;
            }
            if (eof) {
                if (start < end) {
                    lineNo++;
                    line(buf, start, end - start, lineNo, sink);
                }
                return;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    private static void line(byte[] buf, int off, int len, long lineNo, Sink sink) {
        boolean ascii = true;
        boolean blank = true;
        for (int k = off; k < off + len; k++) {
            byte b = buf[k];
            if (b < 0) {
                ascii = false;
            } else if (blank && !(b == ' ' || b == '\t' || b == 0x0B || b == '\f' || b >= 0x1C && b <= 0x1F)) {
                blank = false;
            }
        }
        if (!ascii) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, off, len)).toString();
            } catch (CharacterCodingException e) {
                sink.malformed(lineNo, "line " + lineNo + " is not valid UTF-8", false);
                return;
            }
            if (blank && text.isBlank()) {
                return;
            }
        } else if (blank) {
            return;
        }
        JsonNode node;
        try {
            node = SINGLE.readTree(buf, off, len);
        } catch (JacksonException e) {
            sink.malformed(lineNo, syntaxMessage(e), false);
            return;
        }
        sink.value(node, lineNo);
    }

    private static boolean isDuplicateKey(JacksonException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Duplicate");
    }

    private static final class CountingStream extends FilterInputStream {
        private static final int REPORT_EVERY = 1 << 16;
        private final LongConsumer progress;
        long count;
        private long reported;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (progress != null && count - reported >= REPORT_EVERY) {
                progress.accept(count - reported);
                reported = count;
            }
        }

        @Override
        public void close() {
            // The caller owns the stream.
        }
    }
}
