package org.ecocalc.core.factor;

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
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of factor pack v1 ({@code docs/schemas/factor-pack.v1.json}, shipped in the jar),
 * compiled once. Loads nothing over the network.
 */
final class PackSchema {
    static final String RESOURCE = "/org/ecocalc/core/schemas/factor-pack.v1.json";

    private static final Schema SCHEMA = load();

    private PackSchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = PackSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a pack, as problems with JSON Pointers, sorted by pointer; empty when valid. */
    static List<Problem> validate(JsonNode pack) {
        List<Error> errors = SCHEMA.validate(pack);
        List<Problem> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword()))) {
                pointer = pointer + "/" + PackReader.escape(e.getProperty());
            }
            out.add(Problem.error(ErrorCode.SCHEMA_VIOLATION, pointer, e.getMessage()));
        }
        out.sort((a, b) -> a.pointer().compareTo(b.pointer()) != 0 ? a.pointer().compareTo(b.pointer())
                : a.message().compareTo(b.message()));
        return out;
    }
}
