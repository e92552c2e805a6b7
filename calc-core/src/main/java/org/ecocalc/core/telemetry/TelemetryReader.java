package org.ecocalc.core.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.JsonRecords;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads telemetry record v1 from JSON, streaming: one record is in memory at a time, so an input
 * of any size is read in bounded memory.
 *
 * <p>Accepted layouts: a JSON array of records, a single record, or several top-level records
 * one after another ({@link Format#JSON}); or one record per line ({@link Format#JSON_LINES},
 * files ending {@code .jsonl} or {@code .ndjson}), where a malformed line costs only that line.
 * A JSON syntax error in a {@code .json} file ends the reading of that file, with the error and
 * its line reported; the records before it are kept.
 *
 * <p>Each record is checked by the mapper, which checks everything {@code telemetry-record.v1.json}
 * states and the rules a schema cannot state (end after start, digit limits, warnings). That is the
 * fast path, and the default. With {@link Builder#schemaValidation(boolean) schemaValidation(true)}
 * each record is also checked against the schema itself (networknt json-schema-validator), the
 * reference; a record is then delivered only when both accept it. {@code FastPathEquivalenceTest}
 * shows on the example data, every golden vector and 50,000 mutations of them that the mapper
 * accepts nothing the schema refuses, so both paths deliver the same records with the same problems
 * (docs/performance.md).
 * Duplicate object keys are refused, never resolved silently. Numbers are read exactly
 * ({@link java.math.BigDecimal}), never through a double.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TelemetryReader {
    /** The JSON Schema check is off by default: the mapper's own checks are equivalent and faster. */
    public static final boolean DEFAULT_SCHEMA_VALIDATION = false;

    private static final TelemetryReader STANDARD = new TelemetryReader(DEFAULT_SCHEMA_VALIDATION, null);

    /** How records are laid out in an input. */
    public enum Format {
        /** A JSON array of records, one record, or records one after another. */
        JSON,
        /** One record per line (JSON Lines, NDJSON). */
        JSON_LINES;

        /** {@link #JSON_LINES} for names ending {@code .jsonl} or {@code .ndjson}, else {@link #JSON}. */
        public static Format forFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSON_LINES : JSON;
        }
    }

    private final boolean schemaValidation;
    private final LongConsumer progress;

    private TelemetryReader(boolean schemaValidation, LongConsumer progress) {
        this.schemaValidation = schemaValidation;
        this.progress = progress;
    }

    /** The standard reader: schema validation on. */
    public static TelemetryReader standard() {
        return STANDARD;
    }

    /** A builder for a reader with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether each record is also checked against the JSON Schema. */
    public boolean schemaValidation() {
        return schemaValidation;
    }

    /**
     * The files {@link #read(Path, TelemetryHandler)} reads for a path: the file itself, or the
     * {@code .json}, {@code .jsonl} and {@code .ndjson} files directly in a directory, sorted by
     * name.
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) if the path does not exist
     */
    public static List<Path> inputFiles(Path fileOrDirectory) {
        Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
        if (Files.isRegularFile(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        if (!Files.isDirectory(fileOrDirectory)) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file or directory: " + fileOrDirectory);
        }
        try (Stream<Path> s = Files.list(fileOrDirectory)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
                    })
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot list " + fileOrDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads a file, or every telemetry file of a directory ({@link #inputFiles(Path)}), delivering
     * each record and problem to {@code handler}.
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) if a file cannot be read
     */
    public ReadSummary read(Path fileOrDirectory, TelemetryHandler handler) {
        ReadSummary total = ReadSummary.EMPTY;
        for (Path file : inputFiles(fileOrDirectory)) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                total = total.plus(read(in, name, Format.forFileName(name), handler));
            } catch (NoSuchFileException e) {
                throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file: " + file, e);
            } catch (IOException e) {
                throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    /**
     * Reads one stream. The stream is not closed.
     *
     * @param in         the input, UTF-8
     * @param sourceName the name used in locations (a file name)
     * @param format     the layout
     * @param handler    receives records and problems
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) on an I/O failure
     */
    public ReadSummary read(InputStream in, String sourceName, Format format, TelemetryHandler handler) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(handler, "handler");
        Session session = new Session(sourceName, handler);
        try {
            session.bytes = JsonRecords.read(in, format == Format.JSON_LINES, progress, session);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return session.summary();
    }

    /** Reads a file or directory into memory. */
    public TelemetryBatch readAll(Path fileOrDirectory) {
        Collector c = new Collector();
        ReadSummary s = read(fileOrDirectory, c);
        return new TelemetryBatch(c.records, c.problems, s);
    }

    /** Reads one stream into memory. The stream is not closed. */
    public TelemetryBatch readAll(InputStream in, String sourceName, Format format) {
        Collector c = new Collector();
        ReadSummary s = read(in, sourceName, format, c);
        return new TelemetryBatch(c.records, c.problems, s);
    }

    /** Checks one record given as JSON text: the record (null when refused) and every problem. */
    public ParsedRecord check(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = JsonRecords.readSingle(json);
        } catch (JacksonException e) {
            return new ParsedRecord(null, List.of(Problem.error(ErrorCode.MALFORMED_JSON, "",
                    JsonRecords.syntaxMessage(e))));
        }
        return check(node);
    }

    /** Checks one record given as a Jackson tree. */
    public ParsedRecord check(JsonNode node) {
        Objects.requireNonNull(node, "node");
        RecordMapper.Result r = RecordMapper.map(node);
        if (schemaValidation) {
            List<Problem> schemaProblems = TelemetrySchema.validate(node);
            if (!schemaProblems.isEmpty() && !r.hasErrors()) {
                // The mapper accepted what the schema refuses: trust the schema.
                return new ParsedRecord(null, schemaProblems);
            }
        }
        return new ParsedRecord(r.record(), r.problems());
    }

    /**
     * Parses one record given as JSON text.
     *
     * @throws InvalidTelemetryException listing every error (warnings are not errors)
     */
    public TelemetryRecord parse(String json) {
        ParsedRecord p = check(json);
        if (!p.isValid()) {
            throw new InvalidTelemetryException(p.problems().stream().filter(Problem::isError).toList());
        }
        return p.record();
    }

    private final class Session implements JsonRecords.Sink {
        private final String source;
        private final TelemetryHandler handler;
        private long index;
        private long accepted;
        private long rejected;
        private long warnings;
        private long bytes;

        Session(String source, TelemetryHandler handler) {
            this.source = source;
            this.handler = handler;
        }

        ReadSummary summary() {
            return new ReadSummary(1, index, accepted, rejected, warnings, bytes);
        }

        @Override
        public void malformed(long line, String message, boolean restUnread) {
            rejected++;
            handler.onProblem(new RecordProblem(new RecordLocation(source, index++, line), null,
                    Problem.error(ErrorCode.MALFORMED_JSON, "", restUnread
                            ? message + "; the rest of " + source + " was not read" : message)));
        }

        @Override
        public void value(JsonNode node, long line) {
            RecordLocation where = new RecordLocation(source, index++, line);
            ParsedRecord r = check(node);
            IdempotencyKey key = r.record() != null ? r.record().key() : JsonRecords.keyOf(node);
            for (Problem p : r.problems()) {
                if (!p.isError()) {
                    warnings++;
                }
                handler.onProblem(new RecordProblem(where, key, p));
            }
            if (r.isValid()) {
                accepted++;
                handler.onRecord(r.record(), where);
            } else {
                rejected++;
            }
        }
    }

    private static final class Collector implements TelemetryHandler {
        final List<TelemetryRecord> records = new ArrayList<>();
        final List<RecordProblem> problems = new ArrayList<>();

        @Override
        public void onRecord(TelemetryRecord record, RecordLocation location) {
            records.add(record);
        }

        @Override
        public void onProblem(RecordProblem problem) {
            problems.add(problem);
        }
    }

    /** Builds a {@link TelemetryReader}. */
    public static final class Builder {
        private boolean schemaValidation = DEFAULT_SCHEMA_VALIDATION;
        private LongConsumer progress;

        private Builder() {
        }

        /**
         * Whether each record is also checked against the JSON Schema, the reference (default false:
         * the mapper's checks are equivalent).
         */
        public Builder schemaValidation(boolean schemaValidation) {
            this.schemaValidation = schemaValidation;
            return this;
        }

        /**
         * Receives the number of bytes read since its last call, every 64 KiB or so, on the
         * reading thread (for progress display). Null for none, the default.
         */
        public Builder progressListener(LongConsumer listener) {
            this.progress = listener;
            return this;
        }

        /** The reader. */
        public TelemetryReader build() {
            return new TelemetryReader(schemaValidation, progress);
        }
    }
}
