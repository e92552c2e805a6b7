package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Series for alert tests: daily report values, or readings every 10 minutes. */
final class AlertFixtures {
    static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");

    private AlertFixtures() {
    }

    /** Daily observations of a report measure at fra-1; "-" is a gap. Records fra-1-bms/dN. */
    static AlertSeries daily(Measure m, String... values) {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant s = DAY0.plus(Duration.ofDays(i));
            BigDecimal v = values[i].equals("-") ? null : new BigDecimal(values[i]);
            obs.add(new Observation(s, s.plus(Duration.ofDays(1)), v, List.of("fra-1-bms/d" + i), true, 1));
        }
        return new AlertSeries("fra-1", m, null, m.unit(), obs);
    }

    /** Readings of one sensor every 10 minutes. */
    static AlertSeries sensor(String sensorId, Measure m, String... values) {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant t = DAY0.plus(Duration.ofMinutes(10L * i));
            obs.add(Observation.at(t, new BigDecimal(values[i]), sensorId + "@" + t));
        }
        return new AlertSeries("fra-1", m, sensorId, m.unit() == null ? "1" : m.unit(), obs);
    }

    static AlertSettings settings(int n, int clearAfter) {
        return AlertSettings.builder().consecutiveBreaches(n).clearAfter(clearAfter).build();
    }
}
