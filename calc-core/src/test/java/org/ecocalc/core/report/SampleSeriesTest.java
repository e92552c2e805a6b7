package org.ecocalc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact series gives back exactly the decimals it was given, in (start, value) order. */
class SampleSeriesTest {
    @Test
    void valuesComeBackExactlyAndInOrder() {
        SampleSeries s = new SampleSeries();
        // A value too long for a long (20 nines), one with a scale beyond a byte, a nanosecond start.
        BigDecimal huge = new BigDecimal("99999999999999999999.5");
        BigDecimal tiny = new BigDecimal("1E-200");
        s.add(Instant.parse("2026-01-01T02:00:00Z"), new BigDecimal("2.50"));
        s.add(Instant.parse("2026-01-01T00:00:00.000000001Z"), huge);
        s.add(Instant.parse("2026-01-01T00:00:00Z"), tiny);
        s.add(Instant.parse("2026-01-01T00:00:00Z"), new BigDecimal("-3"));
        // By start, then by value: -3 and 1E-200 at 00:00, then the huge value a nanosecond later, then 2.50.
        assertThat(s.valuesInOrder()).containsExactly(new BigDecimal("-3"), tiny, huge, new BigDecimal("2.50"));
        assertThat(s.valuesInOrder().get(3).scale()).isEqualTo(2);
    }

    @Test
    void anySeriesRoundTripsAndMergesLikeAList() {
        qt().withFixedSeed(17L).withExamples(300).forAll(longs().all(), integers().between(0, 200)).checkAssert((seed, n) -> {
            SplittableRandom r = new SplittableRandom(seed);
            SampleSeries a = new SampleSeries();
            SampleSeries b = new SampleSeries();
            List<Map.Entry<Instant, BigDecimal>> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant t = Instant.ofEpochSecond(1_767_225_600L + r.nextInt(100) * 3600L, r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0);
                BigDecimal v = new BigDecimal(new BigInteger(r.nextInt(1, 120), new java.util.Random(r.nextLong()))
                        .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)), r.nextInt(-5, 300));
                (r.nextBoolean() ? a : b).add(t, v);
                expected.add(Map.entry(t, v));
            }
            a.addAll(b);
            expected.sort(Map.Entry.<Instant, BigDecimal>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
            assertThat(a.size()).isEqualTo(n);
            assertThat(a.valuesInOrder()).usingElementComparator(Comparator.comparing(BigDecimal::toString))
                    .containsExactlyElementsOf(expected.stream().map(Map.Entry::getValue).toList());
        });
    }
}
