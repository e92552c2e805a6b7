package org.ecocalc.examples.host;

import java.time.Duration;
import java.time.Instant;
import org.ecocalc.sdk.TelemetryRecord;
import org.ecocalc.sdk.UsageEvent;

/** Test events with known content. */
final class Events {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private Events() {
    }

    /**
     * Hour {@code i} of facility {@code fra-1}: 1.25 MWh facility energy and 1000 kWh IT energy, so
     * PUE = 1250 / 1000 = 1.25 (ISO/IEC 30134-2: PUE = E_DC / E_IT).
     */
    static TelemetryRecord hour(String source, int i) {
        return TelemetryRecord.builder()
                .sourceId(source).externalEventId("h" + i)
                .interval(T0.plus(Duration.ofHours(i)), T0.plus(Duration.ofHours(i + 1)))
                .facilityId("fra-1").country("DE")
                .amount(TelemetryRecord.Field.ENERGY_FACILITY, "1.25", "MWh")
                .amount(TelemetryRecord.Field.ENERGY_IT, "1000", "kWh")
                .build();
    }

    static UsageEvent call(String source, int i) {
        return UsageEvent.llmCall().sourceId(source).externalEventId("c" + i)
                .provider("openai").model("gpt-4o").tokensIn(100 + i).tokensOut(50)
                .startedAt(T0.plusSeconds(i)).endedAt(T0.plusSeconds(i + 1))
                .region("eu-west-1").organizationId("acme").teamId("search").userId("u-" + (i % 7))
                .attribute("feature", "summarise")
                .build();
    }
}
