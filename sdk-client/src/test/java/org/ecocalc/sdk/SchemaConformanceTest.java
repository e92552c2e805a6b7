package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the SDK writes is valid against the published schemas (docs/schemas), checked by networknt. */
class SchemaConformanceTest {
    private static Schema schema(String file) throws Exception {
        String text = Files.readString(Path.of("..", "docs", "schemas", file));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    @Test
    void everyTelemetryFieldIsSchemaValid() throws Exception {
        Schema s = schema("telemetry-record.v1.json");
        TelemetryRecord.Builder b = EventModelTest.record().country("FR").region("EU").gridZone("FR")
                .observedAt(Instant.parse("2026-01-05T01:00:05Z")).ingestedAt(Instant.parse("2026-01-05T01:01:00Z"))
                .interval(OffsetDateTime.of(2026, 1, 5, 1, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                        OffsetDateTime.of(2026, 1, 5, 2, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        for (TelemetryRecord.Field f : TelemetryRecord.Field.values()) {
            switch (f.kind()) {
                case AMOUNT -> b.amount(f, "12.5", f.units().get(f.units().size() - 1));
                case DECIMAL -> b.decimal(f, "0.25");
                case COUNT -> b.count(f, 42);
                case PERCENT -> b.decimal(f, "100");
            }
        }
        String json = b.build().toJson();
        assertThat(s.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void usageEventsAreSchemaValid() throws Exception {
        Schema s = schema("usage-event.v1.json");
        UsageEvent call = UsageEvent.llmCall().sourceId("chat").provider("anthropic").model("claude-sonnet")
                .tokensIn(0).tokensOut(Long.MAX_VALUE).startedAt(EventModelTest.T0).endedAt(EventModelTest.T0)
                .facilityId("fra-1").country("DE").region("eu-central-1").gridZone("DE-LU")
                .organizationId("org 1").teamId("team-ü").userId("u1").attribute("a.b:c-d_e", "ünïcödé 😀")
                .build();
        UsageEvent job = UsageEvent.gpuJob().sourceId("runner").gpuSeconds("0.000001").startedAt(EventModelTest.T0)
                .measuredEnergy(Amount.of("1", "MJ")).accelerator("h100").build();
        assertThat(s.validate(call.toJson(), InputFormat.JSON)).isEmpty();
        assertThat(s.validate(job.toJson(), InputFormat.JSON)).isEmpty();
        // And the schema refuses what the SDK refuses.
        assertThat(s.validate(call.toJson().replace("\"a.b:c-d_e\"", "\"promptText\""), InputFormat.JSON)).isNotEmpty();
        assertThat(s.validate(job.toJson().replace("\"gpu_seconds\":\"0.000001\",", ""), InputFormat.JSON)).isNotEmpty();
    }
}
