package org.ecocalc.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.ecocalc.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The host's canonical JSON fast path ({@link Jcs}) writes the same bytes as the reference
 * ({@code CanonicalJson}, i.e. {@code org.erdtman.jcs}, over the mapper's text) for usage events,
 * generated and mutated, for strings of every kind of character, and for audit lines; and its size
 * bound is never below the size of the compact JSON it bounds.
 */
class JcsEquivalenceTest {
    private static byte[] reference(JsonNode n) {
        return CanonicalJson.canonicalize(UsageCorpus.MAPPER.writeValueAsString(n));
    }

    @Test
    void usageEventsCanonicaliseAsTheReferenceDoes() {
        List<JsonNode> seeds = UsageCorpus.seeds();
        for (JsonNode s : seeds) {
            String fast = Jcs.canonical(s);
            assertThat(fast).as(s.toString()).isNotNull();
            assertThat(fast.getBytes(StandardCharsets.UTF_8)).as(s.toString()).isEqualTo(reference(s));
        }
        SplittableRandom random = new SplittableRandom(77L);
        int handled = 0;
        for (int i = 0; i < 30_000; i++) {
            JsonNode e = UsageCorpus.mutate(seeds, random);
            assertThat(Jcs.sizeBound(e)).as(e.toString())
                    .isGreaterThanOrEqualTo(UsageCorpus.MAPPER.writeValueAsBytes(e).length);
            if (!e.isContainer()) {
                continue; // the reference canonicalises objects and arrays only
            }
            String fast = Jcs.canonical(e);
            if (fast != null) {
                handled++;
                assertThat(fast.getBytes(StandardCharsets.UTF_8)).as(e.toString()).isEqualTo(reference(e));
            }
        }
        assertThat(handled).isGreaterThan(20_000);
    }

    /** Random strings over every kind of UTF-16 unit: controls, quotes, backslash, C1, BMP, pairs, lone surrogates. */
    static String randomString(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x20));
                case 1 -> sb.append("\"\\/".charAt(r.nextInt(3)));
                case 2 -> sb.append((char) (0x7f + r.nextInt(0x21)));
                case 3 -> sb.append((char) (0xa0 + r.nextInt(0xd800 - 0xa0)));
                case 4 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 5 -> sb.append((char) (0xd800 + r.nextInt(0x800)));
                case 6 -> sb.append((char) (0xe000 + r.nextInt(0x2000)));
                default -> sb.append((char) (0x20 + r.nextInt(0x5f)));
            }
        }
        return sb.toString();
    }

    @Test
    void stringsOfEveryKindCanonicaliseAsTheReferenceDoes() {
        SplittableRandom r = new SplittableRandom(99L);
        for (int i = 0; i < 20_000; i++) {
            tools.jackson.databind.node.ObjectNode o = UsageCorpus.F.objectNode();
            for (int k = r.nextInt(5); k >= 0; k--) {
                o.set(randomString(r), r.nextBoolean() ? UsageCorpus.F.stringNode(randomString(r))
                        : UsageCorpus.F.numberNode(r.nextLong(-(1L << 53), (1L << 53) + 1)));
            }
            String fast = Jcs.canonical(o);
            assertThat(fast).isNotNull();
            assertThat(fast.getBytes(StandardCharsets.UTF_8)).as(o.toString()).isEqualTo(reference(o));
            assertThat(Jcs.sizeBound(o)).isGreaterThanOrEqualTo(UsageCorpus.MAPPER.writeValueAsBytes(o).length);
        }
    }

    @Test
    void auditLinesAreTheReferenceLines() {
        SplittableRandom r = new SplittableRandom(5L);
        for (int i = 0; i < 20_000; i++) {
            Object[] nameValues = new Object[2 * r.nextInt(6)];
            for (int k = 0; k < nameValues.length; k += 2) {
                nameValues[k] = r.nextInt(4) == 0 ? randomString(r) : new String[] {"request_id", "kind", "key",
                    "digest", "code", "pointer", "status", "records", "seq", "prev"}[r.nextInt(10)];
                nameValues[k + 1] = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(1000);
                    case 1 -> r.nextLong(-(1L << 53), (1L << 53) + 1);
                    default -> randomString(r);
                };
            }
            AuditLog.Entry e = AuditLog.Entry.of(r.nextBoolean() ? "ingest_accepted" : randomString(r), nameValues);
            long seq = r.nextLong(1, 1L << 40);
            String at = "2026-01-05T00:00:0" + r.nextInt(10) + "Z";
            String prev = ChainedJsonlAuditLog.GENESIS;
            assertThat(ChainedJsonlAuditLog.line(seq, at, e, prev).getBytes(StandardCharsets.UTF_8)).as(e.toString())
                    .isEqualTo(ChainedJsonlAuditLog.referenceLine(seq, at, e, prev).getBytes(StandardCharsets.UTF_8));
        }
        // Beyond 2^53 the fast path declines and the reference writes the line.
        AuditLog.Entry big = AuditLog.Entry.of("t", "n", Long.MAX_VALUE);
        assertThat(ChainedJsonlAuditLog.line(1, "x", big, "p"))
                .isEqualTo(ChainedJsonlAuditLog.referenceLine(1, "x", big, "p"));
    }
}
