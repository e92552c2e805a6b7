package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ecocalc.core.internal.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader's fast path (the mapper alone, {@code schemaValidation(false)}, the default) accepts
 * no record that the reference path (the mapper and {@code telemetry-record.v1.json}) refuses: for
 * every record of the example data and of the golden test vectors, and for 50,000 mutations of
 * them (a member removed, added, retyped or given an edge value), whenever the mapper accepts a
 * record the schema does too. The problems reported are the mapper's on both paths, so the two
 * readers deliver the same records with the same problems.
 */
class FastPathEquivalenceTest {
    static final Path EXAMPLE = Path.of("..", "examples", "data", "benchmark-telemetry.json");
    static final Path VECTORS = Path.of("..", "test-vectors", "vectors");
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Values a field might wrongly hold. */
    static final JsonNode[] ODD = {F.nullNode(), F.booleanNode(true), F.numberNode(-1), F.numberNode(0),
        F.numberNode(new java.math.BigDecimal("1e400")), F.stringNode(""), F.stringNode("-1"), F.stringNode("1e3"),
        F.stringNode("12.5"), F.stringNode(" 1"), F.stringNode("NaN"), F.stringNode("kWh"), F.stringNode("MWh"),
        F.stringNode("2026-01-01T00:00:00Z"), F.stringNode("2026-01-01T00:00:00"), F.stringNode("x".repeat(300)),
        F.stringNode("fra-1"), F.stringNode("DE"), F.stringNode("de"), F.stringNode("\u0007"), F.arrayNode(),
        F.objectNode(), F.stringNode("co2"), F.stringNode("rec"), F.stringNode("hfc-134a"), F.stringNode("L"),
        F.stringNode("gCO2e/kWh"), F.stringNode("100"), F.stringNode("101")};

    static List<JsonNode> seeds() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Json.MAPPER.readTree(Files.readString(EXAMPLE)).forEach(out::add);
        if (Files.isDirectory(VECTORS)) {
            try (Stream<Path> files = Files.walk(VECTORS)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode input = Json.MAPPER.readTree(Files.readString(p)).get("input");
                    if (input != null && input.isArray()) {
                        input.forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void whatTheMapperAcceptsTheSchemaAccepts() throws IOException {
        List<JsonNode> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThan(300);
        int accepted = 0;
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int i = 0; i < 50_000 + seeds.size(); i++) {
            JsonNode record = i < seeds.size() ? seeds.get(i)
                    : mutate(seeds.get(random.nextInt(seeds.size())).deepCopy(), random, 1 + random.nextInt(3));
            if (!RecordMapper.map(record).hasErrors()) {
                accepted++;
                assertThat(TelemetrySchema.validate(record)).as(record.toString()).isEmpty();
            }
        }
        // The mutations must exercise acceptance too, not only refusals.
        assertThat(accepted).isGreaterThan(5_000);
    }

    /** Applies {@code n} random edits at random depths. */
    static JsonNode mutate(JsonNode root, SplittableRandom r, int n) {
        for (int k = 0; k < n; k++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                break;
            }
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o && !o.isEmpty()) {
                List<String> names = new ArrayList<>(o.propertyNames());
                String name = names.get(r.nextInt(names.size()));
                switch (r.nextInt(4)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set(name, ODD[r.nextInt(ODD.length)]);
                    case 2 -> o.set(names.get(r.nextInt(names.size())) + (r.nextBoolean() ? "" : "_x"),
                            ODD[r.nextInt(ODD.length)]);
                    default -> o.set(name, o.get(names.get(r.nextInt(names.size()))).deepCopy());
                }
            } else if (c instanceof ArrayNode a && !a.isEmpty()) {
                int at = r.nextInt(a.size());
                switch (r.nextInt(3)) {
                    case 0 -> a.remove(at);
                    case 1 -> a.set(at, ODD[r.nextInt(ODD.length)]);
                    default -> a.add(a.get(at).deepCopy());
                }
            }
        }
        return root;
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
