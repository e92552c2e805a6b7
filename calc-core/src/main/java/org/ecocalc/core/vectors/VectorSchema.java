package org.ecocalc.core.vectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** {@code docs/schemas/test-vector.v1.json}, shipped in the jar, compiled once. Package-private. */
final class VectorSchema {
    static final String RESOURCE = "/org/ecocalc/core/schemas/test-vector.v1.json";
    private static final Schema SCHEMA = load();

    private VectorSchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ROOT).pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = VectorSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations as {@code pointer: message}; empty when valid. */
    static List<String> validate(JsonNode vector) {
        List<String> out = new ArrayList<>();
        for (Error e : SCHEMA.validate(vector)) {
            String at = e.getInstanceLocation().toString();
            out.add((at.equals("/") || at.isEmpty() ? "(root)" : at) + ": " + e.getMessage());
        }
        return out;
    }
}
