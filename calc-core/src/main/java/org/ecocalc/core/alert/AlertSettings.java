package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecocalc.core.internal.AlertSettingsJson;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.Texts;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.quantity.Decimals;

/**
 * The thresholds and the anti-flapping settings of the alert rules. Immutable; build with
 * {@link #builder()}, read from environment variables with {@link #fromEnvironment(Map)}, or
 * from JSON with {@link #parse(String)}. Its canonical JSON ({@link #toCanonicalJson()}) is meant
 * to be embedded in the method settings, so it is part of the settings hash.
 *
 * <p><b>Anti-flapping.</b> A rule raises an alert when {@link #consecutiveBreaches()} evaluable
 * values in a row breach its threshold; it then stays active, raising nothing more, until
 * {@link #clearAfter()} values in a row lie on the good side of the threshold moved by
 * {@link #hysteresisPct()} percent of its magnitude (for a maximum: at or below
 * {@code t − |t| × h / 100}). See {@link Alerts}.
 */
public final class AlertSettings {
    /** The prefix of every environment variable read by {@link #fromEnvironment(Map)}: {@value}. */
    public static final String ENV_PREFIX = "ECOCALC_ALERT_";
    /** Default breaches in a row before an alert: {@value}. */
    public static final int DEFAULT_CONSECUTIVE_BREACHES = 3;
    /** Default good values in a row before an active alert clears: {@value}. */
    public static final int DEFAULT_CLEAR_AFTER = 3;
    /** Default hysteresis band: 5 % of the threshold's magnitude. */
    public static final BigDecimal DEFAULT_HYSTERESIS_PCT = BigDecimal.valueOf(5);
    /** Default rolling window of the carbon-intensity spike rule: {@value} values. */
    public static final int DEFAULT_SPIKE_WINDOW = 7;
    /** Default drift baseline window: {@value} samples. */
    public static final int DEFAULT_DRIFT_BASELINE_WINDOW = org.ecocalc.core.stats.DriftTest.DEFAULT_BASELINE_WINDOW;
    /** Default drift recent window: {@value} samples. */
    public static final int DEFAULT_DRIFT_RECENT_WINDOW = org.ecocalc.core.stats.DriftTest.DEFAULT_RECENT_WINDOW;
    /** Largest accepted count or window: {@value}. */
    public static final int MAX_COUNT = 100_000;

    /** Names of the non-threshold settings, as in JSON (and, upper-cased, in the environment). */
    static final String CONSECUTIVE_BREACHES = "consecutive_breaches";
    static final String CLEAR_AFTER = "clear_after";
    static final String HYSTERESIS_PCT = "hysteresis_pct";
    static final String SPIKE_WINDOW = "spike_window";
    static final String DRIFT_BASELINE_WINDOW = "drift_baseline_window";
    static final String DRIFT_RECENT_WINDOW = "drift_recent_window";

    private static final AlertSettings DEFAULTS = builder().build();

    private final Map<AlertRule, BigDecimal> thresholds;
    private final int consecutiveBreaches;
    private final int clearAfter;
    private final BigDecimal hysteresisPct;
    private final int spikeWindow;
    private final int driftBaselineWindow;
    private final int driftRecentWindow;

    private AlertSettings(Builder b) {
        Map<AlertRule, BigDecimal> t = new EnumMap<>(AlertRule.class);
        t.putAll(b.thresholds);
        this.thresholds = Collections.unmodifiableMap(t);
        this.consecutiveBreaches = b.consecutiveBreaches;
        this.clearAfter = b.clearAfter;
        this.hysteresisPct = b.hysteresisPct;
        this.spikeWindow = b.spikeWindow;
        this.driftBaselineWindow = b.driftBaselineWindow;
        this.driftRecentWindow = b.driftRecentWindow;
    }

