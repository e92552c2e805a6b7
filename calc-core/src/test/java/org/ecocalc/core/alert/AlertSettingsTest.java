package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        AlertSettings d = AlertSettings.defaults();
        // docs/alerts.md: ASHRAE TC 9.9 recommended 18–27 °C, A1 allowable up to 32 °C; CO2 1000 ppm guideline,
        // 5000 ppm OSHA PEL; illustrative PUE 1.5, WUE 1.8, water 2 L/GPU-h, cooling 30 %, COP 3; spike 1.25; drift 3.
        assertThat(d.threshold(AlertRule.ROOM_TEMPERATURE_MAX)).isEqualByComparingTo("27");
        assertThat(d.threshold(AlertRule.ROOM_TEMPERATURE_CRITICAL)).isEqualByComparingTo("32");
        assertThat(d.threshold(AlertRule.ROOM_TEMPERATURE_MIN)).isEqualByComparingTo("18");
        assertThat(d.threshold(AlertRule.ROOM_CO2_MAX)).isEqualByComparingTo("1000");
        assertThat(d.threshold(AlertRule.ROOM_CO2_CRITICAL)).isEqualByComparingTo("5000");
        assertThat(d.threshold(AlertRule.PUE_MAX)).isEqualByComparingTo("1.5");
        assertThat(d.threshold(AlertRule.WUE_MAX)).isEqualByComparingTo("1.8");
        assertThat(d.threshold(AlertRule.CARBON_INTENSITY_SPIKE)).isEqualByComparingTo("1.25");
        assertThat(d.threshold(AlertRule.SENSOR_DRIFT)).isEqualByComparingTo("3");
        assertThat(d.isEnabled(AlertRule.RECLAIMED_WATER_MIN)).isFalse();
        assertThat(d.consecutiveBreaches()).isEqualTo(3);
        assertThat(d.clearAfter()).isEqualTo(3);
        assertThat(d.hysteresisPct()).isEqualByComparingTo("5");
        assertThat(d.spikeWindow()).isEqualTo(7);
        assertThat(d.driftBaselineWindow()).isEqualTo(24);
        assertThat(d.driftRecentWindow()).isEqualTo(6);
        assertThat(AlertRule.PUE_MAX.environmentVariable()).isEqualTo("ECOCALC_ALERT_PUE_MAX");
    }

    @Test
    void readsEnvironmentVariablesAndIgnoresOthers() {
        AlertSettings s = AlertSettings.fromEnvironment(Map.of(
                "ECOCALC_ALERT_PUE_MAX", "1.4",
                "ECOCALC_ALERT_ROOM_CO2_MAX", " 800 ",
                "ECOCALC_ALERT_WUE_MAX", "off",
                "ECOCALC_ALERT_RECLAIMED_WATER_MIN", "10",
                "ECOCALC_ALERT_CONSECUTIVE_BREACHES", "2",
                "ECOCALC_ALERT_HYSTERESIS_PCT", "2.5",
                "ECOCALC_ALERT_DRIFT_BASELINE_WINDOW", "12",
                "PATH", "/usr/bin",
                "TELEMETRY_ALERT_PUE_MAX", "9"));
        assertThat(s.threshold(AlertRule.PUE_MAX)).isEqualByComparingTo("1.4");
        assertThat(s.threshold(AlertRule.ROOM_CO2_MAX)).isEqualByComparingTo("800");
        assertThat(s.isEnabled(AlertRule.WUE_MAX)).isFalse();
        assertThat(s.threshold(AlertRule.RECLAIMED_WATER_MIN)).isEqualByComparingTo("10");
        assertThat(s.consecutiveBreaches()).isEqualTo(2);
        assertThat(s.hysteresisPct()).isEqualByComparingTo("2.5");
        assertThat(s.driftBaselineWindow()).isEqualTo(12);
        assertThat(s.driftRecentWindow()).isEqualTo(6);
        assertThat(AlertSettings.fromEnvironment(Map.of())).isEqualTo(AlertSettings.defaults());
    }

    @Test
    void refusesBadEnvironmentValuesNamingTheVariable() {
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAX", "abc"), "ECOCALC_ALERT_PUE_MAX", "not a plain decimal");
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAX", "1,5"), "ECOCALC_ALERT_PUE_MAX", "not a plain decimal");
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAX", ""), "ECOCALC_ALERT_PUE_MAX", "not a plain decimal");
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAX", "0.9"), "ECOCALC_ALERT_PUE_MAX", "at least 1");
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAX", "1e3"), "ECOCALC_ALERT_PUE_MAX", "not a plain decimal");
        assertRefused(Map.of("ECOCALC_ALERT_PUE_MAXX", "1.5"), "ECOCALC_ALERT_PUE_MAXX", "unknown alert setting");
        assertRefused(Map.of("ECOCALC_ALERT_CONSECUTIVE_BREACHES", "0"), "ECOCALC_ALERT_CONSECUTIVE_BREACHES",
                "between 1 and");
        assertRefused(Map.of("ECOCALC_ALERT_CONSECUTIVE_BREACHES", "2.5"), "ECOCALC_ALERT_CONSECUTIVE_BREACHES",
                "whole number");
        assertRefused(Map.of("ECOCALC_ALERT_COOLING_ENERGY_PCT_MAX", "120"), "ECOCALC_ALERT_COOLING_ENERGY_PCT_MAX",
                "at most 100");
        assertRefused(Map.of("ECOCALC_ALERT_CARBON_INTENSITY_SPIKE", "1"), "ECOCALC_ALERT_CARBON_INTENSITY_SPIKE",
                "greater than 1");
        assertRefused(Map.of("ECOCALC_ALERT_HYSTERESIS_PCT", "100"), "ECOCALC_ALERT_HYSTERESIS_PCT", "below 100");
        assertRefused(Map.of("ECOCALC_ALERT_DRIFT_BASELINE_WINDOW", "1"), "ECOCALC_ALERT_DRIFT_BASELINE_WINDOW",
                "between 2 and");
    }

    private static void assertRefused(Map<String, String> env, String variable, String reason) {
        assertThatThrownBy(() -> AlertSettings.fromEnvironment(env)).isInstanceOfSatisfying(AlertSettingsException.class,
                e -> {
                    assertThat(e.setting()).isEqualTo(variable);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(variable + ": ");
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTINGS);
                });
    }

    @Test
    void refusesContradictoryThresholds() {
        assertThatThrownBy(() -> AlertSettings.builder().threshold(AlertRule.ROOM_TEMPERATURE_MIN, new BigDecimal("27"))
                .build()).hasMessageContaining("room_temperature_min: 27 must be below room_temperature_max (27)");
        assertThatThrownBy(() -> AlertSettings.builder().threshold(AlertRule.ROOM_CO2_MAX, new BigDecimal("6000"))
                .build()).hasMessageContaining("room_co2_max");
        // Turning the upper rule off removes the contradiction.
        assertThat(AlertSettings.builder().threshold(AlertRule.ROOM_CO2_MAX, new BigDecimal("6000"))
                .disable(AlertRule.ROOM_CO2_CRITICAL).build().threshold(AlertRule.ROOM_CO2_MAX))
                .isEqualByComparingTo("6000");
    }

    @Test
    void canonicalJsonRoundTripsAndHashes() {
        AlertSettings s = AlertSettings.builder().threshold(AlertRule.PUE_MAX, new BigDecimal("1.40"))
                .disable(AlertRule.WUE_MAX).consecutiveBreaches(2).build();
        String json = s.toCanonicalJson();
        // RFC 8785: members sorted, no spaces, decimals as strings with trailing zeros stripped, off as null.
        assertThat(json).startsWith("{\"clear_after\":3,\"consecutive_breaches\":2,\"drift_baseline_window\":24,"
                + "\"drift_recent_window\":6,\"hysteresis_pct\":\"5\",\"spike_window\":7,\"thresholds\":{")
                .contains("\"pue_max\":\"1.4\"").contains("\"wue_max\":null").contains("\"reclaimed_water_min\":null");
        assertThat(AlertSettings.parse(json)).isEqualTo(s);
        assertThat(AlertSettings.parse(json).digest()).isEqualTo(s.digest()).startsWith("sha256:");
        assertThat(AlertSettings.parse("{}")).isEqualTo(AlertSettings.defaults());
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.digest()).isNotEqualTo(AlertSettings.defaults().digest());
    }

    @Test
    void parseRefusesUnknownAndBadMembersByPointer() {
        assertThatThrownBy(() -> AlertSettings.parse("{\"thresholds\":{\"pue_max\":1.5}}"))
                .hasMessageStartingWith("/thresholds/pue_max: a decimal is written as a string");
        assertThatThrownBy(() -> AlertSettings.parse("{\"thresholds\":{\"pue\":\"1.5\"}}"))
                .hasMessageStartingWith("/thresholds/pue: unknown alert rule");
        assertThatThrownBy(() -> AlertSettings.parse("{\"clear\":3}")).hasMessageStartingWith("/clear: unknown member");
        assertThatThrownBy(() -> AlertSettings.parse("{\"clear_after\":0}")).hasMessageStartingWith("/clear_after:");
        assertThatThrownBy(() -> AlertSettings.parse("{\"thresholds\":{\"pue_max\":\"0.5\"}}"))
                .hasMessageStartingWith("/thresholds/pue_max: must be at least 1");
    }

    @Test
    void clearLevelIsTheThresholdMovedByTheBand() {
        AlertSettings s = AlertSettings.defaults();
        // max 1.5, h = 5 %: 1.5 − 1.5 × 0.05 = 1.425; min 18 °C: 18 + 0.9 = 18.9; min −10: −10 + 0.5 = −9.5.
        assertThat(s.clearLevel(AlertRule.PUE_MAX, new BigDecimal("1.5"))).isEqualByComparingTo("1.425");
        assertThat(s.clearLevel(AlertRule.ROOM_TEMPERATURE_MIN, new BigDecimal("18"))).isEqualByComparingTo("18.9");
        assertThat(s.clearLevel(AlertRule.ROOM_TEMPERATURE_MIN, new BigDecimal("-10"))).isEqualByComparingTo("-9.5");
    }
}
