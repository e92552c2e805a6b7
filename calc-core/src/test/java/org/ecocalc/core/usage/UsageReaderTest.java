package org.ecocalc.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading usage event v1: the fields, and bad input refused with a code and a JSON Pointer, as the schema does. */
class UsageReaderTest {
    static final String CALL = "{\"source_id\": \"gw\", \"external_event_id\": \"r-1\", \"kind\": \"llm_call\","
            + " \"provider\": \"openai\", \"model\": \"gpt-4o\", \"tokens_in\": 1200, \"tokens_out\": 350,"
            + " \"started_at\": \"2024-11-12T09:02+01:00\", \"ended_at\": \"2024-11-12T08:02:05.250Z\","
            + " \"country\": \"US\", \"region\": \"eastus\", \"organization_id\": \"acme\", \"team_id\": \"search\","
            + " \"user_id\": \"u-1\", \"attributes\": {\"feature\": \"summarise\", \"env\": \"prod\"}}";
    static final String JOB = "{\"source_id\": \"sched\", \"external_event_id\": \"job-1\", \"kind\": \"gpu_job\","
            + " \"gpu_seconds\": \"28800.50\", \"accelerator\": \"nvidia-h100-sxm\","
            + " \"measured_energy\": {\"value\": \"5600\", \"unit\": \"Wh\"}, \"started_at\": \"2024-11-12T01:00:00Z\","
            + " \"facility_id\": \"iad-gpu-1\"}";

    static List<Problem> problems(String json) {
        ParsedUsageEvent p = UsageReader.standard().check(json);
        assertThat(p.isValid()).as("refused: " + json).isFalse();
        return p.problems();
    }

    @Test
    void readsEveryField() {
        UsageEvent e = UsageReader.standard().parse(CALL);
        assertThat(e.key().toString()).isEqualTo("gw/r-1");
        assertThat(e.kind()).isEqualTo(UsageKind.LLM_CALL);
        assertThat(e.provider()).isEqualTo("openai");
        assertThat(e.model()).isEqualTo("gpt-4o");
        assertThat(e.tokensIn()).isEqualTo(1200L);
        assertThat(e.tokensOut()).isEqualTo(350L);
        // Seconds are optional in the schema's timestamp; 09:02+01:00 is 08:02 UTC.
        assertThat(e.startedAt()).isEqualTo(Instant.parse("2024-11-12T08:02:00Z"));
        assertThat(e.endedAt()).isEqualTo(Instant.parse("2024-11-12T08:02:05.250Z"));
        assertThat(e.attributes()).containsExactly(java.util.Map.entry("env", "prod"),
                java.util.Map.entry("feature", "summarise"));
        UsageEvent j = UsageReader.standard().parse(JOB);
        assertThat(j.kind()).isEqualTo(UsageKind.GPU_JOB);
        // 28800.50 is held normalised; 5600 Wh is 5.6 kWh.
        assertThat(j.gpuSeconds()).isEqualTo(new BigDecimal("28800.5"));
        assertThat(j.measuredEnergy()).isEqualTo(Quantity.of("5.6", Unit.KWH));
        assertThat(j.provider()).isNull();
        assertThat(j.attributes()).isEmpty();
    }

