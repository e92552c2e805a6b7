package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final Path EXAMPLE = Path.of("..", "examples", "data", "benchmark-telemetry.json");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void reportPrintsATablePerFacilityAndPeriod() {
        Run r = run("report", EXAMPLE.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // The values of examples/data/README.md, rounded half-even for display: 168 hourly records and one
        // contract record per facility; facility energy, PUE, ...; Scope 2 location 66,598 kg (fra-1).
        assertThat(r.out()).contains("338 records used, 0 refused")
                .containsPattern("fra-1\\s+2026-03\\s+169\\s+210840\\.0\\s+1\\.310")
                .containsPattern("sto-1\\s+2026-03\\s+169\\s+215040\\.0\\s+1\\.105")
                .containsPattern("TOTAL\\s+all\\s+338\\s+425880\\.0\\s+1\\.198")
                .containsPattern("fra-1\\s+2026-03.*5834\\.5\\s+66598\\.0\\s+36279\\.2")
                .contains("carbon: GWP AR6 100-year, Scope 2 both");
    }

    @Test
    void writesTheReportJson(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.json");
        Run r = run("report", EXAMPLE.toString(), "--period", "day", "--out", out.toString());
        assertThat(r.code()).isZero();
        String json = Files.readString(out);
        assertThat(json).startsWith("{\n  \"format\": \"ecocalc.report/1\"").doesNotContain("\r")
                .contains("\"unit\": \"day\"").contains("\"efficiency.pue\"");
        // 7 days × 2 facilities.
        assertThat(json.split("\"level\": \"facility_period\"", -1)).hasSize(15);
        assertThat(json).contains("\"carbon\": {").contains("\"carbon.scope2_location_kgco2e\"").contains("\"factors\": [");
        // Same input, same bytes.
        Path again = dir.resolve("again.json");
        run("report", EXAMPLE.toString(), "--period", "day", "--out", again.toString());
        assertThat(Files.readString(again)).isEqualTo(json);
    }

    @Test
    void badInputIsListedAndExitsOne(@TempDir Path dir) throws IOException {
        String good = Files.readString(EXAMPLE);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, good.replaceFirst("\"unit\": \"kWh\"", "\"unit\": \"kwh\""));
        Run r = run("report", bad.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("error: bad.json record #0").contains("/energy/facility/unit")
                .contains("did you mean \"kWh\"").contains("[unknown_unit]");
        assertThat(r.out()).contains("337 records used, 1 refused");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().code()).isEqualTo(Main.USAGE);
        assertThat(run("report").code()).isEqualTo(Main.USAGE);
        assertThat(run("report", EXAMPLE.toString(), "--period", "fortnight").code()).isEqualTo(Main.USAGE);
        assertThat(run("report", EXAMPLE.toString(), "--offset", "Europe/Berlin").code()).isEqualTo(Main.USAGE);
        assertThat(run("report", EXAMPLE.toString(), "--from", "2026-03-01").code()).isEqualTo(Main.USAGE);
        assertThat(run("frobnicate").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void aMissingFileIsBadInputWithoutAStackTrace() {
        Run r = run("report", "no-such-file.json");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("no such file or directory").doesNotContain("at org.");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help").out()).contains("report").contains("Exit codes");
        assertThat(run("--version").out()).startsWith("ecocalc ");
        assertThat(run("report", "--help").out()).contains("--period").contains("--out");
    }
}
