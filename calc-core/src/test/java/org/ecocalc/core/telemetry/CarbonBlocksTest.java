package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The carbon blocks of telemetry v1: fuel, refrigerant, contracts, grid intensity. */
class CarbonBlocksTest {
    static final String RECORD = """
            {"source_id": "fra-1-bms", "external_event_id": "c1",
             "interval": {"start": "2026-03-02T00:00:00Z", "end": "2026-03-02T02:00:00Z"},
             "facility_id": "fra-1", "country": "DE", "region": "EU",
             "fuel": [{"fuel": "distillate_fuel_oil_no2", "quantity": {"value": "10", "unit": "gal"}},
                      {"fuel": "natural_gas", "quantity": {"value": "2", "unit": "MMBtu"}, "heating_value": "hhv"}],
             "refrigerant": [{"refrigerant": "hfc-134a", "released": {"value": "500", "unit": "g"}}],
             "contracts": [{"instrument_id": "GO-DE-2026-000017", "type": "energy_attribute_certificate",
                            "energy": {"value": "1.5", "unit": "MWh"}, "emission_rate": {"value": "0", "unit": "kg/kWh"},
                            "vintage": 2026, "market": "EU", "scheme": "GO", "energy_source": "wind"}],
             "grid_intensity": [{"start": "2026-03-02T01:00:00Z", "end": "2026-03-02T02:00:00Z",
                                 "intensity": {"value": "352", "unit": "gCO2eq/kWh"}, "source": "electricitymaps"},
                                {"start": "2026-03-02T00:00:00Z", "end": "2026-03-02T01:00:00Z",
                                 "intensity": {"value": "429.983", "unit": "lb/MWh"}}]}
            """;

    private final TelemetryReader reader = TelemetryReader.standard();

    @Test
    void readsEveryBlockInCanonicalUnits() {
        TelemetryRecord r = reader.parse(RECORD);
        // 10 US gal = 37.85411784 L; 2 MMBtu = 2 × 293.07107017222… kWh (docs/units.md).
        assertThat(r.fuel()).hasSize(2);
        assertThat(r.fuel().get(0).quantity()).isEqualTo(Quantity.of("37.85411784", Unit.L));
        assertThat(r.fuel().get(1).quantity()).isEqualTo(Quantity.of("2", Unit.MMBTU).toCanonical());
        assertThat(r.fuel().get(1).heatingValue()).isEqualTo(FuelUse.HeatingValue.HHV);
        // 500 g = 0.5 kg.
        assertThat(r.refrigerant()).containsExactly(RefrigerantRelease.of("hfc-134a", Quantity.of("0.5", Unit.KG)));
        Instrument go = r.contracts().get(0);
        assertThat(go.type()).isEqualTo(Instrument.Type.ENERGY_ATTRIBUTE_CERTIFICATE);
        assertThat(go.energy()).isEqualTo(Quantity.of("1500", Unit.KWH));
        assertThat(go.emissionRate().kgPerKwh()).isEqualByComparingTo("0");
        assertThat(go.vintage()).isEqualTo(2026);
        // Points are held in time order. 352 g/kWh = 0.352 kg/kWh.
        assertThat(r.gridIntensity()).extracting(IntensityPoint::start)
                .containsExactly(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-02T01:00:00Z"));
        assertThat(r.gridIntensity().get(1).intensity().kgPerKwh()).isEqualByComparingTo("0.352");
        // 429.983 lb/MWh × 0.45359237 kg/lb / 1000 kWh/MWh = 0.19503702800... kg/kWh (exact: 0.195037028024971 71... )
        assertThat(r.gridIntensity().get(0).intensity().kgPerKwh())
                .isEqualByComparingTo(new BigDecimal("429.983").multiply(new BigDecimal("0.45359237")).movePointLeft(3));
    }

    @Test
    void normalisedFormRoundTripsAndPassesTheSchema() {
        TelemetryRecord r = reader.parse(RECORD);
        String normalised = TelemetryJson.toJson(r);
        assertThat(reader.parse(normalised)).isEqualTo(r);
        assertThat(TelemetrySchema.validate(JsonMapper.builder().build().readTree(normalised))).isEmpty();
        assertThat(TelemetrySchema.validate(JsonMapper.builder().build().readTree(RECORD))).isEmpty();
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("\"unit\": \"gal\"", "\"unit\": \"GPU-h\"", ErrorCode.UNIT_DIMENSION_MISMATCH, "/fuel/0/quantity/unit"),
                Arguments.of("\"value\": \"10\"", "\"value\": \"-10\"", ErrorCode.NEGATIVE_VALUE, "/fuel/0/quantity/value"),
                Arguments.of("\"fuel\": \"natural_gas\"", "\"fuel\": \"Natural Gas\"", ErrorCode.WRONG_TYPE, "/fuel/1/fuel"),
                Arguments.of("\"heating_value\": \"hhv\"", "\"heating_value\": \"gross\"", ErrorCode.WRONG_TYPE,
                        "/fuel/1/heating_value"),
                Arguments.of("\"unit\": \"g\"}", "\"unit\": \"L\"}", ErrorCode.UNIT_DIMENSION_MISMATCH,
                        "/refrigerant/0/released/unit"),
                Arguments.of("\"type\": \"energy_attribute_certificate\"", "\"type\": \"rec\"", ErrorCode.WRONG_TYPE,
                        "/contracts/0/type"),
                Arguments.of("\"market\": \"EU\"", "\"market\": \"europe\"", ErrorCode.WRONG_TYPE, "/contracts/0/market"),
                Arguments.of("\"vintage\": 2026", "\"vintage\": \"2026\"", ErrorCode.WRONG_TYPE, "/contracts/0/vintage"),
                Arguments.of("\"emission_rate\": {\"value\": \"0\", \"unit\": \"kg/kWh\"},", "", ErrorCode.MISSING_FIELD,
                        "/contracts/0/emission_rate"),
                Arguments.of("\"unit\": \"kg/kWh\"", "\"unit\": \"kg/L\"", ErrorCode.UNIT_DIMENSION_MISMATCH,
                        "/contracts/0/emission_rate/unit"),
                Arguments.of("\"unit\": \"gCO2eq/kWh\"", "\"unit\": \"gCO2eq\"", ErrorCode.UNKNOWN_UNIT,
                        "/grid_intensity/0/intensity/unit"),
                // The point listed second (00:00-01:00) made to end before it starts.
                Arguments.of("\"end\": \"2026-03-02T01:00:00Z\",", "\"end\": \"2026-03-01T23:00:00Z\",",
                        ErrorCode.INTERVAL_NOT_POSITIVE, "/grid_intensity/1/end"),
                Arguments.of("\"fuel\": [", "\"fuel\": {\"x\": [", ErrorCode.WRONG_TYPE, "/fuel"));
    }

