package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventModelTest {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    static TelemetryRecord.Builder record() {
        return TelemetryRecord.builder().sourceId("fra-1-bms").externalEventId("2026-01-05T00")
                .interval(T0, T0.plusSeconds(3600)).facilityId("fra-1");
    }

    @Test
    void telemetryJsonIsTheSchemaLayout() {
        TelemetryRecord r = record().country("DE").gridZone("DE-LU")
                .amount(TelemetryRecord.Field.ENERGY_IT, "1000", "kWh")
                .amount(TelemetryRecord.Field.ENERGY_FACILITY, "1.25", "MWh")
                .amount(TelemetryRecord.Field.WATER_WITHDRAWAL, "3", "m3")
                .count(TelemetryRecord.Field.COMPUTE_TOKENS, 1_200_000)
                .decimal(TelemetryRecord.Field.HARDWARE_UTILIZATION_PCT, "87.5")
                .build();
        // Written by hand from telemetry-record.v1.json: identity, interval, place, then the blocks in
        // schema order, fields within a block in schema order (facility before it).
        String expected = "{\"source_id\":\"fra-1-bms\",\"external_event_id\":\"2026-01-05T00\","
                + "\"interval\":{\"start\":\"2026-01-05T00:00:00Z\",\"end\":\"2026-01-05T01:00:00Z\"},"
                + "\"facility_id\":\"fra-1\",\"country\":\"DE\",\"grid_zone\":\"DE-LU\","
                + "\"energy\":{\"facility\":{\"value\":\"1.25\",\"unit\":\"MWh\"},\"it\":{\"value\":\"1000\",\"unit\":\"kWh\"}},"
                + "\"water\":{\"withdrawal\":{\"value\":\"3\",\"unit\":\"m3\"}},"
                + "\"compute\":{\"tokens\":1200000},"
                + "\"hardware\":{\"utilization_pct\":\"87.5\"}}";
        assertThat(r.toJson()).isEqualTo(expected);
        assertThat(r.jsonSize()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(r.key()).isEqualTo("fra-1-bms/2026-01-05T00");
    }

    @Test
    void usageJsonIsTheSchemaLayout() {
        UsageEvent u = UsageEvent.llmCall().sourceId("chat-api").externalEventId("resp_1")
                .provider("openai").model("gpt-4o").tokensIn(812).tokensOut(164)
                .startedAt(OffsetDateTime.of(2026, 1, 5, 9, 30, 0, 500_000_000, ZoneOffset.ofHours(2)))
                .region("eu-west-1").organizationId("acme").userId("u-42")
                .attribute("feature", "summarise").attribute("env", "prod")
                .build();
        String expected = "{\"source_id\":\"chat-api\",\"external_event_id\":\"resp_1\",\"kind\":\"llm_call\","
                + "\"provider\":\"openai\",\"model\":\"gpt-4o\",\"tokens_in\":812,\"tokens_out\":164,"
                + "\"started_at\":\"2026-01-05T09:30:00.5+02:00\",\"region\":\"eu-west-1\","
                + "\"organization_id\":\"acme\",\"user_id\":\"u-42\","
                + "\"attributes\":{\"env\":\"prod\",\"feature\":\"summarise\"}}";
        assertThat(u.toJson()).isEqualTo(expected);
        assertThat(u.jsonSize()).isEqualTo(expected.length());
    }

    @Test
    void gpuJobNeedsGpuSeconds() {
        assertThatThrownBy(() -> UsageEvent.gpuJob().sourceId("runner").startedAt(T0).build())
                .isInstanceOf(InvalidEventException.class).hasMessage("/gpu_seconds: is required for a gpu_job");
        UsageEvent job = UsageEvent.gpuJob().sourceId("runner").externalEventId("job-7").gpuSeconds("28800")
                .accelerator("nvidia-h100-sxm").measuredEnergy(Amount.of("5.6", "kWh")).startedAt(T0)
                .endedAt(T0.plusSeconds(3600)).build();
        assertThat(job.toJson()).contains("\"gpu_seconds\":\"28800\"")
                .contains("\"measured_energy\":{\"value\":\"5.6\",\"unit\":\"kWh\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt", "user_prompt", "systemPrompt", "completion_text", "messages", "Content",
            "content_type", "MESSAGE"})
    void contentAttributesAreRefused(String name) {
        assertThatThrownBy(() -> UsageEvent.llmCall().attribute(name, "x"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/attributes/" + name)
                .hasMessageContaining("prompt or completion content");
    }

    @Test
    void llmCallNeedsProviderAndModel() {
        assertThatThrownBy(() -> UsageEvent.llmCall().sourceId("s").provider("openai").startedAt(T0).build())
                .hasMessage("/model: is required");
        UsageEvent e = UsageEvent.llmCall().sourceId("s").provider("openai").model("m").startedAt(T0).build();
        assertThat(e.externalEventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void invalidRecordsNameTheField() {
        assertThatThrownBy(() -> record().interval(T0, T0).build())
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).pointer()).isEqualTo("/interval/end"));
        assertThatThrownBy(() -> record().amount(TelemetryRecord.Field.ENERGY_IT, "1000", "L"))
                .hasMessageStartingWith("/energy/it/unit: unit \"L\" is not one of");
        assertThatThrownBy(() -> record().amount(TelemetryRecord.Field.ENERGY_IT, "-1", "kWh"))
                .hasMessageStartingWith("/energy/it/value: must be a non-negative decimal");
        assertThatThrownBy(() -> record().amount(TelemetryRecord.Field.ENERGY_IT, "1e3", "kWh"))
                .hasMessageContaining("plain notation");
        assertThatThrownBy(() -> record().decimal(TelemetryRecord.Field.HARDWARE_IDLE_PCT, "100.5"))
                .hasMessageStartingWith("/hardware/idle_pct: must be a percentage from 0 to 100");
        assertThatThrownBy(() -> record().count(TelemetryRecord.Field.ENERGY_IT, 3))
                .hasMessage("/energy/it: holds an amount, not a count");
        assertThatThrownBy(() -> record().sourceId("has/slash").build()).hasMessageStartingWith("/source_id:");
        assertThatThrownBy(() -> record().facilityId(null).build()).hasMessage("/facility_id: is required");
        assertThatThrownBy(() -> record().country("de").build()).hasMessageStartingWith("/country:");
        assertThatThrownBy(() -> record().externalEventId("a\nb").build())
                .hasMessage("/external_event_id: must not contain control characters");
    }

    @Test
    void bigDecimalsAreWrittenPlain() {
        TelemetryRecord r = record().amount(TelemetryRecord.Field.ENERGY_IT, new java.math.BigDecimal("1.2E+3"), "kWh")
                .decimal(TelemetryRecord.Field.COMPUTE_TRAINING_RUNS, new java.math.BigDecimal("0.50")).build();
        assertThat(r.toJson()).contains("\"it\":{\"value\":\"1200\",\"unit\":\"kWh\"}")
                .contains("\"training_runs\":\"0.5\"");
    }
}
