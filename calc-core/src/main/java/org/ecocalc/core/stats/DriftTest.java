package org.ecocalc.core.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;

/**
 * Sensor drift: is the mean of a recent window shifted from the mean of the baseline window just
 * before it, in units of the baseline's standard deviation?
 *
 * <p>For a series x<sub>1</sub> … x<sub>n</sub> (oldest first), the recent window is the last
 * R values and the baseline window the B values before them. With exact sums
 * S<sub>b</sub> = Σ baseline, Q<sub>b</sub> = Σ baseline², S<sub>r</sub> = Σ recent:
 * <pre>
 *   mean_b = S_b / B          mean_r = S_r / R
 *   s_b²   = (B·Q_b − S_b²) / (B·(B − 1))            (sample variance, n − 1)
 *   Δ      = |mean_r − mean_b| / s_b                 (Glass's Δ)
 *   Δ²     = (B·S_r − R·S_b)² · (B − 1) / (R² · B · (B·Q_b − S_b²))
 * </pre>
 * Δ² is one exact fraction divided once; Δ is its square root
 * ({@link BigDecimal#sqrt(java.math.MathContext)} with {@link Decimals#MATH_CONTEXT}), and the
 * test says "drift" when Δ > k, the threshold. The decision compares the exact fraction with k²
 * (no rounding at all), so it never depends on the last digit of Δ.
 *
 * <p>When the baseline has no spread (s<sub>b</sub> = 0, a constant series) Δ is undefined: the
 * result is "not evaluable" and never drift; a stuck sensor is a data-quality finding, not drift.
 *
 * <p>References: G. V. Glass, "Primary, secondary, and meta-analysis of research", Educational
 * Researcher 5(10), 1976 (the effect size Δ with the control group's standard deviation);
 * E. S. Page, "Continuous inspection schemes", Biometrika 41, 1954 (a sequential alternative, not
 * used here). Immutable and thread-safe.
 */
public final class DriftTest {
    /** Default baseline window: {@value} samples (a day of hourly readings). */
    public static final int DEFAULT_BASELINE_WINDOW = 24;
    /** Default recent window: {@value} samples. */
    public static final int DEFAULT_RECENT_WINDOW = 6;
    /** Default threshold k on Δ: 3 baseline standard deviations. */
    public static final BigDecimal DEFAULT_THRESHOLD = BigDecimal.valueOf(3);

    private final int baselineWindow;
    private final int recentWindow;
    private final BigDecimal threshold;

