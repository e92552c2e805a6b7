package org.ecocalc.examples.host;

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

/** {@code docs/schemas/usage-event.v1.json}, compiled once with networknt json-schema-validator. */
final class UsageSchema {
    static final String RESOURCE = "/org/ecocalc/examples/host/schemas/usage-event.v1.json";
    private static final Schema SCHEMA = load();

    /** One violation: where and why. */
    record Violation(String pointer, String keyword, String message) {
    }

    private UsageSchema() {
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = UsageSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema, with JSON Pointers; empty when valid. */
    static List<Violation> validate(JsonNode event) {
        List<Error> errors;
        try {
            errors = SCHEMA.validate(event);
        } catch (RuntimeException e) {
            // The validator gives up on some values (an integer such as 1e400 beyond a long): the
            // event is refused (400), never a failed request (5xx) that a client would retry forever.
            return List.of(new Violation("", "schema", "the event cannot be checked against the schema: "
                    + e.getMessage()));
        }
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword()) || "propertyNames".equals(e.getKeyword()))) {
                pointer = pointer + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
            }
            out.add(new Violation(pointer, e.getKeyword(), e.getMessage()));
        }
        return out;
    }
}
