package org.ecocalc.core.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.report.ReportValues;

/**
 * An ordered series of observations of one measure at one facility (and one sensor, for sensor
 * readings): the input of {@link Alerts#evaluate(AlertSeries, AlertSettings)}.
 *
 * @param facilityId   the facility
 * @param measure      what the values measure
 * @param sensorId     the sensor, or null for a report metric
 * @param unit         the unit of the values
 * @param observations the values, ordered by start (strictly increasing)
 */
public record AlertSeries(String facilityId, Measure measure, String sensorId, String unit,
        List<Observation> observations) {
    /** Orders series by facility, sensor (report metrics first), then measure. */
    public static final Comparator<AlertSeries> ORDER = Comparator.comparing(AlertSeries::facilityId)
            .thenComparing(s -> s.sensorId() == null ? "" : s.sensorId())
            .thenComparing(AlertSeries::measure);

    public AlertSeries {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(unit, "unit");
        if (measure.isSensor() != (sensorId != null)) {
            throw new IllegalArgumentException("a sensor measure needs a sensor id, and a report metric has none");
        }
        observations = List.copyOf(observations);
        for (int i = 1; i < observations.size(); i++) {
            if (!observations.get(i).start().isAfter(observations.get(i - 1).start())) {
                throw new IllegalArgumentException("observations must be ordered by start, strictly increasing: "
                        + observations.get(i - 1).start() + " then " + observations.get(i).start());
            }
        }
    }

    /**
     * The series of a report: for each facility and each report measure ({@link Measure#metric()}
     * not null), one observation per reporting period, in period order, backed by the records of
     * the metric's lineage. A period whose metric is not computable is a gap. A series without any
     * computable value is left out. Ordered by {@link #ORDER}.
     */
    public static List<AlertSeries> fromReport(ReportValues report) {
        Objects.requireNonNull(report, "report");
        Map<String, List<ReportValues.Group>> byFacility = new TreeMap<>();
        for (ReportValues.Group g : report.groups()) {
            byFacility.computeIfAbsent(g.facilityId(), k -> new ArrayList<>()).add(g);
        }
        List<AlertSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<ReportValues.Group>> e : byFacility.entrySet()) {
            List<ReportValues.Group> groups = new ArrayList<>(e.getValue());
            groups.sort(Comparator.comparing(ReportValues.Group::periodStart,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            for (Measure m : Measure.values()) {
                if (m.isSensor()) {
                    continue;
                }
                List<Observation> obs = new ArrayList<>();
                boolean any = false;
                for (ReportValues.Group g : groups) {
                    ReportValues.Value v = g.metric(m.metric());
                    Instant start = g.periodStart() != null ? g.periodStart() : g.coveredStart();
                    Instant end = g.periodEnd() != null ? g.periodEnd() : g.coveredEnd();
                    if (start == null || end == null) {
                        continue; // an empty group of an open range: nothing to observe
                    }
                    if (v == null) {
                        obs.add(new Observation(start, end, null, List.of(), false, g.records()));
                        continue;
                    }
                    any |= v.value() != null;
                    obs.add(new Observation(start, end, v.value(), v.records(), v.recordsListed(), g.records()));
                }
                if (any) {
                    out.add(new AlertSeries(e.getKey(), m, null, m.unit(), obs));
                }
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * The series of sensor readings: one per facility and sensor, ordered by time. Readings are
     * those a {@link SensorReadingReader} accepted (so already free of conflicting repeats);
     * an exact repeat (same sensor, instant and value) is kept once.
     *
     * @throws EcoCalcException ({@link ErrorCode#CONFLICTING_DUPLICATE}) for two readings of one
     *                          sensor at one instant with different values, or
     *                          ({@link ErrorCode#UNIT_DIMENSION_MISMATCH}) for one sensor reporting
     *                          two kinds or units
     */
    public static List<AlertSeries> fromSensors(Collection<SensorReading> readings) {
        Objects.requireNonNull(readings, "readings");
        Map<String, Map<String, List<SensorReading>>> grouped = new TreeMap<>();
        for (SensorReading r : readings) {
            grouped.computeIfAbsent(r.facilityId(), k -> new TreeMap<>())
                    .computeIfAbsent(r.sensorId(), k -> new ArrayList<>()).add(r);
        }
        List<AlertSeries> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<SensorReading>>> f : grouped.entrySet()) {
            for (Map.Entry<String, List<SensorReading>> s : f.getValue().entrySet()) {
                List<SensorReading> rs = new ArrayList<>(s.getValue());
                rs.sort(Comparator.comparing(SensorReading::observedAt));
                SensorReading first = rs.get(0);
                List<Observation> obs = new ArrayList<>();
                SensorReading prev = null;
                for (SensorReading r : rs) {
                    if (r.kind() != first.kind() || !r.unit().equals(first.unit())) {
                        throw new EcoCalcException(ErrorCode.UNIT_DIMENSION_MISMATCH, "sensor " + r.sensorId()
                                + " reports both " + first.kind().id() + " in " + first.unit() + " and "
                                + r.kind().id() + " in " + r.unit());
                    }
                    if (prev != null && prev.observedAt().equals(r.observedAt())) {
                        if (prev.value().compareTo(r.value()) != 0) {
                            throw new EcoCalcException(ErrorCode.CONFLICTING_DUPLICATE, "sensor " + r.sensorId()
                                    + " has two different readings at " + r.observedAt());
                        }
                        continue;
                    }
                    obs.add(Observation.at(r.observedAt(), r.value(), r.reference()));
                    prev = r;
                }
                out.add(new AlertSeries(f.getKey(), first.kind().measure(), s.getKey(), first.unit(), obs));
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }
}
