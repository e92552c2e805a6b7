package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.core.alert.AlertFixtures.DAY0;
import static org.ecocalc.core.alert.AlertFixtures.daily;
import static org.ecocalc.core.alert.AlertFixtures.sensor;
import static org.ecocalc.core.alert.AlertFixtures.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.ecocalc.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** Each rule and the anti-flapping state machine, on series worked out by hand. */
class AlertsTest {
    @Test
    void nInARowRaisesOnceAndHysteresisHoldsItUntilSettled() {
        // PUE max 1.5, N = 3, M = 2, h = 5 %: clear level 1.5 − 0.075 = 1.425.
        // idx:   0    1    2     3     4     5     6    7    8    9     10    11   12   13
        AlertSeries s = daily(Measure.PUE, "1.4", "1.6", "1.55", "1.52", "1.51", "1.45", "1.6", "1.6", "1.6", "1.42",
                "1.41", "1.6", "1.6", "1.6");
        List<Alert> alerts = Alerts.evaluate(s, settings(3, 2));
        // idx 1–3 breach (third breach at idx 3): alert 1. 4–8 do not clear (above 1.425), 9 and 10 are good
        // (≤ 1.425): cleared after M = 2. 11–13 breach again: alert 2.
        assertThat(alerts).hasSize(2);
        Alert a = alerts.get(0);
        assertThat(a.rule()).isEqualTo(AlertRule.PUE_MAX);
        assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(a.metric()).isEqualTo("efficiency.pue");
        assertThat(a.unit()).isEqualTo("1");
        assertThat(a.observed()).isEqualByComparingTo("1.52");
        assertThat(a.threshold()).isEqualByComparingTo("1.5");
        assertThat(a.baseline()).isNull();
        assertThat(a.facilityId()).isEqualTo("fra-1");
        assertThat(a.sensorId()).isNull();
        assertThat(a.start()).isEqualTo(DAY0.plus(Duration.ofDays(1)));
        assertThat(a.end()).isEqualTo(DAY0.plus(Duration.ofDays(4)));
        assertThat(a.evidence()).extracting(Observation::records).containsExactly(List.of("fra-1-bms/d1"),
                List.of("fra-1-bms/d2"), List.of("fra-1-bms/d3"));
        assertThat(alerts.get(1).evidence()).extracting(o -> o.value().toPlainString()).containsExactly("1.6", "1.6", "1.6");
        assertThat(alerts.get(1).start()).isEqualTo(DAY0.plus(Duration.ofDays(11)));

        // Without anti-flapping (N = 1, M = 1, h = 0) the same series raises 3: idx 1, then 6 after 5 (1.45 ≤ 1.5)
        // cleared it, then 11 after 9 cleared it.
        AlertSettings twitchy = AlertSettings.builder().consecutiveBreaches(1).clearAfter(1).hysteresisPct(BigDecimal.ZERO)
                .build();
        assertThat(Alerts.evaluate(s, twitchy)).extracting(Alert::start).containsExactly(DAY0.plus(Duration.ofDays(1)),
                DAY0.plus(Duration.ofDays(6)), DAY0.plus(Duration.ofDays(11)));
    }

    @Test
    void aGapBreaksARunAndAnEqualValueIsNotABreach() {
        assertThat(Alerts.evaluate(daily(Measure.PUE, "1.6", "1.6", "-", "1.6", "1.6"), settings(3, 1))).isEmpty();
        assertThat(Alerts.evaluate(daily(Measure.PUE, "1.5", "1.5", "1.5", "1.5"), settings(1, 1))).isEmpty();
    }

