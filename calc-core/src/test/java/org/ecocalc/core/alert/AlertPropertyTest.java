package org.ecocalc.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The laws of the anti-flapping state machine, over random series (seeded, so a failure
 * reproduces): a run of N + k breaches raises exactly one alert; a run of N − 1 raises none;
 * runs separated by a settled stretch raise one each; a noisy series around the threshold raises
 * at most one alert until it settles; and evaluation is pure and independent of the order of series.
 */
class AlertPropertyTest {
    private static final long SEED = 20261123L;

    /** PUE values: breach = 1.5 + (1..50)/100, good = 1.4 − (0..30)/100 (below the 1.425 clear level). */
    private static String breach(Random r) {
        return new BigDecimal("1.5").add(BigDecimal.valueOf(1 + r.nextInt(50), 2)).toPlainString();
    }

    private static String good(Random r) {
        return new BigDecimal("1.4").subtract(BigDecimal.valueOf(r.nextInt(31), 2)).toPlainString();
    }

    @Test
    void aRunOfNPlusKBreachesRaisesExactlyOneAlert() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(integers().between(1, 6), integers().between(0, 20),
                integers().between(0, 5), longs().all()).checkAssert((n, k, lead, seed) -> {
                    Random r = new Random(seed);
                    List<String> v = new ArrayList<>();
                    for (int i = 0; i < lead; i++) {
                        v.add(good(r));
                    }
                    for (int i = 0; i < n + k; i++) {
                        v.add(breach(r));
                    }
                    List<Alert> a = Alerts.evaluate(AlertFixtures.daily(Measure.PUE, v.toArray(String[]::new)),
                            AlertFixtures.settings(n, 1 + r.nextInt(4)));
                    assertThat(a).hasSize(1);
                    assertThat(a.get(0).evidence()).hasSize(n);
                    // Raised by the N-th breach of the run.
                    assertThat(a.get(0).end()).isEqualTo(AlertFixtures.DAY0.plusSeconds(86_400L * (lead + n)));
                });
    }

    @Test
    void aRunOfNMinusOneBreachesRaisesNone() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(integers().between(2, 6), integers().between(1, 5), longs().all())
                .checkAssert((n, runs, seed) -> {
                    Random r = new Random(seed);
                    List<String> v = new ArrayList<>();
                    for (int j = 0; j < runs; j++) {
                        for (int i = 0; i < n - 1; i++) {
                            v.add(breach(r));
                        }
                        v.add(r.nextBoolean() ? good(r) : "-");
                    }
                    assertThat(Alerts.evaluate(AlertFixtures.daily(Measure.PUE, v.toArray(String[]::new)),
                            AlertFixtures.settings(n, 1))).isEmpty();
                });
    }

    @Test
    void runsSeparatedBySettledStretchesRaiseOneEach() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(integers().between(1, 4), integers().between(1, 4),
                integers().between(1, 5), longs().all()).checkAssert((n, m, runs, seed) -> {
                    Random r = new Random(seed);
                    List<String> v = new ArrayList<>();
                    for (int j = 0; j < runs; j++) {
                        int len = n + r.nextInt(4);
                        for (int i = 0; i < len; i++) {
                            v.add(breach(r));
                        }
                        for (int i = 0; i < m; i++) {
                            v.add(good(r));
                        }
                    }
                    assertThat(Alerts.evaluate(AlertFixtures.daily(Measure.PUE, v.toArray(String[]::new)),
                            AlertFixtures.settings(n, m))).hasSize(runs);
                });
    }

    @Test
    void noiseAroundTheThresholdRaisesAtMostOneUntilItSettles() {
        // Values in (1.425, 1.6]: inside the hysteresis band or above; they never count as good, so after the
        // first alert nothing else is raised however they wobble.
        qt().withFixedSeed(SEED).withExamples(200).forAll(integers().between(1, 60), longs().all()).checkAssert((len, seed) -> {
            Random r = new Random(seed);
            List<String> v = new ArrayList<>();
            for (int i = 0; i < len; i++) {
                v.add(new BigDecimal("1.426").add(BigDecimal.valueOf(r.nextInt(175), 3)).toPlainString());
            }
            assertThat(Alerts.evaluate(AlertFixtures.daily(Measure.PUE, v.toArray(String[]::new)),
                    AlertFixtures.settings(1 + r.nextInt(3), 1))).hasSizeLessThanOrEqualTo(1);
        });
    }

    @Test
    void pureAndIndependentOfSeriesOrder() {
        qt().withFixedSeed(SEED).withExamples(50).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<AlertSeries> series = new ArrayList<>();
            for (Measure m : List.of(Measure.PUE, Measure.WUE, Measure.CHILLER_COP, Measure.GRID_INTENSITY)) {
                String[] v = new String[10 + r.nextInt(20)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = BigDecimal.valueOf(r.nextInt(400), 2).toPlainString();
                }
                series.add(AlertFixtures.daily(m, v));
            }
            AlertSettings s = AlertFixtures.settings(1 + r.nextInt(3), 1 + r.nextInt(3));
            List<Alert> first = Alerts.evaluate(series, s);
            Collections.shuffle(series, r);
            assertThat(Alerts.evaluate(series, s)).isEqualTo(first);
            assertThat(Alerts.evaluate(series, s)).extracting(AlertJson::toJsonLine)
                    .isEqualTo(first.stream().map(AlertJson::toJsonLine).toList());
        });
    }
}
