package org.ecocalc.core.internal;

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
 * A JSON Schema 2020-12 shipped in the jar ({@code org/ecocalc/core/schemas/}), compiled once
 * with networknt json-schema-validator, format assertions on; loads nothing over the network: a
 * reference to another ecocalc schema ({@value #ID_PREFIX}{@code <name>}) is read from the jar.
 */
public final class SchemaCheck {
    /** The prefix of every ecocalc schema's {@code $id}; such references resolve to the jar. */
    public static final String ID_PREFIX = "https://ecocalc.org/schemas/";

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** Loads {@code /org/ecocalc/core/schemas/<name>}. */
    public static SchemaCheck load(String name) {
        String resource = "/org/ecocalc/core/schemas/" + name;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:org/ecocalc/core/schemas/")));
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SchemaCheck(registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The violations, as error problems with JSON Pointers ({@code missing_field} for a missing
     * member, {@code unknown_field} for an undefined one, else {@code schema_violation}); empty when
     * valid. For a missing, undefined or misnamed member the pointer names the member itself.
     */
    public List<Problem> validate(JsonNode node) {
        List<Error> errors = schema.validate(node);
        List<Problem> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && ("required".equals(e.getKeyword())
                    || "additionalProperties".equals(e.getKeyword()) || "propertyNames".equals(e.getKeyword()))) {
                pointer = pointer + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
            }
            ErrorCode code = "required".equals(e.getKeyword()) ? ErrorCode.MISSING_FIELD
                    : "additionalProperties".equals(e.getKeyword()) ? ErrorCode.UNKNOWN_FIELD : ErrorCode.SCHEMA_VIOLATION;
            out.add(Problem.error(code, pointer, e.getMessage()));
        }
        return out;
    }
}
