package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.telemetry.RecordProblem;
import org.junit.jupiter.api.Test;

class SensorReadingReaderTest {
    static SensorBatch read(String text) {
        return SensorReadingReader.standard().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "sensors.jsonl");
    }

    static String line(String sensor, String at, String kind, String value, String unit) {
        return "{\"sensor_id\":\"" + sensor + "\",\"facility_id\":\"fra-1\",\"observed_at\":\"" + at + "\",\"kind\":\""
                + kind + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}\n";
    }

    @Test
    void readsAndNormalisesReadings() {
        SensorBatch b = read(line("co2-a", "2026-03-02T01:00:00+01:00", "co2", "\"612\"", "ppm")
                + "\n"
                + line("t-1", "2026-03-02T00:00:00Z", "temperature", "\"80.6\"", "degF")
                + line("t-2", "2026-03-02T00:00:00Z", "temperature", "300.15", "K")
                + line("t-3", "2026-03-02T00:00:00Z", "temperature", "\"22.5\"", "°C")
                + line("rh-1", "2026-03-02T00:00:00Z", "humidity", "\"45\"", "%")
                + line("dp-1", "2026-03-02T00:00:00Z", "other", "\"101.3\"", "kPa"));
        assertThat(b.problems()).isEmpty();
        assertThat(b.readings()).hasSize(6);
        SensorReading co2 = b.readings().get(0);
        assertThat(co2.observedAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(co2.unit()).isEqualTo("ppm");
        assertThat(co2.reference()).isEqualTo("co2-a@2026-03-02T00:00:00Z");
        // (80.6 − 32) × 5 / 9 = 243 / 9 = 27 °C (the ASHRAE recommended upper limit, 80.6 °F).
        assertThat(b.readings().get(1).value()).isEqualByComparingTo("27");
        assertThat(b.readings().get(1).unit()).isEqualTo("degC");
        // 300.15 K − 273.15 = 27 °C.
        assertThat(b.readings().get(2).value()).isEqualByComparingTo("27");
        assertThat(b.readings().get(3).value()).isEqualByComparingTo("22.5");
        assertThat(b.readings().get(4).unit()).isEqualTo("%RH");
        assertThat(b.readings().get(5).unit()).isEqualTo("kPa");
        assertThat(b.readings().get(5).kind()).isEqualTo(SensorKind.OTHER);
    }

    @Test
    void aBadLineCostsOnlyThatLineAndNamesTheField() {
        SensorBatch b = read(line("co2-a", "2026-03-02T00:00:00Z", "co2", "\"612\"", "ppm")
                + "{not json\n"
                + line("co2-a", "2026-03-02T00:10:00Z", "co2", "\"612\"", "degC")
                + line("co2-a", "2026-03-02T00:20:00Z", "co2", "\"-5\"", "ppm")
                + line("co2-a", "2026-03-02T00:30:00", "co2", "\"600\"", "ppm")
                + line("rh-1", "2026-03-02T00:00:00Z", "humidity", "\"101\"", "%RH")
                + line("t-1", "2026-03-02T00:00:00Z", "temperature", "\"-300\"", "degC")
                + "{\"sensor_id\":\"x\",\"facility_id\":\"fra-1\",\"observed_at\":\"2026-03-02T00:00:00Z\",\"kind\":\"co2\","
                + "\"value\":\"1\",\"unit\":\"ppm\",\"colour\":\"red\"}\n"
                + line("co2-a", "2026-03-02T00:40:00Z", "co2", "\"1,5\"", "ppm"));
        assertThat(b.readings()).hasSize(1);
        assertThat(b.rejected()).isEqualTo(8);
        // Every problem is listed (a line may have several, such as a timestamp that breaks both the format and
        // the pattern); each line's first problem names the field.
        assertThat(b.problems().stream().map(x -> x.location().line()).distinct().toList())
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(first(b, 2).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(first(b, 3).problem().pointer()).isEqualTo("/unit");
        assertThat(first(b, 4).code()).isEqualTo(ErrorCode.NEGATIVE_VALUE);
        assertThat(first(b, 5).problem().pointer()).isEqualTo("/observed_at");
        assertThat(first(b, 6).code()).isEqualTo(ErrorCode.VALUE_OUT_OF_RANGE);
        assertThat(first(b, 7).problem().message()).contains("absolute zero");
        assertThat(first(b, 8).code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
        assertThat(first(b, 8).problem().pointer()).isEqualTo("/colour");
        assertThat(first(b, 9).problem().pointer()).isEqualTo("/value");
        assertThat(first(b, 2).toString()).startsWith("sensors.jsonl record #1 (line 2)");
    }

    private static RecordProblem first(SensorBatch b, long line) {
        return b.problems().stream().filter(x -> x.location().line() == line).findFirst().orElseThrow();
    }

    @Test
    void repeatsAreCountedOnceAndConflictsRefuseEveryCopy() {
        SensorBatch b = read(line("co2-a", "2026-03-02T00:00:00Z", "co2", "\"612\"", "ppm")
                + line("co2-a", "2026-03-02T00:00:00Z", "co2", "612.0", "ppm")
                + line("co2-b", "2026-03-02T00:00:00Z", "co2", "\"700\"", "ppm")
                + line("co2-b", "2026-03-02T00:00:00Z", "co2", "\"701\"", "ppm"));
        assertThat(b.readings()).extracting(SensorReading::sensorId).containsExactly("co2-a");
        assertThat(b.problems()).extracting(RecordProblem::code).containsExactly(ErrorCode.DUPLICATE_RECORD,
                ErrorCode.CONFLICTING_DUPLICATE, ErrorCode.CONFLICTING_DUPLICATE);
        assertThat(b.rejected()).isEqualTo(2);
        assertThat(b.hasRejections()).isTrue();
    }

    @Test
    void parseOneAndSeries() {
        SensorReading r = SensorReadingReader.standard().parse(line("co2-a", "2026-03-02T00:00:00Z", "co2", "\"612\"",
                "ppm"));
        assertThat(r.value()).isEqualByComparingTo("612");
        assertThatThrownBy(() -> SensorReadingReader.standard().parse("{}")).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("/sensor_id");
        SensorBatch b = read(line("t-1", "2026-03-02T00:10:00Z", "temperature", "\"21\"", "degC")
                + line("co2-a", "2026-03-02T00:00:00Z", "co2", "\"612\"", "ppm")
                + line("t-1", "2026-03-02T00:00:00Z", "temperature", "\"20\"", "degC"));
        List<AlertSeries> s = AlertSeries.fromSensors(b.readings());
        assertThat(s).extracting(AlertSeries::sensorId).containsExactly("co2-a", "t-1");
        assertThat(s.get(1).measure()).isEqualTo(Measure.ROOM_TEMPERATURE);
        assertThat(s.get(1).observations()).extracting(o -> o.value().toPlainString()).containsExactly("20", "21");
        assertThatThrownBy(() -> AlertSeries.fromSensors(List.of(
                SensorReading.of("s", "fra-1", Instant.EPOCH, SensorKind.CO2, java.math.BigDecimal.ONE),
                SensorReading.of("s", "fra-1", Instant.EPOCH, SensorKind.CO2, java.math.BigDecimal.TEN))))
                .isInstanceOf(EcoCalcException.class).hasMessageContaining("two different readings");
    }
}