    @ParameterizedTest(name = "{2} at {3}")
    @MethodSource("bad")
    void refusesBadEntriesWithPointers(String from, String to, ErrorCode code, String pointer) {
        String json = RECORD.replace(from, to);
        if (to.startsWith("\"fuel\": {")) {
            json = json.replace("\"heating_value\": \"hhv\"}],", "\"heating_value\": \"hhv\"}]},");
        }
        assertThat(json).isNotEqualTo(RECORD);
        ParsedRecord p = reader.check(json);
        assertThat(p.isValid()).isFalse();
        assertThat(p.problems()).anySatisfy(pr -> {
            assertThat(pr.code()).isEqualTo(code);
            assertThat(pr.pointer()).isEqualTo(pointer);
        });
        if (code != ErrorCode.INTERVAL_NOT_POSITIVE) {
            List<Problem> schema = TelemetrySchema.validate(JsonMapper.builder().build().readTree(json));
            assertThat(schema).as("the schema refuses it too").isNotEmpty();
        }
    }

    @Test
    void overlappingIntensityIntervalsAreRefused() {
        String overlapping = RECORD.replace("{\"start\": \"2026-03-02T01:00:00Z\"", "{\"start\": \"2026-03-02T00:30:00Z\"");
        assertThat(overlapping).isNotEqualTo(RECORD);
        ParsedRecord p = reader.check(overlapping);
        assertThat(p.isValid()).isFalse();
        assertThat(p.problems()).extracting(Problem::pointer).contains("/grid_intensity");
    }

    @Test
    void emissionRateUnits() {
        // 1 t/MWh = 1000 kg / 1000 kWh = 1 kg/kWh; 1 g/Wh = 1 kg/kWh; 1 lb/MWh = 0.00045359237 kg/kWh.
        assertThat(EmissionRate.of(BigDecimal.ONE, "t/MWh").kgPerKwh()).isEqualByComparingTo("1");
        assertThat(EmissionRate.of(BigDecimal.ONE, "g/Wh").kgPerKwh()).isEqualByComparingTo("1");
        assertThat(EmissionRate.of(BigDecimal.ONE, "lb/MWh").kgPerKwh()).isEqualByComparingTo("0.00045359237");
        assertThat(EmissionRate.of(new BigDecimal("360"), "gCO2e/MJ").kgPerKwh()).isEqualByComparingTo("1.296");
    }
}
