package org.ecocalc.core.alert;

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

/** The JSON Schema of sensor-reading v1, shipped in the jar; loads nothing over the network. */
final class SensorSchema {
    static final String RESOURCE = "/org/ecocalc/core/schemas/sensor-reading.v1.json";

    private static final Schema SCHEMA = load();

    private SensorSchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = SensorSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Problem> validate(JsonNode node) {
        List<Error> errors = SCHEMA.validate(node);
        List<Problem> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword()))) {
                pointer = pointer + "/" + e.getProperty();
            }
            ErrorCode code = "required".equals(e.getKeyword()) ? ErrorCode.MISSING_FIELD
                    : "additionalProperties".equals(e.getKeyword()) ? ErrorCode.UNKNOWN_FIELD : ErrorCode.SCHEMA_VIOLATION;
            out.add(Problem.error(code, pointer, e.getMessage()));
        }
        return out;
    }
}
