package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.stats.DriftTest;

/**
 * Evaluates alert rules over series: a pure function of the series and the settings (no clock,
 * no state kept between calls).
 *
 * <p>For each rule that is on and applies to the series' measure, each observation gives a
 * check (breach, or good beyond the hysteresis band) or a gap:
 * <ul>
 *   <li>{@link AlertRule.Kind#THRESHOLD}: value v against threshold t; breach when v &gt; t (a
 *       maximum) or v &lt; t (a minimum); a value equal to t is not a breach. An absent value is
 *       a gap.</li>
 *   <li>{@link AlertRule.Kind#SPIKE}: t = ratio × mean of the previous W present values (W the
 *       spike window); the first W present values are gaps (no baseline yet).</li>
 *   <li>{@link AlertRule.Kind#DRIFT}: Δ of {@link DriftTest} over the present values up to this one
 *       (baseline B, recent R) against the threshold k; gaps until B + R values, and where the
 *       baseline has no spread.</li>
 * </ul>
 * Then the anti-flapping state machine, per rule and series: while inactive, N breaches in a
 * row ({@link AlertSettings#consecutiveBreaches()}) raise one alert naming those N observations,
 * and the rule becomes active; a non-breach or a gap resets the count. While active nothing is
 * raised; M good values in a row ({@link AlertSettings#clearAfter()}), each at or beyond the clear
 * level ({@link AlertSettings#clearLevel}), make it inactive again; any other value or a gap
 * resets that count. So a run of N + k breaches raises exactly one alert, and a value wobbling
 * around the threshold raises at most one until it has settled back.
 */
public final class Alerts {
    /** The order of alerts: by end, facility, sensor, measure, rule. */
    public static final Comparator<Alert> ORDER = Comparator.comparing(Alert::end).thenComparing(Alert::facilityId)
            .thenComparing(a -> a.sensorId() == null ? "" : a.sensorId()).thenComparing(Alert::metric)
            .thenComparing(Alert::rule);

    private Alerts() {
    }

    /** The alerts of one series, in {@link #ORDER}. */
    public static List<Alert> evaluate(AlertSeries series, AlertSettings settings) {
        return evaluate(List.of(series), settings);
    }

    /** The alerts of several series, in {@link #ORDER}, whatever the order of the series. */
    public static List<Alert> evaluate(Collection<AlertSeries> series, AlertSettings settings) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(settings, "settings");
        List<Alert> out = new ArrayList<>();
        for (AlertSeries s : series) {
            for (Map.Entry<AlertRule, BigDecimal> e : settings.thresholds().entrySet()) {
                if (e.getKey().appliesTo(s.measure())) {
                    run(e.getKey(), e.getValue(), s, settings, out);
                }
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** {@link #evaluate(Collection, AlertSettings)}, then each alert to {@code sink}, in order. */
    public static List<Alert> evaluate(Collection<AlertSeries> series, AlertSettings settings, AlertSink sink) {
        Objects.requireNonNull(sink, "sink");
        List<Alert> alerts = evaluate(series, settings);
        alerts.forEach(sink::accept);
        return alerts;
    }

    /** One check: the value compared, the threshold it was compared with, and the outcome. */
    private record Check(BigDecimal observed, BigDecimal threshold, BigDecimal baseline, boolean breach, boolean good) {
    }

    private static void run(AlertRule rule, BigDecimal t, AlertSeries s, AlertSettings st, List<Alert> out) {
        List<Check> checks = checks(rule, t, s, st);
        int n = st.consecutiveBreaches();
        int m = st.clearAfter();
        Deque<Integer> breaches = new ArrayDeque<>();
        boolean active = false;
        int good = 0;
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            if (c == null) {
                breaches.clear();
                good = 0;
                continue;
            }
            if (!active) {
                if (!c.breach()) {
                    breaches.clear();
                    continue;
                }
                breaches.addLast(i);
                if (breaches.size() == n) {
                    out.add(alert(rule, s, c, breaches));
                    breaches.clear();
                    active = true;
                    good = 0;
                }
            } else if (c.good()) {
                if (++good >= m) {
                    active = false;
                    good = 0;
                }
            } else {
                good = 0;
            }
        }
    }

    private static Alert alert(AlertRule rule, AlertSeries s, Check last, Deque<Integer> indexes) {
        List<Observation> evidence = new ArrayList<>();
        for (int i : indexes) {
            evidence.add(s.observations().get(i));
        }
        String unit = rule.kind() == AlertRule.Kind.DRIFT ? "baseline_sd" : s.unit();
        return new Alert(rule, rule.severity(), s.measure().id(), unit, last.observed(), last.threshold(),
                last.baseline(), evidence.get(0).start(), evidence.get(evidence.size() - 1).end(), s.facilityId(),
                s.sensorId(), evidence);
    }

    private static List<Check> checks(AlertRule rule, BigDecimal t, AlertSeries s, AlertSettings st) {
        List<Check> out = new ArrayList<>(s.observations().size());
        switch (rule.kind()) {
            case THRESHOLD: {
                BigDecimal clear = st.clearLevel(rule, t);
                for (Observation o : s.observations()) {
                    out.add(o.isGap() ? null : compare(rule, o.value(), t, clear, null));
                }
                return out;
            }
            case SPIKE: {
                int w = st.spikeWindow();
                Deque<BigDecimal> window = new ArrayDeque<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (Observation o : s.observations()) {
                    if (o.isGap()) {
                        out.add(null);
                        continue;
                    }
                    if (window.size() < w) {
                        out.add(null);
                    } else {
                        BigDecimal mean = Decimals.divide(sum, BigDecimal.valueOf(w));
                        BigDecimal threshold = Decimals.normalize(t.multiply(mean));
                        out.add(compare(rule, o.value(), threshold, st.clearLevel(rule, threshold), mean));
                        sum = sum.subtract(window.removeFirst());
                    }
                    window.addLast(o.value());
                    sum = sum.add(o.value());
                }
                return out;
            }
            case DRIFT: {
                DriftTest test = DriftTest.of(st.driftBaselineWindow(), st.driftRecentWindow(), t);
                BigDecimal clear = st.clearLevel(rule, t);
                List<BigDecimal> values = new ArrayList<>();
                for (Observation o : s.observations()) {
                    if (o.isGap()) {
                        out.add(null);
                        continue;
                    }
                    values.add(o.value());
                    if (values.size() < test.span()) {
                        out.add(null);
                        continue;
                    }
                    DriftTest.Result r = test.test(values);
                    out.add(r.isEvaluable()
                            ? new Check(r.statistic(), t, r.baselineMean(), r.drift(), r.within(clear))
                            : null);
                }
                return out;
            }
            default:
                throw new AssertionError(rule.kind());
        }
    }

    private static Check compare(AlertRule rule, BigDecimal v, BigDecimal t, BigDecimal clear, BigDecimal baseline) {
        boolean above = rule.direction() == AlertRule.Direction.ABOVE;
        boolean breach = above ? v.compareTo(t) > 0 : v.compareTo(t) < 0;
        boolean good = above ? v.compareTo(clear) <= 0 : v.compareTo(clear) >= 0;
        return new Check(v, t, baseline, breach, good);
    }
}
