package org.ecocalc.core.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.JsonRecords;
import org.ecocalc.core.internal.SchemaCheck;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.ReadSummary;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryReader.Format;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads usage event v1 ({@code docs/schemas/usage-event.v1.json}) from JSON, streaming, in bounded
 * memory, exactly as {@link TelemetryReader} reads telemetry: a JSON array of events, one event, or
 * several events one after another ({@link Format#JSON}), or one event per line
 * ({@link Format#JSON_LINES}, files ending {@code .jsonl} or {@code .ndjson}), where a malformed line
 * costs only that line. Duplicate object keys are refused; numbers are read exactly.
 *
 * <p>Each event is checked against the JSON Schema (networknt json-schema-validator) and by the
 * mapper, which names each problem by JSON Pointer with a specific code ({@code missing_identity},
 * {@code wrong_type}, {@code negative_value}, {@code timestamp_without_offset},
 * {@code content_attribute} for an attribute name that could carry prompt or completion text, ...)
 * and applies the rule the schema cannot state (ended_at not before started_at). An event is
 * delivered only when both accept it; a refused event's problems name its idempotency key when its
 * identity fields are valid.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UsageReader {
    /** Schema validation is on by default. */
    public static final boolean DEFAULT_SCHEMA_VALIDATION = true;
    static final String RESOURCE = "/org/ecocalc/core/schemas/usage-event.v1.json";

    private static final SchemaCheck SCHEMA = SchemaCheck.load(UsageReader.class, RESOURCE,
            Set.of("required", "additionalProperties", "propertyNames"));
    private static final UsageReader STANDARD = new UsageReader(DEFAULT_SCHEMA_VALIDATION, null);

    private final boolean schemaValidation;
    private final LongConsumer progress;

    private UsageReader(boolean schemaValidation, LongConsumer progress) {
        this.schemaValidation = schemaValidation;
        this.progress = progress;
    }

    /** The standard reader: schema validation on. */
    public static UsageReader standard() {
        return STANDARD;
    }

    /** A builder for a reader with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether each event is also checked against the JSON Schema. */
    public boolean schemaValidation() {
        return schemaValidation;
    }

    /**
     * Reads a file, or every {@code .json}, {@code .jsonl} and {@code .ndjson} file directly in a
     * directory (sorted by name, as {@link TelemetryReader#inputFiles(Path)}).
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) if a file cannot be read
     */
    public ReadSummary read(Path fileOrDirectory, UsageHandler handler) {
        ReadSummary total = ReadSummary.EMPTY;
        for (Path file : TelemetryReader.inputFiles(fileOrDirectory)) {
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
     * Reads one stream (not closed).
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) on an I/O failure
     */
    public ReadSummary read(InputStream in, String sourceName, Format format, UsageHandler handler) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(handler, "handler");
        Session s = new Session(sourceName, handler);
        try {
            s.bytes = JsonRecords.read(in, format == Format.JSON_LINES, progress, s);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        return new ReadSummary(1, s.index, s.accepted, s.rejected, 0, s.bytes);
    }

    /** Reads a file or directory into memory. */
    public UsageBatch readAll(Path fileOrDirectory) {
        Collector c = new Collector();
        ReadSummary s = read(fileOrDirectory, c);
        return new UsageBatch(c.events, c.problems, s);
    }

    /** Reads one stream into memory (not closed). */
    public UsageBatch readAll(InputStream in, String sourceName, Format format) {
        Collector c = new Collector();
        ReadSummary s = read(in, sourceName, format, c);
        return new UsageBatch(c.events, c.problems, s);
    }

    /** Checks one event given as JSON text. */
    public ParsedUsageEvent check(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = JsonRecords.readSingle(json);
        } catch (JacksonException e) {
            return new ParsedUsageEvent(null, List.of(Problem.error(ErrorCode.MALFORMED_JSON, "",
                    JsonRecords.syntaxMessage(e))));
        }
        return check(node);
    }

    /** Checks one event given as a Jackson tree. */
    public ParsedUsageEvent check(JsonNode node) {
        Objects.requireNonNull(node, "node");
        UsageEventMapper.Result r = UsageEventMapper.map(node);
        if (schemaValidation) {
            List<Problem> schema = SCHEMA.validate(node);
            if (!schema.isEmpty() && r.event() != null) {
                // The mapper accepted what the schema refuses: trust the schema.
                return new ParsedUsageEvent(null, schema);
            }
        }
        return new ParsedUsageEvent(r.event(), r.problems());
    }

    /**
     * Parses one event given as JSON text.
     *
     * @throws InvalidUsageException listing every problem
     */
    public UsageEvent parse(String json) {
        ParsedUsageEvent p = check(json);
        if (!p.isValid()) {
            throw new InvalidUsageException(p.problems());
        }
        return p.event();
    }

    private final class Session implements JsonRecords.Sink {
        private final String source;
        private final UsageHandler handler;
        long index;
        long accepted;
        long rejected;
        long bytes;

        Session(String source, UsageHandler handler) {
            this.source = source;
            this.handler = handler;
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
            ParsedUsageEvent p = check(node);
            if (p.isValid()) {
                accepted++;
                handler.onEvent(p.event(), where);
                return;
            }
            rejected++;
            IdempotencyKey key = JsonRecords.keyOf(node);
            for (Problem problem : p.problems()) {
                handler.onProblem(new RecordProblem(where, key, problem));
            }
        }
    }

    private static final class Collector implements UsageHandler {
        final List<UsageEvent> events = new ArrayList<>();
        final List<RecordProblem> problems = new ArrayList<>();

        @Override
        public void onEvent(UsageEvent event, RecordLocation location) {
            events.add(event);
        }

        @Override
        public void onProblem(RecordProblem problem) {
            problems.add(problem);
        }
    }

    /** Builds a {@link UsageReader}. */
    public static final class Builder {
        private boolean schemaValidation = DEFAULT_SCHEMA_VALIDATION;
        private LongConsumer progress;

        private Builder() {
        }

        /** Whether each event is also checked against the JSON Schema (default true). */
        public Builder schemaValidation(boolean schemaValidation) {
            this.schemaValidation = schemaValidation;
            return this;
        }

        /** Receives the number of bytes read since its last call, about every 64 KiB (null for none, the default). */
        public Builder progressListener(LongConsumer listener) {
            this.progress = listener;
            return this;
        }

        /** The reader. */
        public UsageReader build() {
            return new UsageReader(schemaValidation, progress);
        }
    }
}
