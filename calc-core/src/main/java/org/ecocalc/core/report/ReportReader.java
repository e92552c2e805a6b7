package org.ecocalc.core.report;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.Problem;
import org.ecocalc.core.Severity;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryField;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code ecocalc.report/1} back into a {@link Report}: the inverse of {@link ReportJson},
 * so that {@code toJson(parse(text))} gives {@code text} back for any text {@code toJson} wrote.
 * Strict: a missing member, a wrong type, an unknown metric id or a unit that is not the metric's
 * is refused with an {@link InvalidReportException} ({@link ErrorCode#INVALID_REPORT}) naming the member by
 * JSON Pointer.
 */
final class ReportReader {
    /** Top-level members besides those of {@code ecocalc.report/1} that a reader accepts and leaves to others. */
    static final Set<String> EXTENSIONS = Set.of("manifest");

    private final MethodSettings settings;

    private ReportReader(MethodSettings settings) {
        this.settings = settings;
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the report is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Report read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad("", "a report is a JSON object");
        }
        String format = text(root, "format", "");
        if (!ReportJson.FORMAT.equals(format)) {
            throw bad("/format", "expected \"" + ReportJson.FORMAT + "\", got \"" + format + "\"");
        }
        for (Iterator<String> it = root.propertyNames().iterator(); it.hasNext();) {
            String name = it.next();
            if (!Set.of("format", "engine", "settings", "dataset", "results", "facilities", "total", "data_quality",
                    "lineage").contains(name) && !EXTENSIONS.contains(name)) {
                throw bad("/" + name, "unknown member \"" + name + "\"");
            }
        }
        JsonNode engine = object(root, "engine", "");
        MethodSettings settings;
        try {
            settings = SettingsJson.fromNode(object(root, "settings", ""));
        } catch (InvalidSettingsException e) {
            throw bad("/settings" + e.pointer(), e.problem().message());
        }
        ReportReader r = new ReportReader(settings);
        JsonNode ds = object(root, "dataset", "");
        List<IdempotencyKey> conflicts = new ArrayList<>();
        JsonNode cs = array(ds, "conflicts", "/dataset");
        for (int i = 0; i < cs.size(); i++) {
            conflicts.add(key(cs.get(i), "/dataset/conflicts/" + i));
        }
        DatasetSummary dataset = new DatasetSummary(text(ds, "digest", "/dataset"), count(ds, "records", "/dataset"),
                count(ds, "duplicates", "/dataset"), conflicts);
        List<GroupResult> groups = new ArrayList<>();
        JsonNode gs = array(root, "results", "");
        for (int i = 0; i < gs.size(); i++) {
            groups.add(r.group(gs.get(i), "/results/" + i, GroupResult.Level.FACILITY_PERIOD));
        }
        List<GroupResult> facilities = new ArrayList<>();
        JsonNode fs = array(root, "facilities", "");
        for (int i = 0; i < fs.size(); i++) {
            facilities.add(r.group(fs.get(i), "/facilities/" + i, GroupResult.Level.FACILITY));
        }
        GroupResult total = r.group(object(root, "total", ""), "/total", GroupResult.Level.TOTAL);
        JsonNode dq = object(root, "data_quality", "");
        List<RecordProblem> problems = new ArrayList<>();
        JsonNode ps = array(dq, "problems", "/data_quality");
        for (int i = 0; i < ps.size(); i++) {
            problems.add(problem(ps.get(i), "/data_quality/problems/" + i));
        }
        return new Report(text(engine, "name", "/engine"), text(engine, "version", "/engine"), settings, dataset,
                count(dq, "rejected_records", "/data_quality"), problems, count(dq, "problem_count", "/data_quality"),
                new ReportAccumulator.Results(groups, facilities, total));
    }

    private GroupResult group(JsonNode g, String at, GroupResult.Level expected) {
        if (!g.isObject()) {
            throw bad(at, "a group is a JSON object");
        }
        String level = text(g, "level", at);
        if (!expected.name().toLowerCase(Locale.ROOT).equals(level)) {
            throw bad(at + "/level", "expected \"" + expected.name().toLowerCase(Locale.ROOT) + "\", got \"" + level + "\"");
        }
        String facility = expected == GroupResult.Level.TOTAL ? null : text(g, "facility_id", at);
        Instant start = settings.period().from();
        Instant end = settings.period().to();
        if (expected == GroupResult.Level.FACILITY_PERIOD) {
            JsonNode period = object(g, "period", at);
            start = instantOrNull(period, "start", at + "/period");
            end = instantOrNull(period, "end", at + "/period");
        }
        JsonNode covered = object(g, "covered", at);
        Map<Metric, MetricResult> metrics = new EnumMap<>(Metric.class);
        for (Iterator<String> it = g.propertyNames().iterator(); it.hasNext();) {
            String name = it.next();
            if (Set.of("level", "facility_id", "period", "covered", "records").contains(name)) {
                continue;
            }
            Section section = section(name, at + "/" + name);
            JsonNode sec = g.get(name);
            if (!sec.isObject()) {
                throw bad(at + "/" + name, "a section is a JSON object");
            }
            for (Iterator<String> ms = sec.propertyNames().iterator(); ms.hasNext();) {
                String id = ms.next();
                String mat = at + "/" + name + "/" + id;
                Metric m = metric(id, mat);
                if (m.section() != section) {
                    throw bad(mat, "metric " + id + " does not belong in section " + name);
                }
                metrics.put(m, metric(m, sec.get(id), mat, facility, start, end));
            }
        }
        return new GroupResult(expected, facility, start, end, instantOrNull(covered, "start", at + "/covered"),
                instantOrNull(covered, "end", at + "/covered"), count(g, "records", at), metrics);
    }

    private static MetricResult metric(Metric m, JsonNode n, String at, String facility, Instant start, Instant end) {
        if (!n.isObject()) {
            throw bad(at, "a metric is a JSON object");
        }
        String unit = text(n, "unit", at);
        if (!unit.equals(m.unit())) {
            throw bad(at + "/unit", "the unit of " + m.id() + " is \"" + m.unit() + "\", not \"" + unit + "\"");
        }
        JsonNode lin = object(n, "lineage", at);
        JsonNode in = object(lin, "inputs", at + "/lineage");
        List<Lineage.Input> inputs = new ArrayList<>();
        for (Iterator<String> it = in.propertyNames().iterator(); it.hasNext();) {
            String pointer = it.next();
            TelemetryField f = TelemetryField.fromPointer(pointer);
            if (f == null) {
                throw bad(at + "/lineage/inputs", "unknown input field \"" + pointer + "\"");
            }
            inputs.add(new Lineage.Input(f, count(in, pointer, at + "/lineage/inputs")));
        }
        List<IdempotencyKey> keys = new ArrayList<>();
        boolean listed = lin.has("records");
        if (listed) {
            JsonNode ks = array(lin, "records", at + "/lineage");
            for (int i = 0; i < ks.size(); i++) {
                keys.add(key(ks.get(i), at + "/lineage/records/" + i));
            }
        } else if (!lin.has("records_listed")) {
            throw bad(at + "/lineage", "a lineage has \"records\" or \"records_listed\": false");
        }
        List<FactorUse> factors = new ArrayList<>();
        if (lin.has("factors")) {
            JsonNode fs = array(lin, "factors", at + "/lineage");
            for (int i = 0; i < fs.size(); i++) {
                factors.add(factorUse(fs.get(i), at + "/lineage/factors/" + i));
            }
        }
        List<String> notes = new ArrayList<>();
        if (lin.has("notes")) {
            JsonNode ns = array(lin, "notes", at + "/lineage");
            for (int i = 0; i < ns.size(); i++) {
                if (!ns.get(i).isString()) {
                    throw bad(at + "/lineage/notes/" + i, "a note is a string");
                }
                notes.add(ns.get(i).stringValue());
            }
        }
        Lineage lineage = new Lineage(facility, start, end, inputs, keys, listed, factors, notes);
        MetricResult result;
        if (n.has("value")) {
            result = MetricResult.computed(m, decimal(n, "value", at), lineage);
        } else {
            result = MetricResult.notComputable(m, text(n, "not_computable", at), lineage);
        }
        return n.has("confidence") ? result.withConfidence(decimal(n, "confidence", at)) : result;
    }

    private static BigDecimal decimal(JsonNode n, String name, String at) {
        String v = text(n, name, at);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw bad(at + "/" + name, "not a decimal: \"" + v + "\"");
        }
    }

    /** One entry of {@code lineage.factors}, as {@link ReportJson} writes it. */
    private static FactorUse factorUse(JsonNode f, String at) {
        if (!f.isObject()) {
            throw bad(at, "a factor use is a JSON object");
        }
        List<String> trace = new ArrayList<>();
        JsonNode t = array(f, "trace", at);
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isString()) {
                throw bad(at + "/trace/" + i, "a trace step is a string");
            }
            trace.add(t.get(i).stringValue());
        }
        return new FactorUse(text(f, "role", at), text(f, "factor", at), text(f, "pack_digest", at),
                optionalText(f, "value", at), optionalText(f, "unit", at), optionalText(f, "gwp_set", at),
                text(f, "match_level", at), text(f, "confidence", at), text(f, "citation", at), trace,
                count(f, "records", at));
    }

    private static String optionalText(JsonNode n, String name, String at) {
        return n.has(name) ? text(n, name, at) : null;
    }

    private static RecordProblem problem(JsonNode p, String at) {
        if (!p.isObject()) {
            throw bad(at, "a problem is a JSON object");
        }
        RecordLocation where = new RecordLocation(text(p, "source", at), count(p, "index", at), count(p, "line", at));
        IdempotencyKey key = p.has("key") ? key(p.get("key"), at + "/key") : null;
        String sev = text(p, "severity", at);
        Severity severity = null;
        for (Severity s : Severity.values()) {
            if (s.id().equals(sev)) {
                severity = s;
            }
        }
        if (severity == null) {
            throw bad(at + "/severity", "unknown severity \"" + sev + "\"");
        }
        ErrorCode code;
        try {
            code = ErrorCode.fromId(text(p, "code", at));
        } catch (IllegalArgumentException e) {
            throw bad(at + "/code", e.getMessage());
        }
        return new RecordProblem(where, key, new Problem(code, severity, text(p, "pointer", at), text(p, "message", at)));
    }

    private static Section section(String name, String at) {
        for (Section s : Section.values()) {
            if (s.id().equals(name)) {
                return s;
            }
        }
        throw bad(at, "unknown member \"" + name + "\" (not a section)");
    }

    private static Metric metric(String id, String at) {
        for (Metric m : Metric.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new InvalidReportException(at, "unknown metric id \"" + id + "\" (a report written by a newer engine?)");
    }

    private static IdempotencyKey key(JsonNode n, String at) {
        if (!n.isString()) {
            throw bad(at, "an idempotency key is a string source_id/external_event_id");
        }
        try {
            return IdempotencyKey.parse(n.stringValue());
        } catch (EcoCalcException e) {
            throw bad(at, "not an idempotency key: " + e.getMessage());
        }
    }

    private static JsonNode object(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isObject()) {
            throw bad(at + "/" + name, v == null ? "missing" : "must be a JSON object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isArray()) {
            throw bad(at + "/" + name, v == null ? "missing" : "must be a JSON array");
        }
        return v;
    }

    private static String text(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            throw bad(at + "/" + escape(name), v == null ? "missing" : "must be a string");
        }
        return v.stringValue();
    }

    private static long count(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw bad(at + "/" + escape(name), v == null ? "missing" : "must be a non-negative integer");
        }
        return v.longValue();
    }

    private static Instant instantOrNull(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null) {
            throw bad(at + "/" + name, "missing");
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw bad(at + "/" + name, "must be a string or null");
        }
        try {
            return Instant.parse(v.stringValue());
        } catch (DateTimeException e) {
            throw bad(at + "/" + name, "not an instant: \"" + v.stringValue() + "\"");
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static InvalidReportException bad(String pointer, String message) {
        return new InvalidReportException(pointer, message);
    }
}
