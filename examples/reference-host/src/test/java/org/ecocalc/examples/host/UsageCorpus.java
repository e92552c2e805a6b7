package org.ecocalc.examples.host;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecocalc.sdk.Amount;
import org.ecocalc.sdk.UsageEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Usage events for the differential tests of the host's fast paths: seeds built with the SDK (every
 * field, both kinds, offsets, odd but valid text), and seeded mutations of them (a member removed,
 * added, retyped or given an edge value), read as the host reads a batch.
 */
final class UsageCorpus {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The host's reader settings (decimals as BigDecimal, duplicate names refused). */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    /** Values a member might wrongly (or just oddly) hold. */
    static final JsonNode[] ODD = {F.nullNode(), F.booleanNode(true), F.numberNode(-1), F.numberNode(0),
        F.numberNode(812), F.numberNode(Long.MAX_VALUE), F.numberNode((1L << 53) + 1), F.numberNode(1L << 53),
        F.numberNode(new BigInteger("92233720368547758070")), F.numberNode(new BigDecimal("1.0")),
        F.numberNode(new BigDecimal("1e400")), F.numberNode(new BigDecimal("12.5")), F.stringNode(""),
        F.stringNode(" "), F.stringNode("-1"), F.stringNode("1e3"), F.stringNode("12.5"), F.stringNode("0"),
        F.stringNode("00"), F.stringNode("01"), F.stringNode("0."), F.stringNode(".5"), F.stringNode("1".repeat(22)),
        F.stringNode("1." + "0".repeat(25)), F.stringNode("1".repeat(21) + "." + "1".repeat(9)),
        F.stringNode("1".repeat(21) + "." + "1".repeat(10)), F.stringNode("NaN"), F.stringNode("kWh"),
        F.stringNode("MWh"), F.stringNode("kW"), F.stringNode("llm_call"), F.stringNode("gpu_job"),
        F.stringNode("LLM_CALL"), F.stringNode("2026-01-05T00:00:00Z"), F.stringNode("2026-01-05T00:00Z"),
        F.stringNode("2026-01-05T00:00:00"), F.stringNode("2026-02-30T00:00:00Z"), F.stringNode("2024-02-29T23:59:59.5+05:30"),
        F.stringNode("2026-01-05T24:00:00Z"), F.stringNode("2026-01-05T00:00:60Z"), F.stringNode("2026-01-05T00:00:00-00:00"),
        F.stringNode("2026-01-05T00:00:00+18:00"), F.stringNode("2026-01-05T00:00:00+19:00"),
        F.stringNode("2026-01-05T00:00:00.1234567891Z"), F.stringNode("2026-01-05 00:00:00Z"), F.stringNode("0000-01-01T00:00Z"),
        F.stringNode("x".repeat(65)), F.stringNode("x".repeat(129)), F.stringNode("x".repeat(257)),
        F.stringNode("fra-1"), F.stringNode("-fra"), F.stringNode("fra 1"), F.stringNode("fra-1\n"), F.stringNode("a\n"),
        F.stringNode("DE"), F.stringNode("de"), F.stringNode("DEU"), F.stringNode("\u0007"), F.stringNode("a\u0085b"),
        F.stringNode("a\u2028"), F.stringNode("caf\u00e9"), F.stringNode("\ud83d\ude00"), F.stringNode("a\ud800"),
        F.stringNode("\"quoted\\\""), F.stringNode("tab\there"), F.arrayNode(), F.objectNode(),
        F.objectNode().put("value", "1.5").put("unit", "kWh"), F.objectNode().put("value", "1.5"),
        F.objectNode().put("value", "1.5").put("unit", "kWh").put("x", "y"),
        F.objectNode().put("feature", "summarise"), F.objectNode().put("user_prompt", "x"),
        F.objectNode().put("Content-Type", "x"), F.objectNode().put("env", "a\nb")};
    /** Member names an edit may add. */
    static final String[] NAMES = {"source_id", "external_event_id", "kind", "provider", "model", "tokens_in",
        "tokens_out", "gpu_seconds", "accelerator", "measured_energy", "started_at", "ended_at", "facility_id",
        "country", "region", "grid_zone", "organization_id", "team_id", "user_id", "attributes", "prompt", "x",
        "feature", "my_message", "MESSAGE", "a".repeat(65), "9lives", "ok.name:x-y_z"};

