package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.Severity;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelemetryReaderTest {
    static final String VALID = """
            {"source_id": "fra-1-bms", "external_event_id": "2026-03-02T00",
             "interval": {"start": "2026-03-02T01:00:00+01:00", "end": "2026-03-02T02:00:00+01:00"},
             "observed_at": "2026-03-02T01:00:30Z",
             "facility_id": "fra-1", "country": "DE", "region": "EU", "grid_zone": "DE",
             "energy": {"facility": {"value": "1.15", "unit": "MWh"}, "it": {"value": "900", "unit": "kWh"},
                        "cooling": {"value": "648000", "unit": "kJ_not_a_unit_placeholder"}},
             "water": {"withdrawal": {"value": "1.8", "unit": "m3"}, "blowdown": {"value": "95.1", "unit": "gal"}},
             "compute": {"gpu_hours": {"value": "2764800", "unit": "GPU-s"}, "training_runs": "0.125",
                         "inference_requests": 4000, "tokens": "2400000"},
             "hardware": {"utilization_pct": "55", "idle_pct": 20.5}}
            """.replace("{\"value\": \"648000\", \"unit\": \"kJ_not_a_unit_placeholder\"}",
            "{\"value\": \"648\", \"unit\": \"MJ\"}");

    private final TelemetryReader reader = TelemetryReader.standard();

    @Test
    void readsAndNormalisesAValidRecord() {
        TelemetryRecord r = reader.parse(VALID);
        assertThat(r.key()).isEqualTo(IdempotencyKey.of("fra-1-bms", "2026-03-02T00"));
        // 01:00+01:00 is 00:00 UTC.
        assertThat(r.interval()).isEqualTo(Interval.of(Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-02T01:00:00Z")));
        assertThat(r.observedAt()).isEqualTo(Instant.parse("2026-03-02T01:00:30Z"));
        assertThat(r.place()).isEqualTo(new Place("fra-1", "DE", "EU", "DE"));
        // 1.15 MWh = 1150 kWh; 648 MJ = 648 / 3.6 = 180 kWh.
        assertThat(r.energy().facility()).isEqualTo(Quantity.of("1150", Unit.KWH));
        assertThat(r.energy().it()).isEqualTo(Quantity.of("900", Unit.KWH));
        assertThat(r.energy().cooling()).isEqualTo(Quantity.of("180", Unit.KWH));
        // 1.8 m3 = 1800 L; 95.1 US gal × 3.785411784 L/gal = 359.9926606584 L.
        assertThat(r.water().withdrawal()).isEqualTo(Quantity.of("1800", Unit.L));
        assertThat(r.water().blowdown()).isEqualTo(Quantity.of("359.9926606584", Unit.L));
        // 2,764,800 GPU-s / 3600 = 768 GPU-h.
        assertThat(r.compute().gpuHours()).isEqualTo(Quantity.of("768", Unit.GPU_H));
        assertThat(r.compute().trainingRuns()).isEqualByComparingTo("0.125");
        assertThat(r.compute().inferenceRequests()).isEqualByComparingTo("4000");
        assertThat(r.compute().tokens()).isEqualByComparingTo("2400000");
        assertThat(r.hardware().utilizationPct()).isEqualByComparingTo("55");
        assertThat(r.hardware().idlePct()).isEqualByComparingTo("20.5");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void normalisedJsonIsAValidRecordThatReadsBackIdentically() {
        TelemetryRecord r = reader.parse(VALID);
        String normalised = TelemetryJson.toJson(r);
        assertThat(normalised).contains("\"start\":\"2026-03-02T00:00:00Z\"").contains("{\"value\":\"1150\",\"unit\":\"kWh\"}");
        assertThat(reader.parse(normalised)).isEqualTo(r);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                // unknown unit
                Arguments.of("\"unit\": \"MWh\"", "\"unit\": \"mwh\"", ErrorCode.UNKNOWN_UNIT, "/energy/facility/unit"),
                // unit of the wrong dimension
                Arguments.of("\"unit\": \"MWh\"", "\"unit\": \"m3\"", ErrorCode.UNIT_DIMENSION_MISMATCH, "/energy/facility/unit"),
                // negative energy
                Arguments.of("\"value\": \"900\"", "\"value\": \"-900\"", ErrorCode.NEGATIVE_VALUE, "/energy/it/value"),
                // negative energy as a JSON number
                Arguments.of("\"value\": \"900\"", "\"value\": -900", ErrorCode.NEGATIVE_VALUE, "/energy/it/value"),
                // negative water
                Arguments.of("\"value\": \"1.8\"", "\"value\": \"-1.8\"", ErrorCode.NEGATIVE_VALUE, "/water/withdrawal/value"),
                // NaN, text and empty values
                Arguments.of("\"value\": \"900\"", "\"value\": \"NaN\"", ErrorCode.NOT_NUMERIC, "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": \"nine hundred\"", ErrorCode.NOT_NUMERIC, "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": \"\"", ErrorCode.NOT_NUMERIC, "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": \"9e2\"", ErrorCode.NOT_NUMERIC, "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": true", ErrorCode.WRONG_TYPE, "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": null", ErrorCode.WRONG_TYPE, "/energy/it/value"),
                // too many digits
                Arguments.of("\"value\": \"900\"", "\"value\": \"1234567890123456789012\"", ErrorCode.VALUE_OUT_OF_RANGE,
                        "/energy/it/value"),
                Arguments.of("\"value\": \"900\"", "\"value\": \"0." + "0".repeat(49) + "1\"", ErrorCode.VALUE_OUT_OF_RANGE,
                        "/energy/it/value"),
                // end before and equal to start
                Arguments.of("\"end\": \"2026-03-02T02:00:00+01:00\"", "\"end\": \"2026-03-02T00:59:00+01:00\"",
                        ErrorCode.INTERVAL_NOT_POSITIVE, "/interval/end"),
                Arguments.of("\"end\": \"2026-03-02T02:00:00+01:00\"", "\"end\": \"2026-03-02T00:00:00Z\"",
                        ErrorCode.INTERVAL_NOT_POSITIVE, "/interval/end"),
                // timestamps
                Arguments.of("\"start\": \"2026-03-02T01:00:00+01:00\"", "\"start\": \"2026-03-02T01:00:00\"",
                        ErrorCode.TIMESTAMP_WITHOUT_OFFSET, "/interval/start"),
                Arguments.of("\"start\": \"2026-03-02T01:00:00+01:00\"", "\"start\": \"2026-13-02T01:00:00Z\"",
                        ErrorCode.INVALID_TIMESTAMP, "/interval/start"),
                Arguments.of("\"start\": \"2026-03-02T01:00:00+01:00\"", "\"start\": \"yesterday\"",
                        ErrorCode.INVALID_TIMESTAMP, "/interval/start"),
                // missing identity
                Arguments.of("\"source_id\": \"fra-1-bms\", ", "", ErrorCode.MISSING_IDENTITY, "/source_id"),
                Arguments.of("\"external_event_id\": \"2026-03-02T00\",", "", ErrorCode.MISSING_IDENTITY, "/external_event_id"),
                Arguments.of("\"source_id\": \"fra-1-bms\"", "\"source_id\": \"\"", ErrorCode.MISSING_IDENTITY, "/source_id"),
                // missing facility, missing interval
                Arguments.of("\"facility_id\": \"fra-1\", ", "", ErrorCode.MISSING_FIELD, "/facility_id"),
                // unknown fields (a typo would otherwise drop data silently)
                Arguments.of("\"tokens\":", "\"tokenz\":", ErrorCode.UNKNOWN_FIELD, "/compute/tokenz"),
                Arguments.of("\"region\":", "\"regoin\":", ErrorCode.UNKNOWN_FIELD, "/regoin"),
                // wrong types
                Arguments.of("\"country\": \"DE\"", "\"country\": \"Germany\"", ErrorCode.WRONG_TYPE, "/country"),
                Arguments.of("\"facility_id\": \"fra-1\"", "\"facility_id\": 7", ErrorCode.WRONG_TYPE, "/facility_id"),
                // counts and percentages
                Arguments.of("\"inference_requests\": 4000", "\"inference_requests\": 40.5", ErrorCode.VALUE_OUT_OF_RANGE,
                        "/compute/inference_requests"),
                Arguments.of("\"inference_requests\": 4000", "\"inference_requests\": \"-4\"", ErrorCode.NEGATIVE_VALUE,
                        "/compute/inference_requests"),
                Arguments.of("\"utilization_pct\": \"55\"", "\"utilization_pct\": \"101\"", ErrorCode.VALUE_OUT_OF_RANGE,
                        "/hardware/utilization_pct"));
    }

    @ParameterizedTest(name = "{2} at {3}")
    @MethodSource("badRecords")
    void refusesBadInputWithCodeAndPointer(String from, String to, ErrorCode code, String pointer) {
        String json = VALID.replace(from, to);
        assertThat(json).as("the test replaced something").isNotEqualTo(VALID);
        ParsedRecord p = reader.check(json);
        assertThat(p.isValid()).isFalse();
        assertThat(p.problems()).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.pointer()).isEqualTo(pointer);
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).isNotBlank();
        });
        assertThatThrownBy(() -> reader.parse(json)).isInstanceOf(InvalidTelemetryException.class)
                .hasMessageContaining(pointer);
    }

    @ParameterizedTest(name = "{2} at {3}")
    @MethodSource("badRecords")
    void theSchemaAlsoRefusesEverythingItCanExpress(String from, String to, ErrorCode code, String pointer) {
        // The schema (docs/schemas/telemetry-record.v1.json) is the reference: every structural
        // refusal of the reader is also a schema refusal. Only rules a JSON Schema cannot state are
        // the reader's alone: end after start.
        List<Problem> schema = TelemetrySchema.validate(tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(VALID.replace(from, to)));
        if (code == ErrorCode.INTERVAL_NOT_POSITIVE) {
            assertThat(schema).isEmpty();
        } else {
            assertThat(schema).isNotEmpty();
        }
    }

    @Test
    void theValidRecordPassesTheSchema() {
        assertThat(TelemetrySchema.validate(tools.jackson.databind.json.JsonMapper.builder().build().readTree(VALID)))
                .isEmpty();
    }

    @Test
    void reportsEveryProblemOfARecordNotJustTheFirst() {
        String json = VALID.replace("\"unit\": \"MWh\"", "\"unit\": \"kwh\"").replace("\"value\": \"900\"", "\"value\": \"-1\"")
                .replace("\"country\": \"DE\"", "\"country\": \"de\"");
        assertThat(reader.check(json).problems()).extracting(Problem::pointer)
                .contains("/energy/facility/unit", "/energy/it/value", "/country");
    }

    @Test
    void itAboveFacilityIsAWarningAndTheRecordIsUsed() {
        String json = VALID.replace("\"value\": \"900\"", "\"value\": \"1200\"");
        ParsedRecord p = reader.check(json);
        assertThat(p.isValid()).isTrue();
        assertThat(p.problems()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ErrorCode.IT_EXCEEDS_FACILITY);
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.pointer()).isEqualTo("/energy/it");
        });
    }

    @Test
    void duplicateObjectKeysAreRefusedNotResolvedSilently() {
        String json = VALID.replace("\"facility_id\": \"fra-1\"", "\"facility_id\": \"fra-1\", \"facility_id\": \"fra-2\"");
        ParsedRecord p = reader.check(json);
        assertThat(p.isValid()).isFalse();
        assertThat(p.problems()).singleElement().extracting(Problem::code).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void aFileWithSomeBadRecordsReportsEachAndKeepsEveryGoodOne() {
        String bad1 = VALID.replace("\"unit\": \"MWh\"", "\"unit\": \"MW\"").replace("2026-03-02T00\"", "bad-1\"");
        String good2 = VALID.replace("2026-03-02T00\"", "good-2\"");
        String dupKey = VALID.replace("\"grid_zone\": \"DE\"", "\"grid_zone\": \"DE\", \"grid_zone\": \"FR\"")
                .replace("2026-03-02T00\"", "bad-3\"");
        String text = "[" + VALID + "," + bad1 + "," + good2 + "," + dupKey + "," + good2.replace("good-2", "good-5") + "]";
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mixed.json",
                TelemetryReader.Format.JSON);
        assertThat(b.records()).extracting(r -> r.key().externalEventId())
                .containsExactly("2026-03-02T00", "good-2", "good-5");
        assertThat(b.summary().rejected()).isEqualTo(2);
        assertThat(b.problems()).extracting(p -> p.location().index()).containsExactly(1L, 3L);
        assertThat(b.problems().get(0).key()).isEqualTo(IdempotencyKey.of("fra-1-bms", "bad-1"));
        assertThat(b.problems().get(0).code()).isEqualTo(ErrorCode.UNKNOWN_UNIT);
        assertThat(b.problems().get(1).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void aSyntaxErrorEndsTheFileButKeepsTheRecordsBeforeIt() {
        String text = "[" + VALID + "," + VALID.replace("2026-03-02T00\"", "second\"") + ", {\"source_id\": oops ]";
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "broken.json",
                TelemetryReader.Format.JSON);
        assertThat(b.records()).hasSize(2);
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(p.problem().message()).contains("line").contains("the rest of broken.json was not read");
        });
    }

    @Test
    void jsonLinesLoseOnlyTheBadLine(@TempDir Path dir) throws IOException {
        String one = VALID.replace("\n", " ");
        String lines = one + "\n" + "{not json\n" + "\n" + one.replace("2026-03-02T00\"", "third\"") + "\n";
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, lines);
        TelemetryBatch b = reader.readAll(file);
        assertThat(b.records()).hasSize(2);
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(p.location().line()).isEqualTo(2);
        });
    }

    @Test
    void readsAllLayoutsAndDirectories(@TempDir Path dir) throws IOException {
        String a = VALID;
        String b = VALID.replace("2026-03-02T00\"", "b\"");
        Files.writeString(dir.resolve("1-array.json"), "[" + a + "]");
        Files.writeString(dir.resolve("2-single.json"), b);
        Files.writeString(dir.resolve("3-concatenated.json"), VALID.replace("2026-03-02T00\"", "c\"")
                + VALID.replace("2026-03-02T00\"", "d\""));
        Files.writeString(dir.resolve("4-lines.ndjson"), VALID.replace("\n", " ").replace("2026-03-02T00\"", "e\""));
        Files.writeString(dir.resolve("ignored.txt"), "not telemetry");
        TelemetryBatch batch = reader.readAll(dir);
        assertThat(batch.records()).extracting(r -> r.key().externalEventId())
                .containsExactly("2026-03-02T00", "b", "c", "d", "e");
        assertThat(batch.summary().sources()).isEqualTo(4);
    }

    @Test
    void aMissingInputIsATypedError(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.readAll(dir.resolve("nope.json")))
                .isInstanceOf(org.ecocalc.core.EcoCalcException.class).hasMessageContaining("no such file")
                .extracting(e -> ((org.ecocalc.core.EcoCalcException) e).code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
    }

    @Test
    void numbersAreReadExactlyNeverThroughADouble() {
        // 22 decimals survive exactly; a double holds about 17 significant digits.
        String json = VALID.replace("\"value\": \"900\"", "\"value\": 0.3000000000000000000001");
        assertThat(reader.parse(json).energy().it().value()).isEqualByComparingTo(new BigDecimal("0.3000000000000000000001"));
    }

    @Test
    void theBuilderEnforcesTheSameRules() {
        assertThatThrownBy(() -> TelemetryRecord.builder().sourceId("s").externalEventId("e").facilityId("f")
                .interval(Instant.parse("2026-01-01T01:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build())
                .isInstanceOf(InvalidTelemetryException.class)
                .extracting(e -> ((InvalidTelemetryException) e).problems().get(0).pointer()).isEqualTo("/interval/end");
        assertThatThrownBy(() -> EnergyBlock.builder().it(Quantity.of("-1", Unit.KWH)).build())
                .isInstanceOf(InvalidTelemetryException.class).hasMessageContaining("/energy/it/value");
        assertThatThrownBy(() -> EnergyBlock.builder().it(Quantity.of("1", Unit.L)).build())
                .isInstanceOf(InvalidTelemetryException.class).hasMessageContaining("/energy/it/unit");
        assertThatThrownBy(() -> TelemetryRecord.builder().externalEventId("e").facilityId("f")
                .interval(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)).build())
                .isInstanceOf(InvalidTelemetryException.class)
                .extracting(e -> ((InvalidTelemetryException) e).code()).isEqualTo(ErrorCode.MISSING_IDENTITY);
        // Amounts are held in the canonical unit whatever they were built with.
        assertThat(EnergyBlock.builder().facility(Quantity.of("2", Unit.MWH)).build().facility())
                .isEqualTo(Quantity.of("2000", Unit.KWH));
    }

    /** A record on one line, with another event id. */
    private static String line(String id) {
        return VALID.replace("\"2026-03-02T00\"", "\"" + id + "\"").replace('\n', ' ');
    }

    @Test
    void jsonLinesEndAtLfCrOrCrLfAndBlankLinesAreSkipped() {
        // Lines: 1 a (CR LF), 2 blank (CR), 3 b (LF), 4 "  \t" (LF), 5 c (no terminator).
        String text = line("a") + "\r\n" + "\r" + line("b") + "\n  \t\n" + line("c");
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.jsonl",
                TelemetryReader.Format.JSON_LINES);
        assertThat(b.problems()).isEmpty();
        assertThat(b.records()).extracting(r -> r.key().externalEventId()).containsExactly("a", "b", "c");
    }

    @Test
    void aByteOrderMarkAtTheStartOfJsonLinesIsIgnored() {
        // RFC 8259, section 8.1: a parser may ignore a byte-order mark; the first record is read.
        byte[] text = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (line("a") + "\n" + line("b")).getBytes(StandardCharsets.UTF_8));
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream(text), "x.jsonl", TelemetryReader.Format.JSON_LINES);
        assertThat(b.problems()).isEmpty();
        assertThat(b.records()).extracting(r -> r.key().externalEventId()).containsExactly("a", "b");
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedAloneAndTheNextIsRead() {
        byte[] bad = ("{\"source_id\": \"fra-1-bms\", \"external_event_id\": \"x").getBytes(StandardCharsets.UTF_8);
        byte[] text = concat(line("a").getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, bad,
                new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'}, line("c").getBytes(StandardCharsets.UTF_8));
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream(text), "x.jsonl", TelemetryReader.Format.JSON_LINES);
        assertThat(b.records()).extracting(r -> r.key().externalEventId()).containsExactly("a", "c");
        // 0xC3 0x28 is an invalid two-byte sequence (RFC 3629): line 2 alone is refused.
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.problem().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(p.problem().message()).contains("not valid UTF-8");
        });
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWhole() {
        // A line of over 70,000 bytes (the buffer starts at 64 KiB) with an unknown member "padding": the
        // record is read whole and refused for that member, and the next line is read.
        String longLine = line("big").replace("\"facility_id\"", "\"padding\": \"" + "p".repeat(70_000)
                + "\", \"facility_id\"");
        TelemetryBatch b = reader.readAll(new ByteArrayInputStream((longLine + "\n" + line("after"))
                .getBytes(StandardCharsets.UTF_8)), "x.jsonl", TelemetryReader.Format.JSON_LINES);
        assertThat(b.records()).extracting(r -> r.key().externalEventId()).containsExactly("after");
        assertThat(b.problems()).extracting(p -> p.problem().pointer()).contains("/padding");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
