package org.ecocalc.core.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads sensor-reading v1 from JSON Lines (one reading per line; blank lines skipped). Each line
 * is parsed exactly (duplicate keys refused, numbers as {@link BigDecimal}), checked against
 * {@code sensor-reading.v1.json} and by the rules a schema cannot state; a bad line costs only
 * that line, and its problem names the line and the field by JSON Pointer. Temperatures are
 * converted to °C: {@code (F − 32) × 5 / 9} (one division, {@link Decimals#MATH_CONTEXT}) and
 * {@code K − 273.15} (exact).
 *
 * <p>One sensor has one value per instant: an exact repeat is a warning
 * ({@link ErrorCode#DUPLICATE_RECORD}) and kept once; readings of one sensor and instant with
 * different values are all refused ({@link ErrorCode#CONFLICTING_DUPLICATE}), whichever came
 * first. Immutable and thread-safe.
 */
public final class SensorReadingReader {
    private static final BigDecimal ABSOLUTE_ZERO_C = new BigDecimal("-273.15");
    private static final SensorReadingReader STANDARD = new SensorReadingReader();
    private static final org.ecocalc.core.internal.SchemaCheck SCHEMA =
            org.ecocalc.core.internal.SchemaCheck.load("sensor-reading.v1.json");

    private SensorReadingReader() {
    }

    /** The reader. */
    public static SensorReadingReader standard() {
        return STANDARD;
    }

    /**
     * Reads a JSON Lines file.
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) if it cannot be read
     */
    public SensorBatch read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "no such file: " + file, e);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads JSON Lines from a stream (UTF-8). The stream is not closed.
     *
     * @throws EcoCalcException ({@link ErrorCode#INPUT_UNREADABLE}) on an I/O or encoding failure
     */
    public SensorBatch read(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        List<SensorReading> readings = new ArrayList<>();
        List<RecordLocation> where = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        long rejected = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        long lineNo = 0;
        long index = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                RecordLocation loc = new RecordLocation(sourceName, index++, lineNo);
                List<Problem> found = new ArrayList<>();
                SensorReading r = parseLine(line, found);
                for (Problem p : found) {
                    problems.add(new RecordProblem(loc, null, p));
                }
                if (r == null) {
                    rejected++;
                } else {
                    readings.add(r);
                    where.add(loc);
                }
            }
        } catch (CharacterCodingException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, sourceName + " line " + (lineNo + 1)
                    + ": not UTF-8", e);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + sourceName + ": " + e.getMessage(), e);
        }
        // One value per sensor and instant.
        Map<String, BigDecimal> first = new HashMap<>();
        Set<String> conflicts = new HashSet<>();
        for (SensorReading r : readings) {
            String key = r.reference();
            BigDecimal prev = first.putIfAbsent(key, r.value());
            if (prev != null && prev.compareTo(r.value()) != 0) {
                conflicts.add(key);
            }
        }
        List<SensorReading> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            SensorReading r = readings.get(i);
            String key = r.reference();
            if (conflicts.contains(key)) {
                rejected++;
                problems.add(new RecordProblem(where.get(i), null, Problem.error(ErrorCode.CONFLICTING_DUPLICATE, "",
                        "another reading of sensor " + r.sensorId() + " at " + r.observedAt()
                                + " has a different value; none of them is used")));
            } else if (!seen.add(key)) {
                problems.add(new RecordProblem(where.get(i), null, Problem.warning(ErrorCode.DUPLICATE_RECORD, "",
                        "the same reading appeared before; used once")));
            } else {
                kept.add(r);
            }
        }
        problems.sort((a, b) -> Long.compare(a.location().index(), b.location().index()));
        return new SensorBatch(kept, problems, rejected);
    }

    /**
     * Parses one reading given as JSON text.
     *
     * @throws EcoCalcException with the first problem's code, listing every problem
     */
    public SensorReading parse(String json) {
        List<Problem> problems = new ArrayList<>();
        SensorReading r = parseLine(json, problems);
        if (r == null) {
            throw new EcoCalcException(problems.get(0).code(), "invalid sensor reading: " + String.join("; ",
                    problems.stream().map(Problem::toString).toList()));
        }
        return r;
    }

    private static SensorReading parseLine(String line, List<Problem> problems) {
        JsonNode node;
        try {
            node = org.ecocalc.core.internal.Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            int nl = m == null ? -1 : m.indexOf('\n');
            problems.add(Problem.error(ErrorCode.MALFORMED_JSON, "", "malformed JSON: "
                    + (m == null ? "" : nl > 0 ? m.substring(0, nl) : m)));
            return null;
        }
        List<Problem> schema = SCHEMA.validate(node);
        if (!schema.isEmpty()) {
            problems.addAll(schema);
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(node.get("observed_at").stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            problems.add(Problem.error(ErrorCode.INVALID_TIMESTAMP, "/observed_at", "not an ISO-8601 date-time: "
                    + e.getMessage()));
            return null;
        }
        BigDecimal value;
        JsonNode v = node.get("value");
        try {
            value = v.isString() ? Decimals.parse(v.stringValue()) : Decimals.checkInputLimits(v.decimalValue());
        } catch (NumberFormatException e) {
            problems.add(Problem.error(ErrorCode.NOT_NUMERIC, "/value", e.getMessage()));
            return null;
        } catch (ArithmeticException e) {
            problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/value", "the value " + e.getMessage()));
            return null;
        }
        SensorKind kind = SensorKind.fromId(node.get("kind").stringValue());
        String unit = node.get("unit").stringValue();
        switch (kind) {
            case CO2:
                if (value.signum() < 0) {
                    problems.add(Problem.error(ErrorCode.NEGATIVE_VALUE, "/value", "a CO2 concentration cannot be negative"));
                    return null;
                }
                break;
            case HUMIDITY:
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/value",
                            "a relative humidity lies between 0 and 100 %"));
                    return null;
                }
                break;
            case TEMPERATURE:
                value = toCelsius(value, unit);
                if (value.compareTo(ABSOLUTE_ZERO_C) < 0) {
                    problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/value",
                            "a temperature cannot be below absolute zero (−273.15 °C)"));
                    return null;
                }
                break;
            default:
                break;
        }
        JsonNode loc = node.get("location");
        return new SensorReading(node.get("sensor_id").stringValue(), node.get("facility_id").stringValue(), at, kind,
                value, SensorReading.canonicalUnit(kind, unit), loc == null ? null : loc.stringValue());
    }

    /** °C from a temperature in {@code degC}, {@code °C}, {@code degF}, {@code °F} or {@code K}. */
    static BigDecimal toCelsius(BigDecimal v, String unit) {
        switch (unit) {
            case "degF":
            case "°F":
                return Decimals.divide(v.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5)),
                        BigDecimal.valueOf(9));
            case "K":
                return Decimals.normalize(v.add(ABSOLUTE_ZERO_C));
            default:
                return v;
        }
    }
}
