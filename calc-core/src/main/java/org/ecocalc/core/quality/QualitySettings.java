package org.ecocalc.core.quality;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.telemetry.TelemetryField;

/**
 * The data-quality settings: expected cadences, the latency target, the outlier and drift tests,
 * the series they run on, and the weights of the confidence score. Immutable; build with
 * {@link #builder()}. Part of {@link org.ecocalc.core.MethodSettings}, so of the settings hash.
 */
public final class QualitySettings {
    /** Default latency target: 3600 s (a record ingested within an hour of observation is on time). */
    public static final BigDecimal DEFAULT_LATENCY_TARGET_S = BigDecimal.valueOf(3600);
    /** Default outlier method: z-score. */
    public static final OutlierMethod DEFAULT_OUTLIER_METHOD = OutlierMethod.ZSCORE;
    /** Default z-score threshold: 3 (three standard deviations). */
    public static final BigDecimal DEFAULT_ZSCORE_THRESHOLD = BigDecimal.valueOf(3);
    /** Default modified z-score threshold: 3.5 (Iglewicz and Hoaglin 1993). */
    public static final BigDecimal DEFAULT_MAD_THRESHOLD = new BigDecimal("3.5");
    /** Default drift window: 24 samples recent against the 24 before. */
    public static final int DEFAULT_DRIFT_WINDOW = 24;
    /** Default drift threshold: a shift of the mean of more than 3 baseline standard deviations. */
    public static final BigDecimal DEFAULT_DRIFT_SIGMAS = BigDecimal.valueOf(3);
    /** Default series analysed for outliers and drift. */
    public static final List<TelemetryField> DEFAULT_SERIES = List.of(TelemetryField.ENERGY_FACILITY,
            TelemetryField.ENERGY_IT, TelemetryField.WATER_WITHDRAWAL);
    /** Default confidence weights: completeness, latency, outliers, drift, factors. */
    public static final Map<String, BigDecimal> DEFAULT_WEIGHTS = weights("0.3", "0.1", "0.2", "0.1", "0.3");

    private static final QualitySettings DEFAULTS = builder().build();

    private final Map<String, BigDecimal> cadences;
    private final BigDecimal latencyTargetSeconds;
    private final OutlierMethod outlierMethod;
    private final BigDecimal outlierThreshold;
    private final int driftWindow;
    private final BigDecimal driftSigmas;
    private final List<TelemetryField> series;
    private final Map<String, BigDecimal> weights;

    private QualitySettings(Builder b) {
        this.cadences = Collections.unmodifiableMap(new TreeMap<>(b.cadences));
        this.latencyTargetSeconds = b.latencyTargetSeconds;
        this.outlierMethod = b.outlierMethod;
        this.outlierThreshold = b.outlierThreshold != null ? b.outlierThreshold
                : b.outlierMethod == OutlierMethod.MAD ? DEFAULT_MAD_THRESHOLD : DEFAULT_ZSCORE_THRESHOLD;
        this.driftWindow = b.driftWindow;
        this.driftSigmas = b.driftSigmas;
        this.series = List.copyOf(b.series);
        this.weights = Collections.unmodifiableMap(new TreeMap<>(b.weights));
    }

    private static Map<String, BigDecimal> weights(String c, String l, String o, String d, String f) {
        Map<String, BigDecimal> m = new TreeMap<>();
        m.put("completeness", new BigDecimal(c));
        m.put("latency", new BigDecimal(l));
        m.put("outliers", new BigDecimal(o));
        m.put("drift", new BigDecimal(d));
        m.put("factors", new BigDecimal(f));
        return Collections.unmodifiableMap(m);
    }

    /** The defaults. */
    public static QualitySettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Expected seconds between samples, per source id; a source not listed uses its most common record length. */
    public Map<String, BigDecimal> cadences() {
        return cadences;
    }

    /** The ingestion latency (p95) at or under which latency is on target, seconds. */
    public BigDecimal latencyTargetSeconds() {
        return latencyTargetSeconds;
    }

    /** The outlier method. */
    public OutlierMethod outlierMethod() {
        return outlierMethod;
    }

    /** The outlier threshold of the method. */
    public BigDecimal outlierThreshold() {
        return outlierThreshold;
    }

    /** Samples in each drift window. */
    public int driftWindow() {
        return driftWindow;
    }

    /** The mean shift, in baseline standard deviations, that counts as drift. */
    public BigDecimal driftSigmas() {
        return driftSigmas;
    }

