package org.ecocalc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The checks that {@link Checks} and {@link UsageEvent} write out by hand (so that building an
 * event runs no regular expression and no formatter) agree with the patterns and the formatter
 * they replace, which stay in the code as the reference: on generated strings over the characters
 * that matter (digits, points, letters, the punctuation the patterns name, line terminators,
 * non-ASCII), seeded; and the size bound that {@code track()} compares is never below the exact size.
 */
class ChecksTest {
    private static final String ALPHABET = "0123456789..0019aZz._:@-/ \n\r\u0085\u2028éA";

    private static String random(SplittableRandom r, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Strings near the interesting shapes: runs of digits with a point, the limits of each length. */
    private static String decimalLike(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            sb.append(r.nextBoolean() ? "100" : "0");
        }
        int intDigits = r.nextInt(24);
        for (int i = 0; i < intDigits; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextBoolean()) {
            sb.append('.');
            int frac = r.nextInt(27);
            boolean zeros = r.nextBoolean();
            for (int i = 0; i < frac; i++) {
                sb.append(zeros ? '0' : (char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(10) == 0) {
            sb.insert(r.nextInt(sb.length() + 1), ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void same(Pattern reference, java.util.function.Predicate<String> fast, String s) {
        assertThat(fast.test(s)).as("%s on \"%s\"", reference.pattern(), s).isEqualTo(reference.matcher(s).matches());
    }

    @Test
    void writtenOutPatternsMatchAsThePatterns() {
        SplittableRandom r = new SplittableRandom(8080L);
        for (int i = 0; i < 200_000; i++) {
            String s = random(r, i % 100 == 0 ? 140 : 8);
            same(Checks.ID, Checks::isId, s);
            same(Checks.COUNTRY, Checks::isCountry, s);
            same(UsageEvent.ATTRIBUTE_NAME, UsageEvent::isAttributeName, s);
            String d = decimalLike(r);
            same(Checks.DECIMAL, Checks::isDecimal, d);
            same(Checks.PERCENT, Checks::isPercent, d);
            same(Checks.DECIMAL, Checks::isDecimal, s);
            same(Checks.PERCENT, Checks::isPercent, s);
        }
        for (String edge : new String[] {"", "0", "00", "100", "100.", "100.0", "100.000000000000000000000000",
            "100.0000000000000000000000000", "99.5", "09", "1".repeat(21), "1".repeat(22), "1".repeat(21) + ".5",
            "0." + "1".repeat(24), "0." + "1".repeat(25), "1".repeat(21) + "." + "1".repeat(9), "a".repeat(128),
            "a".repeat(129), "a".repeat(64), "a".repeat(65), "DE", "DE\n"}) {
            same(Checks.ID, Checks::isId, edge);
            same(Checks.COUNTRY, Checks::isCountry, edge);
            same(Checks.DECIMAL, Checks::isDecimal, edge);
            same(Checks.PERCENT, Checks::isPercent, edge);
            same(UsageEvent.ATTRIBUTE_NAME, UsageEvent::isAttributeName, edge);
        }
    }

    @Test
    void timestampsAreWrittenAsIsoOffsetDateTime() {
        SplittableRandom r = new SplittableRandom(1717L);
        int[] nanos = {0, 1, 10, 100_000_000, 500_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999};
        for (int i = 0; i < 100_000; i++) {
            int offsetMinutes = r.nextInt(4) == 0 ? 0 : r.nextInt(-18 * 60, 18 * 60 + 1);
            OffsetDateTime t = OffsetDateTime.of(r.nextInt(0, 10_000), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextBoolean() ? nanos[r.nextInt(nanos.length)]
                            : r.nextInt(1_000_000_000), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            assertThat(Checks.format(t)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
    }

    @Test
    void sizeBoundIsNeverBelowTheSize() {
        SplittableRandom r = new SplittableRandom(31L);
        String[] texts = {"a", "Z", "0", " ", "\"", "\\", "é", "€", "😀", "/"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int k = r.nextInt(1, 40); k > 0; k--) {
                id.append(texts[r.nextInt(texts.length)]);
            }
            UsageEvent.Builder b = UsageEvent.llmCall().sourceId("s").externalEventId(id.toString())
                    .provider(id.toString()).model("m").startedAt(EventModelTest.T0);
            if (r.nextBoolean()) {
                b.tokensIn(r.nextLong(Long.MAX_VALUE)).tokensOut(r.nextLong(10));
            }
            if (r.nextBoolean()) {
                b.attribute("a" + r.nextInt(100), id.toString()).measuredEnergy(Amount.of("1.5", "kWh"));
            }
            UsageEvent u = b.build();
            assertThat(EventJson.bound(u)).isGreaterThanOrEqualTo(u.toJson().getBytes(StandardCharsets.UTF_8).length);
            TelemetryRecord t = EventModelTest.record().externalEventId(id.toString()).region(id.toString())
                    .amount(TelemetryRecord.Field.WATER_WITHDRAWAL, "3", "m³")
                    .count(TelemetryRecord.Field.COMPUTE_TOKENS, r.nextLong(Long.MAX_VALUE))
                    .decimal(TelemetryRecord.Field.HARDWARE_IDLE_PCT, "12.5").build();
            assertThat(EventJson.bound(t)).isGreaterThanOrEqualTo(t.toJson().getBytes(StandardCharsets.UTF_8).length);
            assertThat(t.jsonSize()).isEqualTo(t.toJson().getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
