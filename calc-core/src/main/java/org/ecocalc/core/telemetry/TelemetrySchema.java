package org.ecocalc.core.telemetry;

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
 * The JSON Schema of telemetry record v1 ({@code docs/schemas/telemetry-record.v1.json}, shipped in
 * the jar), compiled once with networknt json-schema-validator, format assertions on (so
 * {@code date-time} is checked as RFC 3339). Loads nothing over the network:
 * the schema has no external references and the 2020-12 meta-schema is bundled with the validator.
 */
final class TelemetrySchema {
    static final String RESOURCE = "/org/ecocalc/core/schemas/telemetry-record.v1.json";

    private static final Schema SCHEMA = load();

    private TelemetrySchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = TelemetrySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a record, as problems with JSON Pointers; empty when valid. */
    static List<Problem> validate(JsonNode record) {
        List<Error> errors = SCHEMA.validate(record);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword()))) {
                pointer = pointer + "/" + RecordMapper.escape(e.getProperty());
            }
            out.add(Problem.error(ErrorCode.SCHEMA_VIOLATION, pointer, e.getMessage()));
        }
        return out;
    }
}
