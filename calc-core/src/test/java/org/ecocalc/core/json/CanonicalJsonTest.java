package org.ecocalc.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecocalc.core.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8785 (JCS) canonicalisation, as used for every hash of ecocalc, against the RFC's own
 * examples and against properties: any member order and any whitespace give the same bytes, and
 * canonical text is a fixed point.
 */
class CanonicalJsonTest {
    /** RFC 8785, section 3.2.2: the example with numbers, a string with escapes, and literals. */
    @Test
    void rfc8785Section322Example() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.canonicalString(input)).isEqualTo(expected);
    }

    /** RFC 8785, section 3.2.3: members sorted by their names' UTF-16 code units. */
    @Test
    void rfc8785Section323Sorting() {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\","
                + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
                + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertThat(CanonicalJson.canonicalString(input)).isEqualTo(expected);
        // UTF-8 output (section 3.2.4): U+20AC is E2 82 AC.
        assertThat(CanonicalJson.canonicalize("[\"€\"]")).containsExactly('[', '"', 0xE2 - 256, 0x82 - 256, 0xAC - 256, '"', ']');
    }

    /** Number serialisation (RFC 8785 section 3.2.2.3, ECMAScript Number.prototype.toString). */
    @ParameterizedTest
    @CsvSource({"-0, 0", "1E30, 1e+30", "1e23, 1e+23", "4.50, 4.5", "2e-3, 0.002", "0.000001, 0.000001", "1e-7, 1e-7",
        "9007199254740992, 9007199254740992", "1e21, 1e+21", "100000000000000000000, 100000000000000000000"})
    void numbers(String in, String out) {
        assertThat(CanonicalJson.canonicalString("[" + in + "]")).isEqualTo("[" + out + "]");
    }

    /** Any member order and any whitespace give the same canonical bytes; canonical text is a fixed point. Seeded. */
    @Test
    void memberOrderAndWhitespaceDoNotMatter() {
        qt().withFixedSeed(8785L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random shape = new Random(seed);
            Node doc = node(shape, 0);
            // The implementation (like ecocalc's documents) has an object or an array at the top.
            String a = "[" + doc.render(new Random(seed + 1)) + "]";
            String b = "[ " + doc.render(new Random(seed + 2)) + "\n]";
            byte[] ca = CanonicalJson.canonicalize(a);
            assertThat(CanonicalJson.canonicalize(b)).isEqualTo(ca);
            assertThat(CanonicalJson.canonicalize(new String(ca, StandardCharsets.UTF_8))).isEqualTo(ca);
            assertThat(CanonicalJson.digest(b)).isEqualTo(CanonicalJson.sha256(ca));
        });
    }

    /**
     * The tree writer gives the reference implementation's bytes: every generated document read as
     * a Jackson tree and canonicalised directly equals the library's canonical form of its text,
     * including strings with every escape and non-BMP characters, integers beyond 2^53 and
     * fractions (both through the reference path).
     */
    @Test
    void theTreeWriterGivesTheReferenceBytes() {
        qt().withFixedSeed(3785L).withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Node doc = node(new Random(seed), 0);
            String text = "[" + doc.render(new Random(seed + 1)) + "]";
            assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(text)))
                    .as(text).isEqualTo(CanonicalJson.canonicalize(text));
        });
        for (String text : new String[] {"{\"a\":\"\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\"}", "[9007199254740993]",
            "[-9007199254740992, 9007199254740992]", "[1.5, 0.1, 1e21]"}) {
            assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(text))).as(text)
                    .isEqualTo(CanonicalJson.canonicalize(text));
        }
    }

    /** A JSON tree whose objects are written with members shuffled and random whitespace. */
    private record Node(String scalar, List<String> names, List<Node> children, boolean array) {
        String render(Random r) {
            if (scalar != null) {
                return scalar;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                order.add(i);
            }
            if (!array) {
                Collections.shuffle(order, r);
            }
            StringBuilder b = new StringBuilder(array ? "[" : "{");
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                b.append(ws(r));
                if (!array) {
                    b.append(quote(names.get(i))).append(ws(r)).append(':').append(ws(r));
                }
                b.append(children.get(i).render(r)).append(ws(r));
                if (k + 1 < order.size()) {
                    b.append(',');
                }
            }
            return b.append(array ? "]" : "}").toString();
        }
    }

    private static final String[] WS = {"", " ", "\n", "\t", "  \r\n "};
    private static final String[] CHARS = {"a", "b", "Z", "é", "€", "😀", "\u0001", "\"", "\\", "/", "1", "דּ", " "};

    private static String ws(Random r) {
        return WS[r.nextInt(WS.length)];
    }

    private static Node node(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0: return new Node(quote(text(r)), null, null, false);
            case 1: return new Node(r.nextInt(10) == 0 ? Long.toString(r.nextLong())
                    : Long.toString(r.nextInt(2_000_001) - 1_000_000), null, null, false);
            case 2: return new Node(r.nextBoolean() ? "true" : "false", null, null, false);
            case 3: return new Node("null", null, null, false);
            default:
                boolean array = kind == 4;
                int n = r.nextInt(5);
                List<String> names = new ArrayList<>();
                List<Node> children = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String name = text(r) + i; // distinct names
                    names.add(name);
                    children.add(node(r, depth + 1));
                }
                return new Node(null, names, children, array);
        }
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
            b.append(CHARS[r.nextInt(CHARS.length)]);
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
