package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecocalc.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ecocalc usage} on the example day (examples/data/usage-events.jsonl, with the organisation's site
 * pack), against the totals worked out in examples/data/README.md ("AI usage: one day") and printed by
 * examples/data/usage_generate.py into usage-expected.txt (an independent decimal computation).
 */
class UsageCommandTest {
    static final Path DATA = Path.of("..", "examples", "data");
    static final Path EVENTS = DATA.resolve("usage-events.jsonl");
    static final Path SITES = DATA.resolve("factor-packs");

    /** The TOTAL block of usage-expected.txt: metric id to decimal. */
    static Map<String, String> expectedTotal() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(DATA.resolve("usage-expected.txt"))) {
            if (line.startsWith("TOTAL")) {
                in = true;
            } else if (in && line.startsWith("  usage.")) {
                String[] kv = line.trim().split(" = ");
                out.put(kv[0], kv[1]);
            } else if (in) {
                break;
            }
        }
        return out;
    }

    @Test
    void printsTheTableAndWritesTheJsonOfTheExampleDay(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("usage.json");
        Run r = CliTest.run("usage", EVENTS.toString(), "--factors", SITES.toString(), "--group-by", "model,day",
                "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("15 events counted, 0 refused").contains("grouped by model,day")
                .contains("gpt-4o-mini").contains("2024-11-12").contains("TOTAL").contains("kWh (low-high)")
                .contains("unknown_model 1").contains("usage report written to");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(json.get("format").stringValue()).isEqualTo("ecocalc.usage-report.v1");
        assertThat(json.get("group_by").toString()).isEqualTo("[\"model\"]");
        assertThat(json.get("period").get("unit").stringValue()).isEqualTo("day");
        // 8 models (gpt-4o, gpt-4o-mini, claude-sonnet-4-20250514, claude-haiku-4-5, mistral-large-latest,
        // mistral-small-latest, llama-3.1-70b-acme-ft, Meta-Llama-3.1-8B-Instruct) and the two GPU jobs without a
        // model, on one day: 9 groups.
        assertThat(json.get("groups").size()).isEqualTo(9);
        JsonNode total = json.get("total").get("metrics");
        Map<String, String> expected = expectedTotal();
        // 6 counts + (energy, water, carbon, operational carbon) × (low, central, high) = 18; embodied is not computable.
        assertThat(expected).hasSize(18);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(new BigDecimal(total.get(e.getKey()).stringValue())).as(e.getKey())
                    .isEqualByComparingTo(e.getValue());
        }
        // The A100 job has no embodied factor: the day's embodied total is not computable, and says why.
        assertThat(json.get("total").get("not_computable").get("usage.carbon_embodied_kgco2e").stringValue())
                .contains("nvidia-a100-sxm").contains("(1 event)");
        assertThat(json.get("factor_packs").toString()).contains("ai-inference@1.0.0").contains("acme-sites@1.0.0")
                .contains("us-epa-egrid2023@1.0.0").contains("ember-grid-intensity-2024@1.0.0");
        // Same input, same bytes.
        Path again = dir.resolve("again.json");
        CliTest.run("usage", EVENTS.toString(), "--factors", SITES.toString(), "--group-by", "model,day", "--out",
                again.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void badEventsAreListedAndExitOne(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readAllLines(EVENTS).get(0) + "\n"
                + "{\"source_id\": \"gw\", \"external_event_id\": \"x\", \"kind\": \"llm_call\", \"provider\": \"openai\","
                + " \"model\": \"gpt-4o\", \"tokens_out\": 5, \"started_at\": \"2024-11-12T08:00:00Z\","
                + " \"attributes\": {\"prompt_text\": \"hello\"}}\n" + Files.readAllLines(EVENTS).get(0) + "\n");
        Run r = CliTest.run("usage", bad.toString(), "--group-by", "");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("/attributes/prompt_text").contains("content_attribute")
                .contains("duplicate_record");
        assertThat(r.out()).contains("1 events counted, 1 refused, 1 repeats ignored");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliTest.run("usage").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("usage", EVENTS.toString(), "--group-by", "colour").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("usage", EVENTS.toString(), "--group-by", "day,month").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("usage", EVENTS.toString(), "--offset", "Europe/Paris").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("usage", EVENTS.toString(), "--gwp", "AR7").code()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("--help").out()).contains("usage");
    }

    /** {@code --group-by ""}, documented as "the total only": one TOTAL row, no group rows. */
    @Test
    void anEmptyGroupingPrintsTheTotalOnly() {
        Run r = CliTest.run("usage", EVENTS.toString(), "--factors", SITES.toString(), "--group-by", "");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(Main.OK);
        // The 15 events of the example day, in one row.
        assertThat(r.out()).contains("15 events counted").contains("TOTAL").doesNotContain("gpt-4o-mini");
        assertThat(r.out().lines().filter(l -> l.startsWith("TOTAL"))).hasSize(1);
    }
}