    @Test
    void theBuilderMakesTheSameEventAsTheReader() {
        UsageEvent built = UsageEvent.llmCall("gw", "r-1").provider("openai").model("gpt-4o").tokensIn(1200)
                .tokensOut(350).startedAt(Instant.parse("2024-11-12T08:02:00Z"))
                .endedAt(Instant.parse("2024-11-12T08:02:05.250Z")).country("US").region("eastus")
                .organizationId("acme").teamId("search").userId("u-1").attribute("feature", "summarise")
                .attribute("env", "prod").build();
        assertThat(built).isEqualTo(UsageReader.standard().parse(CALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt_hash", "promptId", "Content-Type", "userMessage", "COMPLETION_len", "msg.content"})
    void attributeNamesThatCouldCarryContentAreRefused(String name) {
        String json = CALL.replace("\"env\"", "\"" + name + "\"");
        List<Problem> p = problems(json);
        assertThat(p).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ErrorCode.CONTENT_ATTRIBUTE);
            assertThat(x.pointer()).isEqualTo("/attributes/" + name);
        });
        assertThatThrownBy(() -> UsageEvent.llmCall("s", "e").provider("p").model("m").startedAt(Instant.EPOCH)
                .attribute(name, "x").build()).isInstanceOf(InvalidUsageException.class)
                .hasMessageContaining("content_attribute");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        "\"tokens_out\": 350|\"tokens_out\": \"350\"|wrong_type|/tokens_out",
        "\"tokens_out\": 350|\"tokens_out\": 3.5|wrong_type|/tokens_out",
        "\"tokens_out\": 350|\"tokens_out\": -1|negative_value|/tokens_out",
        "\"tokens_out\": 350|\"tokens_out\": 9223372036854775808|value_out_of_range|/tokens_out",
        "\"tokens_out\": 350|\"token_out\": 350|unknown_field|/token_out",
        "\"started_at\": \"2024-11-12T09:02+01:00\"|\"started_at\": \"2024-11-12T09:02:00\"|timestamp_without_offset|/started_at",
        "\"started_at\": \"2024-11-12T09:02+01:00\"|\"started_at\": \"12/11/2024\"|invalid_timestamp|/started_at",
        "\"started_at\": \"2024-11-12T09:02+01:00\"|\"started_at\": \"2024-11-12T09:03:00+01:00\"|interval_not_positive|/ended_at",
        "\"started_at\": \"2024-11-12T09:02+01:00\",|\"begun\": 1,|missing_field|/started_at",
        "\"model\": \"gpt-4o\",||missing_field|/model",
        "\"source_id\": \"gw\",||missing_identity|/source_id",
        "\"country\": \"US\"|\"country\": \"usa\"|wrong_type|/country",
        "\"kind\": \"llm_call\"|\"kind\": \"embedding\"|wrong_type|/kind",
        "\"provider\": \"openai\"|\"provider\": \"\"|wrong_type|/provider",
    })
    void badCallsAreRefusedWithAPointer(String from, String to, String code, String pointer) {
        String json = CALL.replace(from, to == null ? "" : to);
        assertThat(json).isNotEqualTo(CALL);
        assertThat(problems(json)).anySatisfy(x -> {
            assertThat(x.code().id()).isEqualTo(code);
            assertThat(x.pointer()).isEqualTo(pointer);
        });
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        "\"gpu_seconds\": \"28800.50\"|\"gpu_seconds\": 28800|wrong_type|/gpu_seconds",
        "\"gpu_seconds\": \"28800.50\"|\"gpu_seconds\": \"-5\"|negative_value|/gpu_seconds",
        "\"gpu_seconds\": \"28800.50\"|\"gpu_seconds\": \"1e3\"|not_numeric|/gpu_seconds",
        "\"gpu_seconds\": \"28800.50\", |\"gpu_hours\": \"8\", |missing_field|/gpu_seconds",
        "\"unit\": \"Wh\"|\"unit\": \"L\"|unit_dimension_mismatch|/measured_energy/unit",
        "\"unit\": \"Wh\"|\"unit\": \"kwh\"|unknown_unit|/measured_energy/unit",
        "\"value\": \"5600\"|\"value\": \"5,6\"|not_numeric|/measured_energy/value",
        "\"facility_id\": \"iad-gpu-1\"|\"facility_id\": \"iad gpu 1\"|wrong_type|/facility_id",
    })
    void badJobsAreRefusedWithAPointer(String from, String to, String code, String pointer) {
        String json = JOB.replace(from, to);
        assertThat(json).isNotEqualTo(JOB);
        assertThat(problems(json)).anySatisfy(x -> {
            assertThat(x.code().id()).isEqualTo(code);
            assertThat(x.pointer()).isEqualTo(pointer);
        });
    }

    @Test
    void theMapperAndTheSchemaRefuseTheSameEvents() {
        UsageReader noSchema = UsageReader.builder().schemaValidation(false).build();
        String[] bad = {
            CALL.replace("\"env\"", "\"prompt\""), CALL.replace("350", "-350"), CALL.replace("\"tokens_out\": 350", "\"tokens_out\": \"350\""),
            CALL.replace("+01:00\"", "\""), CALL.replace("\"US\"", "\"us\""), CALL.replace("\"model\": \"gpt-4o\",", ""),
            JOB.replace("\"28800.50\"", "28800"), JOB.replace("\"Wh\"", "\"L\""), JOB.replace("\"gpu_seconds\": \"28800.50\", ", ""),
            CALL.replace("\"kind\": \"llm_call\"", "\"kind\": \"llm\""), CALL.replace("{\"source_id\"", "{\"extra\": 1, \"source_id\""),
        };
        for (String json : bad) {
            assertThat(noSchema.check(json).isValid()).as("mapper refuses " + json).isFalse();
            assertThat(UsageReader.standard().check(json).isValid()).as("schema and mapper refuse " + json).isFalse();
        }
        for (String json : new String[] {CALL, JOB}) {
            assertThat(noSchema.check(json).isValid()).isTrue();
            assertThat(UsageReader.standard().check(json).isValid()).isTrue();
        }
    }

    @Test
    void anEventThatEndsWhenItStartsIsAccepted() {
        assertThat(UsageReader.standard().check(CALL.replace("2024-11-12T08:02:05.250Z", "2024-11-12T08:02:00Z"))
                .isValid()).isTrue();
    }

    @Test
    void jsonLinesCostsOneLinePerMalformedLineAndNamesTheKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, CALL + "\n{not json\n\n" + CALL.replace("\"r-1\"", "\"r-2\"").replace("350", "-1") + "\n"
                + JOB + "\n" + "{\"a\": 1, \"a\": 2}\n");
        UsageBatch b = UsageReader.standard().readAll(f);
        assertThat(b.events()).hasSize(2);
        assertThat(b.summary().records()).isEqualTo(5);
        assertThat(b.summary().rejected()).isEqualTo(3);
        List<RecordProblem> p = b.problems();
        assertThat(p).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(x.location().line()).isEqualTo(2);
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ErrorCode.NEGATIVE_VALUE);
            assertThat(x.key().toString()).isEqualTo("gw/r-2");
            assertThat(x.location().line()).isEqualTo(4);
        });
        // A duplicate key is refused, never resolved silently.
        assertThat(p).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
            assertThat(x.location().line()).isEqualTo(6);
        });
    }

    @Test
    void aJsonArrayIsReadAsWell() {
        String json = "[" + CALL + ", " + JOB + "]";
        UsageBatch b = UsageReader.standard().readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "a.json", Format.JSON);
        assertThat(b.events()).extracting(e -> e.key().toString()).containsExactly("gw/r-1", "sched/job-1");
        assertThat(b.hasErrors()).isFalse();
    }

    @Test
    void theExampleDayIsValid() {
        UsageBatch b = UsageReader.standard().readAll(Path.of("..", "examples", "data", "usage-events.jsonl"));
        assertThat(b.problems()).isEmpty();
        assertThat(b.events()).hasSize(15);
    }
}