    private UsageCorpus() {
    }

    /** Valid events as the SDK writes them, with a variety of optional members, read back as trees. */
    static List<JsonNode> seeds() {
        List<JsonNode> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(8_0801L);
        for (int i = 0; i < 200; i++) {
            UsageEvent.Builder b = i % 3 == 0
                    ? UsageEvent.gpuJob().gpuSeconds(i % 2 == 0 ? "3600" : "0.125").accelerator("nvidia-h100-sxm")
                    : UsageEvent.llmCall().provider(i % 5 == 0 ? "selfhost \u00e9" : "openai").model("gpt-4o");
            b.sourceId(i % 7 == 0 ? "a" : "chat-api.eu:1@x_y").externalEventId(i % 11 == 0 ? "id \"q\" \\ \u00e9\ud83d\ude00"
                    : "chatcmpl-" + r.nextLong());
            OffsetDateTime start = T0.plusMillis(r.nextLong(1_000_000_000L)).atOffset(
                    ZoneOffset.ofHoursMinutes(i % 4 == 0 ? 5 : 0, i % 4 == 0 ? 30 : 0));
            if (i % 6 == 0) {
                start = start.withNano(0);
            } else if (i % 6 == 1) {
                start = start.withSecond(0).withNano(0);
            }
            b.startedAt(start);
            if (i % 2 == 0) {
                b.endedAt(start.plusNanos(r.nextLong(10_000_000_000L)));
            }
            if (i % 3 != 0) {
                b.tokensIn(r.nextLong(100_000)).tokensOut(i % 13 == 0 ? (1L << 53) : r.nextLong(10_000));
            }
            if (i % 4 == 1) {
                b.measuredEnergy(Amount.of("0." + (1 + r.nextInt(999)), "kWh"));
            }
            if (i % 2 == 1) {
                b.facilityId("fra-1").country("DE").region("eu-central-1").gridZone("DE-LU");
            }
            b.organizationId("acme").teamId("search").userId("u-" + r.nextInt(100));
            for (int a = 0; a < i % 4; a++) {
                b.attribute("attr_" + a, a == 2 ? "" : "v\u00e9 " + a);
            }
            out.add(MAPPER.readTree(b.build().toJson()));
        }
        return out;
    }

    /** A seeded edit of a copy of a random seed: {@code n} random edits at random depths. */
    static JsonNode mutate(List<JsonNode> seeds, SplittableRandom r) {
        JsonNode root = seeds.get(r.nextInt(seeds.size())).deepCopy();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                List<String> names = new ArrayList<>(o.propertyNames());
                String name = names.isEmpty() ? NAMES[r.nextInt(NAMES.length)] : names.get(r.nextInt(names.size()));
                switch (r.nextInt(5)) {
                    case 0 -> o.remove(name);
                    case 1, 2 -> o.set(name, ODD[r.nextInt(ODD.length)].deepCopy());
                    case 3 -> o.set(NAMES[r.nextInt(NAMES.length)], ODD[r.nextInt(ODD.length)].deepCopy());
                    default -> o.set(NAMES[r.nextInt(NAMES.length)], names.isEmpty() ? F.stringNode("x")
                            : o.get(names.get(r.nextInt(names.size()))).deepCopy());
                }
            } else if (c instanceof ArrayNode a) {
                a.add(ODD[r.nextInt(ODD.length)].deepCopy());
            }
        }
        return r.nextInt(50) == 0 ? ODD[r.nextInt(ODD.length)] : root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainer()) {
            out.add(n);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }
}
