package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The alert rules. Each compares one {@link Measure} with a threshold from {@link AlertSettings}
 * (the threshold's setting and environment variable are named after {@link #id()}); the
 * defaults and their sources are listed in {@code docs/alerts.md}. Ids are stable.
 */
public enum AlertRule {
    /** Grid carbon intensity above an absolute limit (kgCO2e/kWh). Illustrative default 0.4. */
    CARBON_INTENSITY_MAX(Measure.GRID_INTENSITY, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "0.4", "0",
            null),
    /**
     * Grid carbon intensity above a multiple of its rolling mean over the previous
     * {@link AlertSettings#spikeWindow()} values: the threshold is the ratio (default 1.25, an
     * intensity 25 % above its recent mean).
     */
    CARBON_INTENSITY_SPIKE(Measure.GRID_INTENSITY, Kind.SPIKE, Direction.ABOVE, AlertSeverity.WARNING, "1.25", null,
            null),
    /** WUE above a limit (L/kWh). Illustrative default 1.8. */
    WUE_MAX(Measure.WUE, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "1.8", "0", null),
    /** Water per GPU-hour above a limit (L/GPU-h). Illustrative default 2. */
    WATER_PER_GPU_HOUR_MAX(Measure.WATER_PER_GPU_HOUR, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "2", "0",
            null),
    /** Reclaimed water below a share of withdrawal (%). Off by default: a site target. */
    RECLAIMED_WATER_MIN(Measure.RECLAIMED_WATER_PCT, Kind.THRESHOLD, Direction.BELOW, AlertSeverity.WARNING, null, "0",
            "100"),
    /** PUE above a limit. Illustrative default 1.5. */
    PUE_MAX(Measure.PUE, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "1.5", "1", null),
    /** Cooling energy above a share of facility energy (%). Illustrative default 30. */
    COOLING_ENERGY_PCT_MAX(Measure.COOLING_ENERGY_PCT, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "30",
            "0", "100"),
    /** Chiller COP below a floor. Illustrative default 3. */
    CHILLER_COP_MIN(Measure.CHILLER_COP, Kind.THRESHOLD, Direction.BELOW, AlertSeverity.WARNING, "3", "0", null),
    /**
     * A sensor's recent mean shifted from its baseline by more than this many baseline standard
     * deviations ({@link org.ecocalc.core.stats.DriftTest}). Default 3. Applies to every sensor series.
     */
    SENSOR_DRIFT(null, Kind.DRIFT, Direction.ABOVE, AlertSeverity.WARNING, "3", null, null),
    /** Room CO2 above a guideline (ppm). Default 1000. */
    ROOM_CO2_MAX(Measure.ROOM_CO2, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "1000", "0", null),
    /** Room CO2 above an exposure limit (ppm). Default 5000 (OSHA PEL, 8-hour TWA). */
    ROOM_CO2_CRITICAL(Measure.ROOM_CO2, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.CRITICAL, "5000", "0", null),
    /** Inlet temperature above the recommended envelope (°C). Default 27 (ASHRAE TC 9.9). */
    ROOM_TEMPERATURE_MAX(Measure.ROOM_TEMPERATURE, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.WARNING, "27",
            "-100", "100"),
    /** Inlet temperature above the allowable range of class A1 (°C). Default 32 (ASHRAE TC 9.9). */
    ROOM_TEMPERATURE_CRITICAL(Measure.ROOM_TEMPERATURE, Kind.THRESHOLD, Direction.ABOVE, AlertSeverity.CRITICAL, "32",
            "-100", "100"),
    /** Inlet temperature below the recommended envelope (°C). Default 18 (ASHRAE TC 9.9). */
    ROOM_TEMPERATURE_MIN(Measure.ROOM_TEMPERATURE, Kind.THRESHOLD, Direction.BELOW, AlertSeverity.WARNING, "18",
            "-100", "100");

    /** How a rule tests a series. */
    public enum Kind {
        /** Each value against a fixed threshold. */
        THRESHOLD,
        /** Each value against the threshold ratio times the mean of the values before it. */
        SPIKE,
        /** The drift statistic of each position against the threshold. */
        DRIFT
    }

    /** Which side of the threshold is a breach. */
    public enum Direction {
        /** A value strictly above the threshold breaches. */
        ABOVE,
        /** A value strictly below the threshold breaches. */
        BELOW
    }

    private final Measure measure;
    private final Kind kind;
    private final Direction direction;
    private final AlertSeverity severity;
    private final BigDecimal defaultThreshold;
    private final BigDecimal min;
    private final BigDecimal max;

    AlertRule(Measure measure, Kind kind, Direction direction, AlertSeverity severity, String defaultThreshold,
            String min, String max) {
        this.measure = measure;
        this.kind = kind;
        this.direction = direction;
        this.severity = severity;
        this.defaultThreshold = defaultThreshold == null ? null : new BigDecimal(defaultThreshold);
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
    }

    /** The stable snake_case id ({@code pue_max}); also the setting name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable of the threshold: {@code ECOCALC_ALERT_} + the id in upper case. */
    public String environmentVariable() {
        return AlertSettings.ENV_PREFIX + name();
    }

    /** The measure tested, or null for {@link #SENSOR_DRIFT} (every sensor measure). */
    public Measure measure() {
        return measure;
    }

    /** Whether the rule tests series of this measure. */
    public boolean appliesTo(Measure m) {
        return measure == null ? m.isSensor() : measure == m;
    }

    /** How the rule tests a series. */
    public Kind kind() {
        return kind;
    }

    /** Which side of the threshold breaches. */
    public Direction direction() {
        return direction;
    }

    /** The severity of the alerts it raises. */
    public AlertSeverity severity() {
        return severity;
    }

    /** The default threshold, or null when the rule is off by default. */
    public BigDecimal defaultThreshold() {
        return defaultThreshold;
    }

    /**
     * Why {@code threshold} is not acceptable for this rule, or null when it is. Ratios of
     * {@link Kind#SPIKE} must exceed 1, drift thresholds must be positive, percentages lie in
     * [0, 100], PUE limits are at least 1 (PUE cannot be below 1), temperatures lie in [−100, 100] °C.
     */
    public String refusal(BigDecimal threshold) {
        if (kind == Kind.SPIKE && threshold.compareTo(BigDecimal.ONE) <= 0) {
            return "a spike ratio must be greater than 1";
        }
        if (kind == Kind.DRIFT && threshold.signum() <= 0) {
            return "a drift threshold must be positive";
        }
        if (min != null && threshold.compareTo(min) < 0) {
            return "must be at least " + min.toPlainString();
        }
        if (max != null && threshold.compareTo(max) > 0) {
            return "must be at most " + max.toPlainString();
        }
        return null;
    }

    /** The rule with this id. */
    public static AlertRule fromId(String id) {
        for (AlertRule r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown alert rule: " + id);
    }
}
