package org.ecocalc.core.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Quantity;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Jackson configuration of calc-core: numbers read exactly, duplicate keys refused, and
 * output that does not depend on the platform (LF line ends, two-space indent).
 */
public final class Json {
    /** Reads numbers as {@link BigDecimal} and refuses duplicate object keys. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Pretty JSON text with LF line ends and a final LF. */
    public static String pretty(JsonNode node) {
        return PRETTY.writeValueAsString(node) + "\n";
    }

    /**
     * A generator writing pretty JSON (as {@link #pretty}, without the final LF) to {@code out},
     * which closing the generator leaves open: for documents too large to hold as one tree.
     */
    public static JsonGenerator prettyGenerator(OutputStream out) {
        return PRETTY.without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
    }

    /** Compact JSON text. */
    public static String compact(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A decimal as canonical JSON wants it: a plain-notation string, trailing zeros stripped. */
    public static String decimal(BigDecimal value) {
        return Decimals.toCanonicalString(value);
    }

    /** {@code {"value": "…", "unit": "…"}}. */
    public static ObjectNode amount(Quantity q) {
        ObjectNode n = object();
        n.put("value", decimal(q.value()));
        n.put("unit", q.unit().symbol());
        return n;
    }

    /** An instant in ISO-8601 UTC ({@link Instant#toString()}). */
    public static String instant(Instant i) {
        return i.toString();
    }
}
