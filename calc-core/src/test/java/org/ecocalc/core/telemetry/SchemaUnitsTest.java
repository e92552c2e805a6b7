package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Unit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema's unit lists are exactly the units (and aliases) the engine knows. */
class SchemaUnitsTest {
    static List<String> accepted(Dimension d) {
        List<String> out = new ArrayList<>();
        for (Unit u : Unit.values()) {
            if (u.dimension() == d) {
                out.add(u.symbol());
                out.addAll(u.aliases());
            }
        }
        return out;
    }

    static List<String> enumAt(JsonNode schema, String... path) {
        JsonNode n = schema;
        for (String p : path) {
            n = n.get(p);
        }
        List<String> out = new ArrayList<>();
        n.get("properties").get("unit").get("enum").forEach(e -> out.add(e.stringValue()));
        return out;
    }

    @Test
    void schemaUnitEnumsMatchTheEngine() throws IOException {
        JsonNode s = JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "docs", "schemas",
                "telemetry-record.v1.json")));
        assertThat(enumAt(s, "properties", "energy", "properties", "it")).containsExactlyInAnyOrderElementsOf(
                accepted(Dimension.ENERGY));
        assertThat(enumAt(s, "properties", "water", "properties", "withdrawal")).containsExactlyInAnyOrderElementsOf(
                accepted(Dimension.VOLUME));
        assertThat(enumAt(s, "properties", "compute", "properties", "gpu_hours")).containsExactlyInAnyOrderElementsOf(
                accepted(Dimension.GPU_TIME));
        assertThat(enumAt(s, "properties", "refrigerant", "items", "properties", "released"))
                .containsExactlyInAnyOrderElementsOf(accepted(Dimension.MASS));
        List<String> fuel = new ArrayList<>(accepted(Dimension.VOLUME));
        fuel.addAll(accepted(Dimension.MASS));
        fuel.addAll(accepted(Dimension.ENERGY));
        assertThat(enumAt(s, "properties", "fuel", "items", "properties", "quantity"))
                .containsExactlyInAnyOrderElementsOf(fuel);
    }
}