    /** The fields whose per-source series are checked for outliers and drift. */
    public List<TelemetryField> series() {
        return series;
    }

    /** The confidence weights by component: completeness, latency, outliers, drift, factors. */
    public Map<String, BigDecimal> weights() {
        return weights;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QualitySettings q && cadences.equals(q.cadences)
                && latencyTargetSeconds.compareTo(q.latencyTargetSeconds) == 0 && outlierMethod == q.outlierMethod
                && outlierThreshold.compareTo(q.outlierThreshold) == 0 && driftWindow == q.driftWindow
                && driftSigmas.compareTo(q.driftSigmas) == 0 && series.equals(q.series) && weights.equals(q.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cadences, latencyTargetSeconds.stripTrailingZeros(), outlierMethod, driftWindow, series);
    }

    /** Builds {@link QualitySettings}; each setter validates at once. */
    public static final class Builder {
        private final Map<String, BigDecimal> cadences = new TreeMap<>();
        private BigDecimal latencyTargetSeconds = DEFAULT_LATENCY_TARGET_S;
        private OutlierMethod outlierMethod = DEFAULT_OUTLIER_METHOD;
        private BigDecimal outlierThreshold;
        private int driftWindow = DEFAULT_DRIFT_WINDOW;
        private BigDecimal driftSigmas = DEFAULT_DRIFT_SIGMAS;
        private List<TelemetryField> series = DEFAULT_SERIES;
        private Map<String, BigDecimal> weights = DEFAULT_WEIGHTS;

        private Builder() {
        }

        /** Declares a source's expected cadence in seconds (must be positive). */
        public Builder cadence(String sourceId, BigDecimal seconds) {
            Objects.requireNonNull(sourceId, "sourceId");
            positive("cadence of " + sourceId, seconds);
            cadences.put(sourceId, seconds.stripTrailingZeros());
            return this;
        }

        /** Sets the latency target in seconds (default {@code 3600}). */
        public Builder latencyTargetSeconds(BigDecimal seconds) {
            positive("latencyTargetSeconds", seconds);
            this.latencyTargetSeconds = seconds.stripTrailingZeros();
            return this;
        }

        /** Sets the outlier method and threshold (null threshold: the method's default). */
        public Builder outliers(OutlierMethod method, BigDecimal threshold) {
            this.outlierMethod = Objects.requireNonNull(method, "method");
            if (threshold != null) {
                positive("outlier threshold", threshold);
            }
            this.outlierThreshold = threshold == null ? null : threshold.stripTrailingZeros();
            return this;
        }

        /** Sets the drift window (at least 2 samples) and threshold in standard deviations. */
        public Builder drift(int window, BigDecimal sigmas) {
            if (window < 2) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "drift window must be at least 2 (got " + window + ")");
            }
            positive("drift sigmas", sigmas);
            this.driftWindow = window;
            this.driftSigmas = sigmas.stripTrailingZeros();
            return this;
        }

        /** Sets the fields analysed for outliers and drift (amount fields only). */
        public Builder series(List<TelemetryField> fields) {
            for (TelemetryField f : fields) {
                if (f.isList()) {
                    throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, f.pointer() + " is a list, not a series");
                }
            }
            this.series = List.copyOf(fields);
            return this;
        }

        /**
         * Sets the confidence weights: keys completeness, latency, outliers, drift, factors;
         * non-negative, summing to exactly 1.
         */
        public Builder weights(Map<String, BigDecimal> w) {
            if (!w.keySet().equals(DEFAULT_WEIGHTS.keySet())) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "confidence weights need exactly "
                        + DEFAULT_WEIGHTS.keySet() + " (got " + new TreeMap<>(w).keySet() + ")");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : w.entrySet()) {
                if (e.getValue().signum() < 0) {
                    throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "confidence weight " + e.getKey()
                            + " must not be negative (got " + e.getValue().toPlainString() + ")");
                }
                sum = sum.add(e.getValue());
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "confidence weights must sum to 1 (they sum to "
                        + sum.toPlainString() + ")");
            }
            this.weights = new TreeMap<>(w);
            return this;
        }

        private static void positive(String what, BigDecimal v) {
            if (v == null || v.signum() <= 0) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, what + " must be positive");
            }
        }

        /** The settings. */
        public QualitySettings build() {
            return new QualitySettings(this);
        }
    }
}
