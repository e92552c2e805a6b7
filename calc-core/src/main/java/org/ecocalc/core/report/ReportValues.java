package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.telemetry.IdempotencyKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The metric values of a report, per group, with the records behind each: what alerts and the
 * what-if simulator read. Built from a {@link Report} in memory ({@link #from(Report)}) or read
 * back from its JSON ({@link #parse(String)}), which gives the same values: the report JSON holds
 * every value unrounded.
 *
 * <p>The reader is deliberately minimal: it reads {@code format}, {@code settings.period.unit},
 * {@code settings.wue_basis} and, for each group, its level, facility, period, covered span,
 * record count and each metric's value (or reason) and listed records. Metric ids it does not
 * know are skipped, so a report of a later engine with more metrics still reads. Immutable.
 */
public final class ReportValues {
    private final String periodUnit;
    private final String wueBasis;
    private final List<Group> groups;
    private final List<Group> facilities;
    private final Group total;

    private ReportValues(String periodUnit, String wueBasis, List<Group> groups, List<Group> facilities, Group total) {
        this.periodUnit = Objects.requireNonNull(periodUnit, "periodUnit");
        this.wueBasis = Objects.requireNonNull(wueBasis, "wueBasis");
        this.groups = List.copyOf(groups);
        this.facilities = List.copyOf(facilities);
        this.total = Objects.requireNonNull(total, "total");
    }

    /**
     * One metric of one group.
     *
     * @param value         the value, unrounded, or null when not computable
     * @param reason        why it is not computable, or null
     * @param unit          the unit
     * @param records       the keys of the records behind it ({@code source_id/external_event_id}), when listed
     * @param recordsListed whether {@code records} is the complete list (else the group's selector applies)
     */
    public record Value(BigDecimal value, String reason, String unit, List<String> records, boolean recordsListed) {
        public Value {
            Objects.requireNonNull(unit, "unit");
            records = List.copyOf(records);
            if (value != null) {
                value = Decimals.normalize(value);
            }
        }
    }

    /**
     * One group of a report.
     *
     * @param level        facility and period, facility, or total
     * @param facilityId   the facility, or null for the total
     * @param periodStart  the period's first instant, or null (facility totals, total, open range)
     * @param periodEnd    the first instant after the period, or null
     * @param coveredStart the earliest counted instant, or null when the group is empty
     * @param coveredEnd   the latest counted instant, or null
     * @param records      how many records contributed
     * @param metrics      the metrics read, in registry order
     */
    public record Group(GroupResult.Level level, String facilityId, Instant periodStart, Instant periodEnd,
            Instant coveredStart, Instant coveredEnd, long records, Map<Metric, Value> metrics) {
        public Group {
            Objects.requireNonNull(level, "level");
            Map<Metric, Value> copy = new EnumMap<>(Metric.class);
            copy.putAll(metrics);
            metrics = Collections.unmodifiableMap(copy);
        }

        /** The metric, or null when the report did not carry it. */
        public Value metric(Metric metric) {
            return metrics.get(metric);
        }

        /** The metric's value, or null when absent or not computable. */
        public BigDecimal value(Metric metric) {
            Value v = metrics.get(metric);
            return v == null ? null : v.value();
        }
    }

    /** The values of a report in memory. */
    public static ReportValues from(Report report) {
        Objects.requireNonNull(report, "report");
        List<Group> groups = new ArrayList<>();
        for (GroupResult g : report.groups()) {
            groups.add(group(g));
        }
        List<Group> facilities = new ArrayList<>();
        for (GroupResult g : report.facilities()) {
            facilities.add(group(g));
        }
        return new ReportValues(report.settings().period().unit().id(), report.settings().wueBasis().id(), groups,
                facilities, group(report.total()));
    }

    private static Group group(GroupResult g) {
        Map<Metric, Value> metrics = new EnumMap<>(Metric.class);
        for (MetricResult m : g.metrics().values()) {
            List<String> keys = new ArrayList<>();
            for (IdempotencyKey k : m.lineage().keys()) {
                keys.add(k.toString());
            }
            metrics.put(m.metric(), new Value(m.value(), m.reason(), m.unit(), keys, m.lineage().keysListed()));
        }
        return new Group(g.level(), g.facilityId(), g.periodStart(), g.periodEnd(), g.firstStart(), g.lastEnd(),
                g.records(), metrics);
    }

    /**
     * Reads the values back from report JSON ({@value ReportJson#FORMAT}).
     *
     * @throws EcoCalcException ({@link ErrorCode#MALFORMED_JSON}) for text that is not JSON, or
     *                          ({@link ErrorCode#INVALID_REPORT}) naming the field by JSON Pointer
     */
    public static ReportValues parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, "report: malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("", "a report is a JSON object");
        }
        String format = text(root, "", "/format");
        if (!ReportJson.FORMAT.equals(format)) {
            throw invalid("/format", "expected \"" + ReportJson.FORMAT + "\", got \"" + format + "\"");
        }
        String unit = text(root, "", "/settings/period/unit");
        String wue = text(root, "", "/settings/wue_basis");
        List<Group> groups = groups(root, "/results");
        List<Group> facilities = groups(root, "/facilities");
        JsonNode total = root.at("/total");
        if (!total.isObject()) {
            throw invalid("/total", "missing or not an object");
        }
        return new ReportValues(unit, wue, groups, facilities, readGroup(total, "/total"));
    }

    private static List<Group> groups(JsonNode root, String pointer) {
        JsonNode arr = root.at(pointer);
        if (!arr.isArray()) {
            throw invalid(pointer, "missing or not an array");
        }
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(readGroup(arr.get(i), pointer + "/" + i));
        }
        return out;
    }

    private static Group readGroup(JsonNode n, String at) {
        if (!n.isObject()) {
            throw invalid(at, "a group is an object");
        }
        String levelText = text(n, at, "/level");
        GroupResult.Level level;
        switch (levelText) {
            case "facility_period": level = GroupResult.Level.FACILITY_PERIOD; break;
            case "facility": level = GroupResult.Level.FACILITY; break;
            case "total": level = GroupResult.Level.TOTAL; break;
            default: throw invalid(at + "/level", "unknown level \"" + levelText + "\"");
        }
        String facility = level == GroupResult.Level.TOTAL ? null : text(n, at, "/facility_id");
        Instant ps = null;
        Instant pe = null;
        if (level == GroupResult.Level.FACILITY_PERIOD) {
            ps = instant(n, at, "/period/start");
            pe = instant(n, at, "/period/end");
        }
        Instant cs = instant(n, at, "/covered/start");
        Instant ce = instant(n, at, "/covered/end");
        JsonNode recs = n.get("records");
        if (recs == null || !recs.isIntegralNumber()) {
            throw invalid(at + "/records", "missing or not an integer");
        }
        Map<Metric, Value> metrics = new EnumMap<>(Metric.class);
        for (Section section : Section.values()) {
            JsonNode sec = n.get(section.id());
            if (sec == null) {
                continue;
            }
            if (!sec.isObject()) {
                throw invalid(at + "/" + section.id(), "a section is an object");
            }
            for (String id : sec.propertyNames()) {
                Metric metric;
                try {
                    metric = Metric.fromId(id);
                } catch (IllegalArgumentException e) {
                    continue; // a metric of a later engine: not read
                }
                metrics.put(metric, value(sec.get(id), at + "/" + section.id() + "/" + id));
            }
        }
        return new Group(level, facility, ps, pe, cs, ce, recs.longValue(), metrics);
    }

    private static Value value(JsonNode m, String at) {
        if (!m.isObject()) {
            throw invalid(at, "a metric is an object");
        }
        String unit = text(m, at, "/unit");
        BigDecimal value = null;
        String reason = null;
        JsonNode v = m.get("value");
        if (v != null) {
            if (!v.isString()) {
                throw invalid(at + "/value", "a value is a decimal string");
            }
            // A result, not an input: exact products may carry more digits than an input may.
            if (!Decimals.isPlainDecimal(v.stringValue())) {
                throw invalid(at + "/value", "not a plain decimal: \"" + v.stringValue() + "\"");
            }
            value = new BigDecimal(v.stringValue());
        } else {
            JsonNode r = m.get("not_computable");
            if (r == null || !r.isString()) {
                throw invalid(at, "a metric has a value or a not_computable reason");
            }
            reason = r.stringValue();
        }
        List<String> keys = new ArrayList<>();
        boolean listed = false;
        JsonNode lineage = m.get("lineage");
        if (lineage != null && lineage.isObject()) {
            JsonNode records = lineage.get("records");
            if (records != null && records.isArray()) {
                listed = true;
                for (JsonNode k : records) {
                    if (!k.isString()) {
                        throw invalid(at + "/lineage/records", "record keys are strings");
                    }
                    keys.add(k.stringValue());
                }
            }
        }
        return new Value(value, reason, unit, keys, listed);
    }

    private static Instant instant(JsonNode n, String at, String rel) {
        JsonNode v = n.at(rel);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw invalid(at + rel, "an instant is an ISO-8601 string");
        }
        try {
            return Instant.parse(v.stringValue());
        } catch (DateTimeParseException e) {
            throw invalid(at + rel, "not an ISO-8601 instant: " + v.stringValue());
        }
    }

    private static String text(JsonNode n, String at, String rel) {
        JsonNode v = n.at(rel);
        if (!v.isString()) {
            throw invalid(at + rel, "missing or not a string");
        }
        return v.stringValue();
    }

    private static EcoCalcException invalid(String pointer, String message) {
        return new EcoCalcException(ErrorCode.INVALID_REPORT, "report " + (pointer.isEmpty() ? "" : pointer + ": ")
                + message);
    }

    /** The grouping of the report's periods ({@code day}, {@code month}, …). */
    public String periodUnit() {
        return periodUnit;
    }

    /** The WUE numerator of the report ({@code withdrawal}, {@code cooling} or {@code consumption}). */
    public String wueBasis() {
        return wueBasis;
    }

    /** The facility-and-period groups, ordered by facility and period. */
    public List<Group> groups() {
        return groups;
    }

    /** One group per facility, over all periods. */
    public List<Group> facilities() {
        return facilities;
    }

    /** All facilities over all periods. */
    public Group total() {
        return total;
    }

    /** The facility total of one facility, or null. */
    public Group facility(String facilityId) {
        for (Group g : facilities) {
            if (g.facilityId().equals(facilityId)) {
                return g;
            }
        }
        return null;
    }
}
