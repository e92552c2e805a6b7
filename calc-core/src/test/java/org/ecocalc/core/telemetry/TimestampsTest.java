package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The timestamp fast path accepts exactly what the reference path (the schema's pattern, then
 * {@code OffsetDateTime.parse} with {@code ISO_OFFSET_DATE_TIME}) accepts, with the same instant.
 */
class TimestampsTest {
    /** The reference: null when the reference path refuses the text. */
    static Instant reference(String s) {
        if (!RecordMapper.TIMESTAMP.matcher(s).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void handPickedCases() {
        // 2026-01-05T00:00:00Z is 1,767,571,200 s after the epoch (20,458 days × 86,400 s).
        assertThat(Timestamps.parse("2026-01-05T00:00:00Z")).isEqualTo(Instant.ofEpochSecond(1_767_571_200L));
        // +02:00 is two hours ahead of UTC: 02:00+02:00 is midnight UTC.
        assertThat(Timestamps.parse("2026-01-05T02:00:00+02:00")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(Timestamps.parse("2026-01-05T00:00:00.5-00:30")).isEqualTo(Instant.parse("2026-01-05T00:30:00.5Z"));
        assertThat(Timestamps.parse("2024-02-29T23:59:59.123456789Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
        for (String bad : new String[] {"2026-02-29T00:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T00:00:60Z",
            "2026-01-05T00:00:00", "2026-01-05T00:00Z", "2026-01-05 00:00:00Z", "2026-01-05T00:00:00z",
            "2026-01-05T00:00:00+19:00", "2026-01-05T00:00:00+18:01", "2026-01-05T00:00:00.Z",
            "2026-01-05T00:00:00.1234567890Z", "2026-13-05T00:00:00Z", "2026-00-05T00:00:00Z", "2026-1-05T00:00:00Z",
            "+2026-01-05T00:00:00Z", "2026-01-05T00:00:00+0200", "٢٠٢٦-01-05T00:00:00Z"}) {
            assertThat(Timestamps.parse(bad)).as(bad).isNull();
            assertThat(reference(bad)).as(bad).isNull();
        }
    }

    @Test
    void generatedTimestampsAgreeWithTheReference() {
        qt().withFixedSeed(3339L).withExamples(20_000)
                .forAll(longs().all(), integers().between(0, 4))
                .checkAssert((seed, mutations) -> {
                    String s = mutate(generate(new SplittableRandom(seed)), new SplittableRandom(seed ^ 0x5DEECE66DL),
                            mutations);
                    assertThat(Timestamps.parse(s)).as(s).isEqualTo(reference(s));
                });
    }

    /** Near-valid timestamps: every field drawn from a range a little wider than its valid one. */
    static String generate(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", r.nextInt(0, 10_000), r.nextInt(0, 14),
                r.nextInt(0, 33), r.nextInt(0, 25), r.nextInt(0, 61), r.nextInt(0, 61)));
        int fraction = r.nextInt(-3, 11);
        if (fraction >= 0) {
            b.append('.');
            for (int i = 0; i < fraction; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
        }
        int offset = r.nextInt(4);
        if (offset == 0) {
            b.append('Z');
        } else if (offset < 3) {
            b.append(offset == 1 ? '+' : '-').append(String.format(Locale.ROOT, "%02d:%02d", r.nextInt(0, 20),
                    r.nextInt(0, 61)));
        }
        return b.toString();
    }

    /** Replaces, inserts or deletes characters. */
    static String mutate(String s, SplittableRandom r, int count) {
        String alphabet = "0123456789-:T+.Zz ";
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < count && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0:
                    b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    break;
                case 1:
                    b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    break;
                default:
                    b.deleteCharAt(at);
            }
        }
        return b.toString();
    }
}
