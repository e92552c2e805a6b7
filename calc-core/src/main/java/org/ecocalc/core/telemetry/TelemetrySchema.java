package org.ecocalc.core.telemetry;

import java.util.List;
import java.util.Set;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.SchemaCheck;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of telemetry record v1 ({@code docs/schemas/telemetry-record.v1.json}, shipped in
 * the jar), compiled once with networknt json-schema-validator, format assertions on (so
 * {@code date-time} is checked as RFC 3339). Loads nothing over the network:
 * the schema has no external references and the 2020-12 meta-schema is bundled with the validator.
 */
final class TelemetrySchema {
    static final String RESOURCE = "/org/ecocalc/core/schemas/telemetry-record.v1.json";

    private static final SchemaCheck SCHEMA = SchemaCheck.load(TelemetrySchema.class, RESOURCE,
            Set.of("required", "additionalProperties"));

    private TelemetrySchema() {
    }

    /** The schema violations of a record, as problems with JSON Pointers; empty when valid. */
    static List<Problem> validate(JsonNode record) {
        return SCHEMA.validate(record);
    }
}
