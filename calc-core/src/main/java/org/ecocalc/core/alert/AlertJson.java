package org.ecocalc.core.alert;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an {@link Alert} ({@value #FORMAT}, schema {@code docs/schemas/alert.v1.json}):
 * snake_case, decimals as plain-notation strings, instants in UTC, optional members omitted.
 * {@link #toJsonLine(Alert)} is the RFC 8785 canonical text, one line, ready for JSON Lines or an
 * append-only log; {@link #auditData(Alert)} is the flat string map of an audit event.
 */
public final class AlertJson {
    /** The format identifier written in every alert. */
    public static final String FORMAT = "ecocalc.alert/1";

    private AlertJson() {
    }

    /** The alert as a JSON object, with its {@code alert_id}. */
    public static ObjectNode toNode(Alert a) {
        ObjectNode n = body(a);
        n.put("alert_id", id(a));
        return n;
    }

    private static ObjectNode body(Alert a) {
        Objects.requireNonNull(a, "alert");
        ObjectNode n = Json.object();
        n.put("format", FORMAT);
        n.put("rule", a.rule().id());
        n.put("severity", a.severity().id());
        n.put("metric", a.metric());
        n.put("unit", a.unit());
        n.put("observed", Json.decimal(a.observed()));
        n.put("threshold", Json.decimal(a.threshold()));
        if (a.baseline() != null) {
            n.put("baseline", Json.decimal(a.baseline()));
        }
        n.put("facility_id", a.facilityId());
        if (a.sensorId() != null) {
            n.put("sensor_id", a.sensorId());
        }
        ObjectNode interval = n.putObject("interval");
        interval.put("start", Json.instant(a.start()));
        interval.put("end", Json.instant(a.end()));
        ArrayNode evidence = n.putArray("evidence");
        for (Observation o : a.evidence()) {
            ObjectNode e = evidence.addObject();
            e.put("start", Json.instant(o.start()));
            e.put("end", Json.instant(o.end()));
            e.put("value", Json.decimal(o.value()));
            e.put("record_count", o.recordCount());
            e.put("records_listed", o.recordsListed());
            ArrayNode records = e.putArray("records");
            o.records().forEach(records::add);
        }
        return n;
    }

    /** The canonical JSON text (RFC 8785) of the alert, on one line, without a line end. */
    public static String toJsonLine(Alert a) {
        return CanonicalJson.canonicalString(Json.compact(toNode(a)));
    }

    /** The alert as pretty JSON (two-space indent, LF, final LF). */
    public static String toJson(Alert a) {
        return Json.pretty(toNode(a));
    }

    /**
     * The alert's id: {@code sha256:} of the canonical JSON of the alert without
     * {@code alert_id}. The same alert always has the same id, so a log can recognise a repeat.
     */
    public static String id(Alert a) {
        return CanonicalJson.digest(Json.compact(body(a)));
    }

    /**
     * The alert as the flat, sorted string map of an audit event: {@code alert_id}, {@code rule},
     * {@code severity}, {@code metric}, {@code unit}, {@code observed}, {@code threshold},
     * {@code facility_id}, {@code sensor_id} (when a sensor), {@code start}, {@code end},
     * {@code records} (how many records are behind it) and {@code alert} (the canonical JSON).
     */
    public static SortedMap<String, String> auditData(Alert a) {
        SortedMap<String, String> d = new TreeMap<>();
        d.put("alert_id", id(a));
        d.put("rule", a.rule().id());
        d.put("severity", a.severity().id());
        d.put("metric", a.metric());
        d.put("unit", a.unit());
        d.put("observed", Json.decimal(a.observed()));
        d.put("threshold", Json.decimal(a.threshold()));
        d.put("facility_id", a.facilityId());
        if (a.sensorId() != null) {
            d.put("sensor_id", a.sensorId());
        }
        d.put("start", Json.instant(a.start()));
        d.put("end", Json.instant(a.end()));
        long records = 0;
        for (Observation o : a.evidence()) {
            records += o.recordCount();
        }
        d.put("records", Long.toString(records));
        d.put("alert", toJsonLine(a));
        return d;
    }
}
