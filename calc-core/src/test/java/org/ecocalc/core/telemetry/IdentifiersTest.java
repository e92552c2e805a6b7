package org.ecocalc.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character checks give the schema patterns' answer on every string tried. */
class IdentifiersTest {
    static final Pattern ID = Pattern.compile(IdempotencyKey.SOURCE_ID_PATTERN);
    static final Pattern COUNTRY = Pattern.compile(Place.COUNTRY_PATTERN);
    /** Valid characters, the invalid neighbours of each range, a line break, a non-ASCII letter and digit. */
    static final String ALPHABET = "aAzZ09._:@-/`{[@ \n\u00e9\u0661";

    @Test
    void handPickedCases() {
        assertThat(Identifiers.isId("fra-1")).isTrue();
        assertThat(Identifiers.isId("a".repeat(128))).isTrue();
        assertThat(Identifiers.isId("a".repeat(129))).isFalse();
        assertThat(Identifiers.isId("-a")).isFalse();
        assertThat(Identifiers.isId("")).isFalse();
        assertThat(Identifiers.isId("a\n")).isFalse();
        assertThat(Identifiers.isCountry("DE")).isTrue();
        assertThat(Identifiers.isCountry("de")).isFalse();
        assertThat(Identifiers.isCountry("DEU")).isFalse();
    }

    @Test
    void generatedStringsAgreeWithThePatterns() {
        qt().withFixedSeed(128L).withExamples(20_000).forAll(longs().all(), integers().between(0, 130))
                .checkAssert((seed, length) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        b.append(ALPHABET.charAt(r.nextInt(r.nextInt(4) == 0 ? ALPHABET.length() : 11)));
                    }
                    String s = b.toString();
                    assertThat(Identifiers.isId(s)).as(s).isEqualTo(ID.matcher(s).matches());
                    String two = s.length() >= 2 ? s.substring(0, 2).toUpperCase(Locale.ROOT) : s;
                    assertThat(Identifiers.isCountry(two)).as(two).isEqualTo(COUNTRY.matcher(two).matches());
                });
    }
}