    private DriftTest(int baselineWindow, int recentWindow, BigDecimal threshold) {
        if (baselineWindow < 2) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS,
                    "drift baseline window must be at least 2 samples (a spread needs two), got " + baselineWindow);
        }
        if (recentWindow < 1) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS,
                    "drift recent window must be at least 1 sample, got " + recentWindow);
        }
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() <= 0) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS,
                    "drift threshold must be positive, got " + Decimals.toCanonicalString(threshold));
        }
        this.baselineWindow = baselineWindow;
        this.recentWindow = recentWindow;
        this.threshold = Decimals.normalize(threshold);
    }

    /**
     * A drift test with these windows and threshold.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) for a baseline window below 2,
     *                          a recent window below 1 or a threshold that is not positive
     */
    public static DriftTest of(int baselineWindow, int recentWindow, BigDecimal threshold) {
        return new DriftTest(baselineWindow, recentWindow, threshold);
    }

    /** The test with the default windows and threshold. */
    public static DriftTest defaults() {
        return new DriftTest(DEFAULT_BASELINE_WINDOW, DEFAULT_RECENT_WINDOW, DEFAULT_THRESHOLD);
    }

    /** B, the number of baseline samples. */
    public int baselineWindow() {
        return baselineWindow;
    }

    /** R, the number of recent samples. */
    public int recentWindow() {
        return recentWindow;
    }

    /** k, the threshold on Δ. */
    public BigDecimal threshold() {
        return threshold;
    }

    /** B + R: the fewest samples a test needs. */
    public int span() {
        return baselineWindow + recentWindow;
    }

    /**
     * Tests the last {@link #span()} values of {@code series} (oldest first): the last R are the
     * recent window, the B before them the baseline.
     *
     * @throws IllegalArgumentException if the series has fewer than {@link #span()} values
     */
    public Result test(List<BigDecimal> series) {
        return testEndingAt(series, series.size());
    }

    /**
     * One result per position where the test can run: the i-th result tests the windows that end
     * with {@code series.get(span() - 1 + i)}. Empty when the series is shorter than the span.
     */
    public List<Result> scan(List<BigDecimal> series) {
        List<Result> out = new ArrayList<>();
        for (int end = span(); end <= series.size(); end++) {
            out.add(testEndingAt(series, end));
        }
        return out;
    }

    private Result testEndingAt(List<BigDecimal> series, int end) {
        Objects.requireNonNull(series, "series");
        if (end < span()) {
            throw new IllegalArgumentException("a drift test needs " + span() + " values, got " + end);
        }
        BigDecimal sb = BigDecimal.ZERO;
        BigDecimal qb = BigDecimal.ZERO;
        for (int i = end - span(); i < end - recentWindow; i++) {
            BigDecimal x = Objects.requireNonNull(series.get(i), "series value");
            sb = sb.add(x);
            qb = qb.add(x.multiply(x));
        }
        BigDecimal sr = BigDecimal.ZERO;
        for (int i = end - recentWindow; i < end; i++) {
            sr = sr.add(Objects.requireNonNull(series.get(i), "series value"));
        }
        BigDecimal b = BigDecimal.valueOf(baselineWindow);
        BigDecimal r = BigDecimal.valueOf(recentWindow);
        BigDecimal meanB = Decimals.divide(sb, b);
        BigDecimal meanR = Decimals.divide(sr, r);
        // B·Q_b − S_b² ≥ 0 exactly (Cauchy–Schwarz); zero only for a constant baseline.
        BigDecimal spread = b.multiply(qb).subtract(sb.multiply(sb));
        if (spread.signum() == 0) {
            return new Result(meanB, BigDecimal.ZERO, meanR, null, null, null, false);
        }
        BigDecimal variance = Decimals.divide(spread, b.multiply(b.subtract(BigDecimal.ONE)));
        BigDecimal sd = Decimals.normalize(variance.sqrt(Decimals.MATH_CONTEXT));
        BigDecimal shift = b.multiply(sr).subtract(r.multiply(sb));
        BigDecimal num = shift.multiply(shift).multiply(b.subtract(BigDecimal.ONE));
        BigDecimal den = r.multiply(r).multiply(b).multiply(spread);
        BigDecimal delta = Decimals.normalize(Decimals.divide(num, den).sqrt(Decimals.MATH_CONTEXT));
        boolean drift = num.compareTo(threshold.multiply(threshold).multiply(den)) > 0;
        return new Result(meanB, sd, meanR, delta, num, den, drift);
    }

    /**
     * The outcome of one test.
     *
     * @param baselineMean mean of the baseline window
     * @param baselineSd   sample standard deviation of the baseline window (0 for a constant one)
     * @param recentMean   mean of the recent window
     * @param statistic    Δ = |recent mean − baseline mean| / baseline sd, or null when the
     *                     baseline has no spread (not evaluable)
     * @param numerator    (B·S_r − R·S_b)²·(B − 1), exact; null when not evaluable
     * @param denominator  R²·B·(B·Q_b − S_b²), exact; null when not evaluable
     * @param drift        whether Δ &gt; k (decided on the exact fraction Δ²)
     */
    public record Result(BigDecimal baselineMean, BigDecimal baselineSd, BigDecimal recentMean, BigDecimal statistic,
            BigDecimal numerator, BigDecimal denominator, boolean drift) {

        /** Whether Δ could be computed (the baseline has a spread). */
        public boolean isEvaluable() {
            return statistic != null;
        }

        /**
         * Whether Δ &gt; {@code level}, decided exactly on Δ² = numerator / denominator. False when
         * not evaluable.
         */
        public boolean exceeds(BigDecimal level) {
            return statistic != null && numerator.compareTo(level.multiply(level).multiply(denominator)) > 0;
        }

        /** Whether Δ &lt;= {@code level}, decided exactly. False when not evaluable. */
        public boolean within(BigDecimal level) {
            return statistic != null && level.signum() >= 0
                    && numerator.compareTo(level.multiply(level).multiply(denominator)) <= 0;
        }
    }
}
