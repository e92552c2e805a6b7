package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.junit.jupiter.api.Test;

/** Alerts and alert settings as written conform to their published schemas, and the schemas list every rule. */
class AlertSchemaTest {
    private static final SchemaCheck ALERT = SchemaCheck.load("alert.v1.json");
    private static final SchemaCheck SETTINGS = SchemaCheck.load("alert-settings.v1.json");

    @Test
    void everyKindOfAlertConforms() {
        AlertSettings s = AlertFixtures.settings(1, 1).toBuilder().driftWindows(4, 2)
                .threshold(AlertRule.SENSOR_DRIFT, new BigDecimal("2.5")).build();
        List<Alert> alerts = Alerts.evaluate(List.of(AlertFixtures.daily(Measure.PUE, "1.6"),
                AlertFixtures.sensor("co2-a", Measure.ROOM_CO2, "5100"),
                AlertFixtures.sensor("flow-1", Measure.OTHER_SENSOR, "10", "12", "10", "12", "14", "14")), s);
        assertThat(alerts).extracting(Alert::rule).contains(AlertRule.PUE_MAX, AlertRule.ROOM_CO2_CRITICAL,
                AlertRule.SENSOR_DRIFT);
        for (Alert a : alerts) {
            assertThat(ALERT.validate(Json.MAPPER.readTree(AlertJson.toJsonLine(a)))).as(a.toString()).isEmpty();
        }
    }

    @Test
    void settingsConformAndTheSchemasNameEveryRule() {
        for (AlertSettings s : List.of(AlertSettings.defaults(), AlertSettings.builder().disable(AlertRule.PUE_MAX)
                .hysteresisPct(new BigDecimal("2.5")).build())) {
            assertThat(SETTINGS.validate(Json.MAPPER.readTree(s.toCanonicalJson()))).isEmpty();
        }
        assertThat(SETTINGS.validate(Json.MAPPER.readTree("{\"thresholds\":{\"pue\":\"1\"}}"))).isNotEmpty();
        String alertSchema = new String(readSchema("alert.v1.json"), java.nio.charset.StandardCharsets.UTF_8);
        String settingsSchema = new String(readSchema("alert-settings.v1.json"), java.nio.charset.StandardCharsets.UTF_8);
        for (AlertRule r : AlertRule.values()) {
            assertThat(alertSchema).contains("\"" + r.id() + "\"");
            assertThat(settingsSchema).contains("\"" + r.id() + "\"");
        }
    }

    private static byte[] readSchema(String name) {
        try (var in = AlertSchemaTest.class.getResourceAsStream("/org/ecocalc/core/schemas/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