    @Test
    void aMinimumRuleBreachesBelow() {
        // Chiller COP min 3: 3 is not below; 2.9, 2.8, 2.5 are.
        List<Alert> a = Alerts.evaluate(daily(Measure.CHILLER_COP, "3", "2.9", "2.8", "2.5"), settings(3, 1));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(AlertRule.CHILLER_COP_MIN);
            assertThat(x.observed()).isEqualByComparingTo("2.5");
            assertThat(x.threshold()).isEqualByComparingTo("3");
        });
    }

    @Test
    void eachReportRuleWatchesItsMetric() {
        AlertSettings one = settings(1, 1).toBuilder().threshold(AlertRule.RECLAIMED_WATER_MIN, new BigDecimal("10"))
                .build();
        assertThat(Alerts.evaluate(daily(Measure.WUE, "1.9"), one)).extracting(Alert::rule)
                .containsExactly(AlertRule.WUE_MAX);
        assertThat(Alerts.evaluate(daily(Measure.WATER_PER_GPU_HOUR, "2.95"), one)).extracting(Alert::rule)
                .containsExactly(AlertRule.WATER_PER_GPU_HOUR_MAX);
        assertThat(Alerts.evaluate(daily(Measure.RECLAIMED_WATER_PCT, "9.99"), one)).extracting(Alert::rule)
                .containsExactly(AlertRule.RECLAIMED_WATER_MIN);
        assertThat(Alerts.evaluate(daily(Measure.COOLING_ENERGY_PCT, "30.01"), one)).extracting(Alert::rule)
                .containsExactly(AlertRule.COOLING_ENERGY_PCT_MAX);
        assertThat(Alerts.evaluate(daily(Measure.GRID_INTENSITY, "0.41"), one)).extracting(Alert::rule)
                .containsExactly(AlertRule.CARBON_INTENSITY_MAX);
        // Reclaimed water is off by default.
        assertThat(Alerts.evaluate(daily(Measure.RECLAIMED_WATER_PCT, "0"), settings(1, 1))).isEmpty();
    }

    @Test
    void carbonIntensitySpikeAgainstTheRollingMean() {
        // W = 3, ratio 1.25, N = 1; absolute limit off. Values 0.30 0.30 0.30 0.40 0.36:
        // idx 3: mean(0.30, 0.30, 0.30) = 0.3, threshold 1.25 × 0.3 = 0.375; 0.40 > 0.375: spike.
        // idx 4: mean(0.30, 0.30, 0.40) = 1.0 / 3 = 0.3333333333333333333333333333333333 (decimal128),
        //        threshold 1.25 × that = 0.416666666666666666666666666666666625 (exact product); 0.36 is below.
        AlertSettings s = settings(1, 1).toBuilder().spikeWindow(3).disable(AlertRule.CARBON_INTENSITY_MAX).build();
        List<Alert> a = Alerts.evaluate(daily(Measure.GRID_INTENSITY, "0.30", "0.30", "0.30", "0.40", "0.36"), s);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(AlertRule.CARBON_INTENSITY_SPIKE);
            assertThat(x.observed()).isEqualByComparingTo("0.4");
            assertThat(x.threshold()).isEqualByComparingTo("0.375");
            assertThat(x.baseline()).isEqualByComparingTo("0.3");
            assertThat(x.unit()).isEqualTo("kgCO2e/kWh");
        });
        // A later spike is measured against the window that includes the first one: 0.30 0.40 0.36 → mean
        // 1.06 / 3 = 0.3533333333333333333333333333333333, × 1.25 = 0.441666666666666666666666666666666625.
        List<Alert> b = Alerts.evaluate(daily(Measure.GRID_INTENSITY, "0.30", "0.30", "0.30", "0.40", "0.36", "0.30",
                "0.45"), s);
        assertThat(b).hasSize(2);
        assertThat(b.get(1).threshold()).isEqualByComparingTo("0.441666666666666666666666666666666625");
    }

    @Test
    void sensorDrift() {
        // B = 4, R = 2, k = 2.5, N = 1: DriftTestTest's series 10 12 10 12 14 14 gives Δ = √6.75 at idx 5.
        AlertSettings s = settings(1, 1).toBuilder().driftWindows(4, 2).threshold(AlertRule.SENSOR_DRIFT,
                new BigDecimal("2.5")).build();
        List<Alert> a = Alerts.evaluate(sensor("flow-1", Measure.OTHER_SENSOR, "10", "12", "10", "12", "14", "14"), s);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(AlertRule.SENSOR_DRIFT);
            assertThat(x.metric()).isEqualTo("sensor.other");
            assertThat(x.unit()).isEqualTo("baseline_sd");
            assertThat(x.observed()).isEqualByComparingTo("2.598076211353315940291169512258809");
            assertThat(x.threshold()).isEqualByComparingTo("2.5");
            assertThat(x.baseline()).isEqualByComparingTo("11");
            assertThat(x.sensorId()).isEqualTo("flow-1");
            assertThat(x.evidence()).singleElement().extracting(Observation::records)
                    .isEqualTo(List.of("flow-1@2026-03-02T00:50:00Z"));
        });
        // Drift applies to sensor series only, never to report metrics.
        assertThat(AlertRule.SENSOR_DRIFT.appliesTo(Measure.PUE)).isFalse();
        assertThat(AlertRule.SENSOR_DRIFT.appliesTo(Measure.ROOM_CO2)).isTrue();
    }

    @Test
    void roomCo2WarningThenCritical() {
        // N = 3. Warning (> 1000): 1100, 1200, 1300 → raised at idx 3. Critical (> 5000): 5100, 5200, 5300 → idx 6.
        List<Alert> a = Alerts.evaluate(sensor("co2-a", Measure.ROOM_CO2, "900", "1100", "1200", "1300", "5100", "5200",
                "5300"), settings(3, 3));
        assertThat(a).extracting(Alert::rule).containsExactly(AlertRule.ROOM_CO2_MAX, AlertRule.ROOM_CO2_CRITICAL);
        assertThat(a.get(0).severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(a.get(0).end()).isEqualTo(DAY0.plus(Duration.ofMinutes(30)));
        assertThat(a.get(1).severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(a.get(1).observed()).isEqualByComparingTo("5300");
        assertThat(a.get(1).unit()).isEqualTo("ppm");
    }

    @Test
    void inletTemperatureAgainstTheAshraeEnvelope() {
        // Recommended 18–27 °C: 27 is inside; 27.5, 28, 28.5 above → warning. 14, 13.5, 13 below 18 → warning.
        List<Alert> hot = Alerts.evaluate(sensor("t-1", Measure.ROOM_TEMPERATURE, "26", "27", "27.5", "28", "28.5"),
                settings(3, 1));
        assertThat(hot).singleElement().extracting(Alert::rule).isEqualTo(AlertRule.ROOM_TEMPERATURE_MAX);
        List<Alert> cold = Alerts.evaluate(sensor("t-1", Measure.ROOM_TEMPERATURE, "14", "13.5", "13"), settings(3, 1));
        assertThat(cold).singleElement().extracting(Alert::rule).isEqualTo(AlertRule.ROOM_TEMPERATURE_MIN);
        List<Alert> critical = Alerts.evaluate(sensor("t-1", Measure.ROOM_TEMPERATURE, "33", "34", "35"),
                settings(3, 1));
        assertThat(critical).extracting(Alert::rule).containsExactly(AlertRule.ROOM_TEMPERATURE_MAX,
                AlertRule.ROOM_TEMPERATURE_CRITICAL);
    }

    @Test
    void manySeriesInAnyOrderGiveTheSameAlertsAndTheSinkSeesThemInOrder() {
        AlertSeries pue = daily(Measure.PUE, "1.6", "1.7", "1.8");
        AlertSeries wue = daily(Measure.WUE, "2", "2", "2");
        AlertSeries co2 = sensor("co2-a", Measure.ROOM_CO2, "1100", "1100", "1100");
        List<Alert> one = Alerts.evaluate(List.of(pue, wue, co2), settings(3, 1));
        List<Alert> two = Alerts.evaluate(List.of(co2, wue, pue), settings(3, 1));
        assertThat(one).isEqualTo(two).hasSize(3);
        // Ordered by end (the CO2 run ends at 00:20 on day 0, the daily runs at the end of day 2), then
        // facility, sensor, metric id (efficiency.pue before water.wue_l_per_kwh).
        assertThat(one).extracting(Alert::rule).containsExactly(AlertRule.ROOM_CO2_MAX, AlertRule.PUE_MAX,
                AlertRule.WUE_MAX);
        List<Alert> seen = new ArrayList<>();
        assertThat(Alerts.evaluate(List.of(pue, wue, co2), settings(3, 1), seen::add)).isEqualTo(one);
        assertThat(seen).isEqualTo(one);
    }

    @Test
    void alertJsonAndAuditData() {
        Alert a = Alerts.evaluate(daily(Measure.PUE, "1.6", "1.7", "1.8"), settings(3, 1)).get(0);
        String line = AlertJson.toJsonLine(a);
        assertThat(line).doesNotContain("\n").startsWith("{\"alert_id\":\"sha256:")
                .contains("\"format\":\"ecocalc.alert/1\"").contains("\"rule\":\"pue_max\"")
                .contains("\"observed\":\"1.8\"").contains("\"threshold\":\"1.5\"")
                .contains("\"interval\":{\"end\":\"2026-03-05T00:00:00Z\",\"start\":\"2026-03-02T00:00:00Z\"}")
                .contains("\"records\":[\"fra-1-bms/d0\"]").doesNotContain("sensor_id").doesNotContain("baseline");
        // The id is the digest of the canonical JSON without alert_id.
        String withoutId = line.replaceFirst("\"alert_id\":\"sha256:[0-9a-f]{64}\",", "");
        assertThat(a.id()).isEqualTo(CanonicalJson.digest(withoutId)).isEqualTo(AlertJson.id(a));
        assertThat(AlertJson.toJson(a)).endsWith("}\n").contains("\n  \"rule\": \"pue_max\"");
        SortedMap<String, String> d = AlertJson.auditData(a);
        assertThat(d).containsEntry("rule", "pue_max").containsEntry("severity", "warning")
                .containsEntry("observed", "1.8").containsEntry("facility_id", "fra-1").containsEntry("records", "3")
                .containsEntry("alert_id", a.id()).containsEntry("alert", line).doesNotContainKey("sensor_id");
        assertThat(d.firstKey()).isEqualTo("alert");
        assertThat(a.toString()).isEqualTo("warning pue_max fra-1 efficiency.pue = 1.8 vs 1.5 "
                + "[2026-03-02T00:00:00Z, 2026-03-05T00:00:00Z]");
    }
}
