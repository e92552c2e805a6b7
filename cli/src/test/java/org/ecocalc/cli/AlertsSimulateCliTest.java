package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecocalc.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecocalc alerts} and {@code ecocalc simulate} on the example data. The expected values are
 * those of examples/data/README.md, recomputed independently by generate_alerts.py and
 * simulate_expected.py (Python decimal, 34 digits, half-even).
 */
class AlertsSimulateCliTest {
    static final Path DATA = Path.of("..", "examples", "data");
    static final Path SENSORS = DATA.resolve("sensors.jsonl");
    static final Path SCENARIO = DATA.resolve("scenario.json");

    @AfterEach
    void restoreEnvironment() {
        AlertsCommand.environment = System::getenv;
    }

    static Path dailyReport(Path dir) {
        Path out = dir.resolve("day.json");
        CliTest.Run r = run("report", CliTest.EXAMPLE.toString(), "--period", "day", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    static Path weekReport(Path dir) {
        Path out = dir.resolve("week.json");
        CliTest.Run r = run("report", CliTest.EXAMPLE.toString(), "--assets", DATA.resolve("assets.json").toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    @Test
    void sensorAlertsOfTheExample() throws IOException {
        CliTest.Run r = run("alerts", SENSORS.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // generate_alerts.py: CO2 1040, 1120, 1180 ppm > 1000 (00:40–01:00); inlet 28, 29, 30 °C > 27 (from °F);
        // the chilled-water pressure drifts: Δ = 8.81, 4.12, 3.03 > 3 at 04:50, 05:00, 05:10.
        assertThat(r.out()).containsPattern("warning\\s+room_co2_max\\s+fra-1\\s+fra-1-co2-hall-a\\s+sensor.co2_ppm\\s+1180\\s+1000")
                .containsPattern("warning\\s+room_temperature_max\\s+fra-1\\s+fra-1-inlet-r12.*\\s30\\s+27\\s+degC")
                .containsPattern("warning\\s+sensor_drift\\s+fra-1\\s+fra-1-dp-chw.*3\\.0301\\s+3\\s+baseline_sd")
                .contains("3 alerts (0 critical, 3 warning) from 3 series");
    }

    @Test
    void alertsAsJsonLinesAreCanonicalAndComplete(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("alerts.jsonl");
        assertThat(run("alerts", SENSORS.toString(), "--out", out.toString()).code()).isZero();
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("\"observed\":\"3.030091023864336951752444853380416\"")
                .contains("\"baseline\":\"100.175\"").contains("\"records\":[\"fra-1-dp-chw@2026-03-02T05:10:00Z\"]");
        Path again = dir.resolve("again.jsonl");
        run("alerts", SENSORS.toString(), "--out", again.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void eachAlertIsAppendedToTheAuditLogAndTheChainVerifies(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("audit.jsonl");
        assertThat(run("alerts", SENSORS.toString(), "--audit-log", log.toString(), "--actor", "ops").code()).isZero();
        // The three alerts of sensorAlertsOfTheExample, one "alert" event each, in order.
        var lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"event\":\"alert\"")
                .contains("\"actor\":\"ops\""));
        assertThat(lines.get(0)).contains("\"rule\":\"room_co2_max\"");
        assertThat(lines.get(2)).contains("\"rule\":\"sensor_drift\"");
        CliTest.Run v = run("verify", log.toString());
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(v.out()).contains("intact: 3 lines");
    }

    @Test
    void theAlertSettingsRecordedInTheReportAreTheBase(@TempDir Path dir) throws IOException {
        Path day = dailyReport(dir);
        // Raise the recorded WUE limit to 3 L/kWh: the daily WUE 2.3652 no longer breaches it, so only
        // the water-per-GPU-hour alert remains (2.9514 > 2).
        String json = Files.readString(day);
        String edited = json.replaceFirst("\"wue_max\": \"1.8\"", "\"wue_max\": \"3\"");
        assertThat(edited).isNotEqualTo(json);
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, edited);
        CliTest.Run r = run("alerts", changed.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 alerts (0 critical, 1 warning)").doesNotContain("wue_max");
        // Two reports recording different settings need --settings.
        CliTest.Run both = run("alerts", day.toString(), changed.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("the reports record different alert settings");
    }

    @Test
    void reportAlertsPerDayAndFailOn(@TempDir Path dir) {
        Path day = dailyReport(dir);
        // fra-1, every day: WUE 2.3652 > 1.8 and water per GPU-hour 2.9514 > 2; raised by day 3 (N = 3).
        CliTest.Run r = run("alerts", day.toString(), "--fail-on", "warning");
        assertThat(r.code()).isEqualTo(Main.ALERTS);
        assertThat(r.out()).containsPattern("water_per_gpu_hour_max\\s+fra-1\\s+-\\s+water.per_gpu_hour_l\\s+2.9514\\s+2")
                .containsPattern("wue_max\\s+fra-1\\s+-\\s+water.wue_l_per_kwh\\s+2.3652\\s+1.8\\s+L/kWh\\s+"
                        + "2026-03-02T00:00:00Z\\s+2026-03-05T00:00:00Z")
                .contains("2 alerts (0 critical, 2 warning)");
        assertThat(run("alerts", day.toString(), "--fail-on", "critical").code()).isZero();
        // fra-1's PUE is 1.3096 every day: below 1.5, above 1.3.
        assertThat(run("alerts", day.toString(), "--set", "pue_max=1.3").out()).contains("pue_max").contains("3 alerts");
    }

    @Test
    void environmentVariablesAreAppliedAndRefusedByName(@TempDir Path dir) {
        Path day = dailyReport(dir);
        AlertsCommand.environment = () -> Map.of("ECOCALC_ALERT_WUE_MAX", "3", "ECOCALC_ALERT_WATER_PER_GPU_HOUR_MAX", "off");
        CliTest.Run ok = run("alerts", day.toString(), "--env", "--show-settings");
        assertThat(ok.out()).contains("0 alerts").contains("\"wue_max\":\"3\"").contains("settings sha256:");
        // Without --env the environment is not read.
        assertThat(run("alerts", day.toString()).out()).contains("2 alerts");
        AlertsCommand.environment = () -> Map.of("ECOCALC_ALERT_PUE_MAX", "1,5");
        CliTest.Run bad = run("alerts", day.toString(), "--env");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("ECOCALC_ALERT_PUE_MAX: \"1,5\" is not a plain decimal number");
        assertThat(run("alerts", day.toString(), "--set", "pue=1").err()).contains("pue: unknown alert setting");
    }

    @Test
    void badSensorLinesAreListedAndExitOne(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(SENSORS).replaceFirst("\"unit\": \"ppm\"", "\"unit\": \"ppb\""));
        CliTest.Run r = run("alerts", bad.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("error: bad.jsonl record #0 (line 1)").contains("/unit");
    }

    @Test
    void simulateTheExampleScenario(@TempDir Path dir) throws IOException {
        Path week = weekReport(dir);
        Path out = dir.resolve("sim.json");
        CliTest.Run r = run("simulate", week.toString(), "--scenario", SCENARIO.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // simulate_expected.py: annual facility energy 22,206,600 kWh; S1 304,286.8 kg; S2 location 3,867,976.832;
        // market 1,891,703.166; embodied 392,672; cost 3,711,182.409… EUR.
        assertThat(r.out()).contains("costs in EUR")
                .containsPattern("\\n0\\s+22206\\.6\\s+1\\.198\\s+20732\\.0\\s+304\\.29\\s+3867\\.98\\s+1891\\.70\\s+392\\.67\\s+3711182\\.41")
                .contains("== efficiency").contains("== clean-power").contains("== refresh | growth 10 %/yr");
        String json = Files.readString(out);
        assertThat(json).contains("\"amount\": \"3711182.409228482142857142857142857\"")
                .contains("\"amount\": \"4296157.536483121640625\"")
                .contains("\"scope2_location_kgco2e\": \"4299560.937771408284023668639053254\"")
                .contains("\"amount\": \"3873957.21216101025\"")
                .contains("\"embodied_kgco2e\": \"390994.963333333333333333333333333301657792\"")
                .contains("\"amount\": \"2986932.475251549392857142857142857\"");
        Path again = dir.resolve("again.json");
        run("simulate", week.toString(), "--scenario", SCENARIO.toString(), "--out", again.toString());
        assertThat(Files.readString(again)).isEqualTo(json);
    }

    @Test
    void simulateRefusesBadScenarios(@TempDir Path dir) throws IOException {
        Path week = weekReport(dir);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(SCENARIO).replace("\"value\": \"1.15\"", "\"value\": \"0.9\""));
        CliTest.Run r = run("simulate", week.toString(), "--scenario", bad.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("/scenarios/0/pue_target/value: a PUE cannot be below 1").contains("[invalid_scenario]")
                .doesNotContain("at org.");
        Files.writeString(bad, Files.readString(SCENARIO).replace("\"amount\": \"2.5\", \"currency\": \"EUR\"",
                "\"amount\": \"2.5\", \"currency\": \"CHF\""));
        assertThat(run("simulate", week.toString(), "--scenario", bad.toString()).err()).contains("[currency_mismatch]");
        assertThat(run("simulate", week.toString()).code()).isEqualTo(Main.USAGE);
        assertThat(run("simulate", SENSORS.toString(), "--scenario", SCENARIO.toString()).err())
                .contains("[malformed_json]");
    }
}