    /** The defaults (each rule's {@link AlertRule#defaultThreshold()}). */
    public static AlertSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thresholds.clear();
        b.thresholds.putAll(thresholds);
        return b.consecutiveBreaches(consecutiveBreaches).clearAfter(clearAfter).hysteresisPct(hysteresisPct)
                .spikeWindow(spikeWindow).driftWindows(driftBaselineWindow, driftRecentWindow);
    }

    /**
     * The defaults, changed by every variable of {@code environment} whose name starts with
     * {@value #ENV_PREFIX}: {@code ECOCALC_ALERT_PUE_MAX=1.5} (a rule's threshold: a plain decimal,
     * or {@code off} to disable the rule), {@code ECOCALC_ALERT_CONSECUTIVE_BREACHES=3},
     * {@code _CLEAR_AFTER}, {@code _HYSTERESIS_PCT}, {@code _SPIKE_WINDOW},
     * {@code _DRIFT_BASELINE_WINDOW}, {@code _DRIFT_RECENT_WINDOW}. Other variables are ignored.
     *
     * @throws AlertSettingsException naming the variable, for an unknown {@value #ENV_PREFIX}
     *                                variable (usually a misspelling) or a refused value
     */
    public static AlertSettings fromEnvironment(Map<String, String> environment) {
        return builder().environment(environment).build();
    }

    /** The threshold of a rule, or null when the rule is off. */
    public BigDecimal threshold(AlertRule rule) {
        return thresholds.get(Objects.requireNonNull(rule, "rule"));
    }

    /** Whether a rule is on. */
    public boolean isEnabled(AlertRule rule) {
        return thresholds.containsKey(rule);
    }

    /** The rules that are on, with their thresholds, in rule order. */
    public Map<AlertRule, BigDecimal> thresholds() {
        return thresholds;
    }

    /** N: breaching values in a row that raise an alert. */
    public int consecutiveBreaches() {
        return consecutiveBreaches;
    }

    /** M: good values in a row (beyond the hysteresis band) that clear an active alert. */
    public int clearAfter() {
        return clearAfter;
    }

    /** h: the hysteresis band, in percent of the threshold's magnitude. */
    public BigDecimal hysteresisPct() {
        return hysteresisPct;
    }

    /** W: the values whose mean is the spike rule's rolling baseline. */
    public int spikeWindow() {
        return spikeWindow;
    }

    /** B: the drift test's baseline window. */
    public int driftBaselineWindow() {
        return driftBaselineWindow;
    }

    /** R: the drift test's recent window. */
    public int driftRecentWindow() {
        return driftRecentWindow;
    }

    /**
     * The level at which an active alert of {@code rule} with threshold {@code t} counts a value
     * as good: {@code t − |t|·h/100} for a maximum, {@code t + |t|·h/100} for a minimum (exact).
     */
    public BigDecimal clearLevel(AlertRule rule, BigDecimal t) {
        BigDecimal band = t.abs().multiply(hysteresisPct).movePointLeft(2);
        return Decimals.normalize(rule.direction() == AlertRule.Direction.ABOVE ? t.subtract(band) : t.add(band));
    }

    /** The settings as canonical JSON (RFC 8785; decimals as strings, a rule that is off as null). */
    public String toCanonicalJson() {
        return CanonicalJson.canonicalString(Json.compact(AlertSettingsJson.toNode(this)));
    }

    /** {@code sha256:} of {@link #toCanonicalJson()}. */
    public String digest() {
        return CanonicalJson.digest(toCanonicalJson());
    }

    /**
     * Reads settings from their JSON form (as written by {@link #toCanonicalJson()}); a missing
     * member keeps its default, an unknown member is refused.
     *
     * @throws AlertSettingsException naming the member by JSON Pointer
     */
    public static AlertSettings parse(String json) {
        return AlertSettingsJson.parse(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertSettings s && thresholds.equals(s.thresholds)
                && consecutiveBreaches == s.consecutiveBreaches && clearAfter == s.clearAfter
                && hysteresisPct.equals(s.hysteresisPct) && spikeWindow == s.spikeWindow
                && driftBaselineWindow == s.driftBaselineWindow && driftRecentWindow == s.driftRecentWindow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(thresholds, consecutiveBreaches, clearAfter, hysteresisPct, spikeWindow,
                driftBaselineWindow, driftRecentWindow);
    }

    @Override
    public String toString() {
        return "AlertSettings" + toCanonicalJson();
    }

    /** Builds {@link AlertSettings}; each setter validates at once. */
    public static final class Builder {
        private final Map<AlertRule, BigDecimal> thresholds = new EnumMap<>(AlertRule.class);
        private int consecutiveBreaches = DEFAULT_CONSECUTIVE_BREACHES;
        private int clearAfter = DEFAULT_CLEAR_AFTER;
        private BigDecimal hysteresisPct = Decimals.normalize(DEFAULT_HYSTERESIS_PCT);
        private int spikeWindow = DEFAULT_SPIKE_WINDOW;
        private int driftBaselineWindow = DEFAULT_DRIFT_BASELINE_WINDOW;
        private int driftRecentWindow = DEFAULT_DRIFT_RECENT_WINDOW;

        private Builder() {
            for (AlertRule r : AlertRule.values()) {
                if (r.defaultThreshold() != null) {
                    thresholds.put(r, Decimals.normalize(r.defaultThreshold()));
                }
            }
        }

        /**
         * Sets a rule's threshold; null turns the rule off.
         *
         * @throws AlertSettingsException (naming the rule id) for a value the rule refuses
         *                                ({@link AlertRule#refusal(BigDecimal)})
         */
        public Builder threshold(AlertRule rule, BigDecimal threshold) {
            Objects.requireNonNull(rule, "rule");
            if (threshold == null) {
                thresholds.remove(rule);
                return this;
            }
            String why = rule.refusal(threshold);
            if (why != null) {
                throw new AlertSettingsException(rule.id(), why + " (got " + Decimals.toCanonicalString(threshold) + ")");
            }
            thresholds.put(rule, Decimals.normalize(threshold));
            return this;
        }

        /** Turns a rule off. */
        public Builder disable(AlertRule rule) {
            return threshold(rule, null);
        }

        /** Sets N, the breaches in a row that raise an alert (1 to {@value #MAX_COUNT}; default {@value #DEFAULT_CONSECUTIVE_BREACHES}). */
        public Builder consecutiveBreaches(int n) {
            this.consecutiveBreaches = count(CONSECUTIVE_BREACHES, n, 1);
            return this;
        }

        /** Sets M, the good values in a row that clear an alert (1 to {@value #MAX_COUNT}; default {@value #DEFAULT_CLEAR_AFTER}). */
        public Builder clearAfter(int m) {
            this.clearAfter = count(CLEAR_AFTER, m, 1);
            return this;
        }

        /** Sets h, the hysteresis band in percent of the threshold (0 ≤ h &lt; 100; default 5). */
        public Builder hysteresisPct(BigDecimal h) {
            Objects.requireNonNull(h, HYSTERESIS_PCT);
            if (h.signum() < 0 || h.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new AlertSettingsException(HYSTERESIS_PCT, "must be at least 0 and below 100 (got "
                        + Decimals.toCanonicalString(h) + ")");
            }
            this.hysteresisPct = Decimals.normalize(h);
            return this;
        }

        /** Sets W, the spike rule's rolling window (1 to {@value #MAX_COUNT}; default {@value #DEFAULT_SPIKE_WINDOW}). */
        public Builder spikeWindow(int w) {
            this.spikeWindow = count(SPIKE_WINDOW, w, 1);
            return this;
        }

        /** Sets the drift test's windows: baseline B ≥ 2 and recent R ≥ 1 (defaults 24 and 6). */
        public Builder driftWindows(int baseline, int recent) {
            this.driftBaselineWindow = count(DRIFT_BASELINE_WINDOW, baseline, 2);
            this.driftRecentWindow = count(DRIFT_RECENT_WINDOW, recent, 1);
            return this;
        }

        /**
         * Applies the {@value #ENV_PREFIX} variables of {@code environment} (see
         * {@link AlertSettings#fromEnvironment(Map)}), in sorted order of their names.
         *
         * @throws AlertSettingsException naming the variable
         */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
                String name = e.getKey();
                if (!name.startsWith(ENV_PREFIX)) {
                    continue;
                }
                String value = e.getValue() == null ? "" : e.getValue().strip();
                try {
                    apply(name.substring(ENV_PREFIX.length()).toLowerCase(java.util.Locale.ROOT), value);
                } catch (AlertSettingsException ex) {
                    throw new AlertSettingsException(name, ex.reason());
                }
            }
            return this;
        }

        /**
         * Sets one setting by name (a rule id or a counter name, as in JSON) from text, as
         * environment variables and the command line give it.
         *
         * @throws AlertSettingsException naming the setting
         */
        public Builder set(String name, String text) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            apply(name, text.strip());
            return this;
        }

        private void apply(String name, String text) {
            switch (name) {
                case CONSECUTIVE_BREACHES: consecutiveBreaches(integer(name, text)); return;
                case CLEAR_AFTER: clearAfter(integer(name, text)); return;
                case HYSTERESIS_PCT: hysteresisPct(decimal(name, text)); return;
                case SPIKE_WINDOW: spikeWindow(integer(name, text)); return;
                case DRIFT_BASELINE_WINDOW: driftWindows(integer(name, text), driftRecentWindow); return;
                case DRIFT_RECENT_WINDOW: driftWindows(driftBaselineWindow, integer(name, text)); return;
                default:
                    break;
            }
            AlertRule rule;
            try {
                rule = AlertRule.fromId(name);
            } catch (IllegalArgumentException e) {
                throw new AlertSettingsException(name, "unknown alert setting; known: " + known());
            }
            threshold(rule, "off".equals(text) ? null : decimal(name, text));
        }

        private static String known() {
            List<String> names = new ArrayList<>();
            for (AlertRule r : AlertRule.values()) {
                names.add(r.id());
            }
            names.addAll(List.of(CONSECUTIVE_BREACHES, CLEAR_AFTER, HYSTERESIS_PCT, SPIKE_WINDOW, DRIFT_BASELINE_WINDOW,
                    DRIFT_RECENT_WINDOW));
            return String.join(", ", names);
        }

        private static BigDecimal decimal(String name, String text) {
            try {
                return Decimals.parse(text);
            } catch (NumberFormatException e) {
                throw new AlertSettingsException(name, "\"" + Texts.abbreviate(text)
                        + "\" is not a plain decimal number (such as 1.5), nor \"off\"");
            } catch (ArithmeticException e) {
                throw new AlertSettingsException(name, "the value " + e.getMessage());
            }
        }

        private static int integer(String name, String text) {
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new AlertSettingsException(name, "\"" + Texts.abbreviate(text) + "\" is not a whole number");
            }
            return Integer.parseInt(text);
        }

        private static int count(String name, int n, int min) {
            if (n < min || n > MAX_COUNT) {
                throw new AlertSettingsException(name, "must be between " + min + " and " + MAX_COUNT + " (got " + n + ")");
            }
            return n;
        }

        /**
         * The settings.
         *
         * @throws AlertSettingsException when thresholds contradict each other: a warning level
         *                                above its critical level, or a minimum temperature not
         *                                below the maximum
         */
        public AlertSettings build() {
            order(AlertRule.ROOM_CO2_MAX, AlertRule.ROOM_CO2_CRITICAL, false);
            order(AlertRule.ROOM_TEMPERATURE_MAX, AlertRule.ROOM_TEMPERATURE_CRITICAL, false);
            order(AlertRule.ROOM_TEMPERATURE_MIN, AlertRule.ROOM_TEMPERATURE_MAX, true);
            return new AlertSettings(this);
        }

        private void order(AlertRule lower, AlertRule upper, boolean strict) {
            BigDecimal a = thresholds.get(lower);
            BigDecimal b = thresholds.get(upper);
            if (a != null && b != null && (strict ? a.compareTo(b) >= 0 : a.compareTo(b) > 0)) {
                throw new AlertSettingsException(lower.id(), Decimals.toCanonicalString(a) + " must be "
                        + (strict ? "below " : "at most ") + upper.id() + " (" + Decimals.toCanonicalString(b) + ")");
            }
        }
    }
}
