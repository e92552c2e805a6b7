package org.ecocalc.core.explain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.manifest.FactorPackRef;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Where an {@link Explainer} finds the factors applied to a result. {@link #NONE} for results
 * computed without factors; {@link #fromReportJson(String)} reads the {@code lineage.factors}
 * arrays of a report file. The calculation that applies factors supplies its own.
 */
@FunctionalInterface
public interface FactorLineage {
    /** No factors for any result. */
    FactorLineage NONE = (group, metric) -> List.of();

    /** The factors applied to one metric of one group, in the order applied; empty when none. */
    List<FactorApplication> factorsFor(GroupResult group, Metric metric);

    /**
     * The factors written in a report JSON: each metric's {@code lineage.factors}, when present.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) if a factor entry is malformed
     */
    static FactorLineage fromReportJson(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Objects.requireNonNull(json, "json"));
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the report is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, List<FactorApplication>> found = new HashMap<>();
        for (String list : new String[] {"results", "facilities"}) {
            JsonNode groups = root.get(list);
            if (groups != null && groups.isArray()) {
                for (int i = 0; i < groups.size(); i++) {
                    collect(groups.get(i), "/" + list + "/" + i, found);
                }
            }
        }
        if (root.get("total") != null) {
            collect(root.get("total"), "/total", found);
        }
        if (found.isEmpty()) {
            return NONE;
        }
        Map<String, List<FactorApplication>> map = Collections.unmodifiableMap(found);
        return (group, metric) -> map.getOrDefault(key(group.facilityId(), group.level() == GroupResult.Level.FACILITY_PERIOD
                ? String.valueOf(group.periodStart()) : group.level().name(), metric.id()), List.of());
    }

    private static void collect(JsonNode g, String at, Map<String, List<FactorApplication>> out) {
        JsonNode f = g.get("facility_id");
        JsonNode p = g.get("period");
        String facility = f == null ? null : f.asString();
        String period = p != null && p.get("start") != null && !p.get("start").isNull() ? p.get("start").asString()
                : p != null ? "null" : (f == null ? GroupResult.Level.TOTAL.name() : GroupResult.Level.FACILITY.name());
        for (String section : g.propertyNames()) {
            JsonNode sec = g.get(section);
            if (!sec.isObject()) {
                continue;
            }
            for (String id : sec.propertyNames()) {
                JsonNode lin = sec.get(id).get("lineage");
                JsonNode fs = lin == null ? null : lin.get("factors");
                if (fs == null) {
                    continue;
                }
                String fat = at + "/" + section + "/" + id + "/lineage/factors";
                if (!fs.isArray()) {
                    throw bad(fat, "must be an array");
                }
                List<FactorApplication> apps = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    apps.add(read(fs.get(i), fat + "/" + i));
                }
                out.put(key(facility, period, id), List.copyOf(apps));
            }
        }
    }

    private static String key(String facility, String period, String metric) {
        return facility + "|" + period + "|" + metric;
    }

    /** Reads one entry of {@code lineage.factors}. */
    static FactorApplication read(JsonNode n, String at) {
        if (!n.isObject()) {
            throw bad(at, "a factor application is a JSON object");
        }
        JsonNode pack = n.get("pack");
        if (pack == null || !pack.isObject()) {
            throw bad(at + "/pack", "missing or not an object");
        }
        List<String> trace = new ArrayList<>();
        JsonNode t = n.get("trace");
        if (t != null) {
            for (JsonNode s : t) {
                trace.add(s.asString());
            }
        }
        try {
            return new FactorApplication(req(n, "factor_id", at), req(n, "factor_version", at),
                    new FactorPackRef(req(pack, "id", at + "/pack"), req(pack, "version", at + "/pack"),
                            req(pack, "digest", at + "/pack")),
                    dec(n, "value", at), req(n, "unit", at), opt(n, "gas"), opt(n, "region"), req(n, "match_level", at),
                    req(n, "confidence", at), req(n, "citation", at), opt(n, "source_url"), trace, opt(n, "input"),
                    dec(n, "amount", at));
        } catch (IllegalArgumentException e) {
            throw bad(at, e.getMessage());
        }
    }

    private static String req(JsonNode n, String name, String at) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            throw bad(at + "/" + name, v == null ? "missing" : "must be a string");
        }
        return v.stringValue();
    }

    private static String opt(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static BigDecimal dec(JsonNode n, String name, String at) {
        String s = opt(n, name);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw bad(at + "/" + name, "not a decimal: \"" + s + "\"");
        }
    }

    private static EcoCalcException bad(String at, String message) {
        return new EcoCalcException(ErrorCode.INVALID_REPORT, "invalid report at " + at + ": " + message);
    }
}
