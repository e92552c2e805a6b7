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
import java.util.Set;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema 2020-12 shipped in the jar, compiled once with networknt json-schema-validator
 * (format assertions on, locale {@link Locale#ROOT}). Loads nothing over the network: a reference
 * to another ecocalc schema ({@value #ID_PREFIX}{@code <name>}) is read from the jar, and the
 * 2020-12 meta-schema is bundled with the validator.
 */
public final class SchemaCheck {
    /** The prefix of every ecocalc schema's {@code $id}; such references resolve to the jar. */
    public static final String ID_PREFIX = "https://ecocalc.org/schemas/";
    private static final Set<String> MEMBER_KEYWORDS = Set.of("required", "additionalProperties", "propertyNames");

    private final Schema schema;
    private final Set<String> propertyKeywords;
    private final boolean memberCodes;

    private SchemaCheck(Schema schema, Set<String> propertyKeywords, boolean memberCodes) {
        this.schema = schema;
        this.propertyKeywords = propertyKeywords;
        this.memberCodes = memberCodes;
    }

    /**
     * Loads {@code /org/ecocalc/core/schemas/<name>}; a missing member is reported as
     * {@link ErrorCode#MISSING_FIELD}, an undefined one as {@link ErrorCode#UNKNOWN_FIELD}, with
     * the member's pointer, anything else as {@link ErrorCode#SCHEMA_VIOLATION}.
     */
    public static SchemaCheck load(String name) {
        return load(SchemaCheck.class, "/org/ecocalc/core/schemas/" + name, MEMBER_KEYWORDS, true);
    }

    /**
     * Loads a schema resource.
     *
     * @param anchor           a class of the jar that holds the resource
     * @param resource         the absolute resource name
     * @param propertyKeywords the keywords whose violations name a property the pointer should
     *                         end with ({@code required}, {@code additionalProperties}, ...)
     */
    public static SchemaCheck load(Class<?> anchor, String resource, Set<String> propertyKeywords) {
        return load(anchor, resource, propertyKeywords, false);
    }

    private static SchemaCheck load(Class<?> anchor, String resource, Set<String> propertyKeywords,
            boolean memberCodes) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:org/ecocalc/core/schemas/")));
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SchemaCheck(registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    InputFormat.JSON), Set.copyOf(propertyKeywords), memberCodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The violations of a value, as error problems with JSON Pointers ({@link ErrorCode#SCHEMA_VIOLATION},
     * or the member codes of {@link #load(String)}); empty when valid. For a missing, undefined or
     * misnamed member (a keyword of the loader's property keywords) the pointer names the member.
     */
    public List<Problem> validate(JsonNode value) {
        List<Error> errors = schema.validate(value);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            if (pointer.equals("/")) {
                pointer = "";
            }
            if (e.getProperty() != null && propertyKeywords.contains(e.getKeyword())) {
                pointer = pointer + "/" + escape(e.getProperty());
            }
            ErrorCode code = !memberCodes ? ErrorCode.SCHEMA_VIOLATION
                    : "required".equals(e.getKeyword()) ? ErrorCode.MISSING_FIELD
                    : "additionalProperties".equals(e.getKeyword()) ? ErrorCode.UNKNOWN_FIELD : ErrorCode.SCHEMA_VIOLATION;
            out.add(Problem.error(code, pointer, e.getMessage()));
        }
        return out;
    }

    /** RFC 6901 escaping of one reference token. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }
}
