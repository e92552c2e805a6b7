package org.ecocalc.examples.quickstart;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ecocalc.sdk.Amount;
import org.ecocalc.sdk.ClientStats;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;
import org.ecocalc.sdk.TelemetryRecord;
import org.ecocalc.sdk.UsageEvent;

/**
 * Tracks twenty LLM API calls, one GPU job and a day of facility telemetry to a host that speaks
 * the ecocalc ingestion protocol (the reference host by default), then flushes and prints the
 * client's counters.
 *
 * <p>Settings come from the environment: {@code ECOCALC_ENDPOINT} (default
 * {@code http://127.0.0.1:8080}), {@code ECOCALC_API_KEY} (default {@code dev-key}),
 * {@code ECOCALC_HMAC_SECRET} (default {@code dev-secret-change-me}: the reference host's
 * {@code --dev} credentials) and {@code ECOCALC_SPOOL} (default {@code ecocalc-quickstart-spool}
 * under the temporary directory).
 *
 * <p>The events have fixed ids and times, so a second run sends the same events: the host
 * refuses every one as a duplicate (409), and the client counts them as delivered, once.
 */
public final class Quickstart {
    /** The day the example's telemetry covers. */
    static final Instant DAY = Instant.parse("2026-01-05T00:00:00Z");

    private Quickstart() {
    }

    public static void main(String[] args) {
        String endpoint = env("ECOCALC_ENDPOINT", "http://127.0.0.1:8080");
        String key = env("ECOCALC_API_KEY", "dev-key");
        String secret = env("ECOCALC_HMAC_SECRET", "dev-secret-change-me");
        Path spool = Path.of(env("ECOCALC_SPOOL", Path.of(System.getProperty("java.io.tmpdir"),
                "ecocalc-quickstart-spool").toString()));
        FlushResult r = run(URI.create(endpoint), key, secret, spool, System.out);
        System.exit(r == FlushResult.ACKNOWLEDGED ? 0 : 1);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Runs the example against {@code endpoint}; returns what the final flush achieved. */
    static FlushResult run(URI endpoint, String apiKey, String secret, Path spool, PrintStream out) {
        // One client per process, shared by every thread; close() drains it.
        try (EcoCalcClient client = EcoCalcClient.builder()
                .endpoint(endpoint)
                .apiKey(apiKey)
                .hmacSecret(secret)
                .spoolDirectory(spool)
                .sourceId("quickstart")
                .shutdownHook(true)
                .build()) {

            // 1. LLM API calls: counts only, never the prompt or the completion.
            String[] models = {"gpt-4o", "claude-sonnet-4", "llama-3.1-70b"};
            String[] providers = {"openai", "anthropic", "selfhost"};
            for (int i = 0; i < 20; i++) {
                Instant start = DAY.plusSeconds(9 * 3600 + 37L * i);
                client.track(UsageEvent.llmCall()
                        .sourceId("quickstart-chat")
                        .externalEventId("resp-" + i) // the provider's response id, in a real service
                        .provider(providers[i % 3]).model(models[i % 3])
                        .tokensIn(400 + 13L * i).tokensOut(120 + 7L * i)
                        .startedAt(start).endedAt(start.plusMillis(850 + 10L * i))
                        .region("eu-central-1").country("DE")
                        .organizationId("acme").teamId("search").userId("user-" + (i % 4))
                        .attribute("feature", i % 2 == 0 ? "summarise" : "answer")
                        .build());
            }

            // 2. A GPU job: 8 GPUs for one hour = 28800 GPU-seconds, with the energy its nodes measured.
            client.track(UsageEvent.gpuJob()
                    .sourceId("quickstart-trainer").externalEventId("finetune-42")
                    .provider("selfhost").model("llama-3.1-8b-finetune")
                    .gpuSeconds("28800").accelerator("nvidia-h100-sxm")
                    .measuredEnergy(Amount.of("5.6", "kWh"))
                    .startedAt(DAY.plusSeconds(3600)).endedAt(DAY.plusSeconds(7200))
                    .facilityId("qs-fra-1").organizationId("acme").teamId("ml")
                    .build());

            // 3. A day of hourly facility telemetry from the building management system.
            for (int h = 0; h < 24; h++) {
                client.track(TelemetryRecord.builder()
                        .sourceId("qs-fra-1-bms").externalEventId("hour-" + h)
                        .interval(DAY.plusSeconds(3600L * h), DAY.plusSeconds(3600L * (h + 1)))
                        .facilityId("qs-fra-1").country("DE")
                        .amount(TelemetryRecord.Field.ENERGY_FACILITY, "1.25", "MWh")
                        .amount(TelemetryRecord.Field.ENERGY_IT, "1000", "kWh")
                        .amount(TelemetryRecord.Field.WATER_WITHDRAWAL, "1.8", "m3")
                        .amount(TelemetryRecord.Field.COMPUTE_GPU_HOURS, "480", "GPU-h")
                        .build());
            }

            FlushResult result = client.flush(Duration.ofSeconds(30));
            ClientStats s = client.stats();
            out.println("flush: " + result);
            out.println("tracked " + s.tracked() + ", sent " + s.sent() + " (of which duplicates " + s.duplicates()
                    + "), retried " + s.retried() + ", dead-lettered " + s.deadLettered() + ", dropped " + s.dropped());
            out.println("report: curl -H 'X-API-Key: " + (apiKey.equals("dev-key") ? apiKey : "<key>") + "' '"
                    + endpoint + "/api/telemetry/report?facility=qs-fra-1&from=2026-01-05T00:00:00Z"
                    + "&to=2026-01-06T00:00:00Z'");
            return result;
        }
    }
}
