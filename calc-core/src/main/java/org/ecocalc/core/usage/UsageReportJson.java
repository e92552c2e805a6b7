package org.ecocalc.core.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.telemetry.RecordProblem;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link UsageReport} as usage report v1 JSON ({@code docs/schemas/usage-report.v1.json}):
 * decimals as plain-notation strings with trailing zeros stripped, instants in UTC, members in a fixed
 * order, LF line ends. The same report gives the same bytes.
 */
public final class UsageReportJson {
    /** The format id: {@value}. */
    public static final String FORMAT = "ecocalc.usage-report.v1";

    private UsageReportJson() {
    }

    /** The report as pretty JSON text. */
    public static String toJson(UsageReport r) {
        return Json.pretty(tree(r));
    }

    /** Writes the report to a stream (not closed). */
    public static void write(UsageReport r, OutputStream out) {
        try {
            out.write(toJson(r).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(UsageReport r) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ObjectNode engine = root.putObject("engine");
        engine.put("name", r.engineName());
        engine.put("version", r.engineVersion());
        ArrayNode by = root.putArray("group_by");
        r.grouping().dimensions().forEach(d -> by.add(d.id()));
        ObjectNode period = root.putObject("period");
        period.put("unit", r.grouping().period().unit().id());
        period.put("offset", r.grouping().period().offset().getId());
        putInstant(period, "from", r.grouping().period().from());
        putInstant(period, "to", r.grouping().period().to());
        ObjectNode gwp = root.putObject("gwp");
        gwp.put("set", r.settings().gwpSet().name());
        gwp.put("horizon", r.settings().gwpHorizon().years());
        ArrayNode packs = root.putArray("factor_packs");
        TreeMap<String, String> used = new TreeMap<>();
        for (ParameterUse u : r.total().parameters()) {
            used.put(pack(u.use().reference()), u.use().packDigest());
        }
        for (FactorUse u : r.total().gridFactors()) {
            used.put(pack(u.reference()), u.packDigest());
        }
        used.forEach((ref, digest) -> {
            ObjectNode p = packs.addObject();
            p.put("pack", ref);
            p.put("digest", digest);
        });
        ObjectNode input = root.putObject("input");
        input.put("events_read", r.read().records());
        input.put("events_refused", r.read().rejected());
        input.put("repeats_ignored", r.repeats());
        input.put("outside_range", r.outsideRange());
        input.put("events_counted", r.total().events());
        ArrayNode groups = root.putArray("groups");
        for (UsageGroup g : r.groups()) {
            groups.add(group(g, r.grouping().period().unit() != PeriodUnit.ALL));
        }
        root.set("total", group(r.total(), false));
        ObjectNode quality = root.putObject("problems");
        quality.put("count", r.problemCount());
        ArrayNode list = quality.putArray("listed");
        for (RecordProblem p : r.problems()) {
            list.add(problem(p));
        }
        return root;
    }

    /** One group as JSON (also used for test vectors and hosts). */
    public static ObjectNode group(UsageGroup g, boolean withPeriod) {
        ObjectNode n = Json.object();
        ObjectNode key = n.putObject("key");
        for (Map.Entry<UsageDimension, String> e : g.key().entrySet()) {
            if (e.getValue() == null) {
                key.putNull(e.getKey().id());
            } else {
                key.put(e.getKey().id(), e.getValue());
            }
        }
        if (withPeriod) {
            putInstant(n, "period_start", g.periodStart());
            putInstant(n, "period_end", g.periodEnd());
        }
        ObjectNode metrics = n.putObject("metrics");
        g.metrics().forEach((id, v) -> metrics.put(id, Json.decimal(v)));
        ObjectNode nc = n.putObject("not_computable");
        g.notComputable().forEach(nc::put);
        ObjectNode flags = n.putObject("flags");
        g.flags().forEach((f, c) -> flags.put(f.id(), c));
        ArrayNode factors = n.putArray("factors");
        for (ParameterUse u : g.parameters()) {
            ObjectNode f = factorUse(u.use());
            f.put("value_low", u.valueLow());
            f.put("value_high", u.valueHigh());
            factors.add(f);
        }
        ArrayNode grid = n.putArray("grid_factors");
        for (FactorUse u : g.gridFactors()) {
            grid.add(factorUse(u));
        }
        ObjectNode notes = n.putObject("notes");
        g.notes().forEach(notes::put);
        return n;
    }

    private static ObjectNode factorUse(FactorUse u) {
        ObjectNode f = Json.object();
        f.put("role", u.role());
        f.put("factor", u.reference());
        f.put("pack_digest", u.packDigest());
        if (u.value() != null) {
            f.put("value", u.value());
            f.put("unit", u.unit());
        }
        if (u.gwpSet() != null) {
            f.put("gwp_set", u.gwpSet());
        }
        f.put("match_level", u.level());
        f.put("confidence", u.confidence());
        f.put("citation", u.citation());
        ArrayNode trace = f.putArray("trace");
        u.trace().forEach(trace::add);
        f.put("events", u.records());
        return f;
    }

    private static String pack(String reference) {
        int colon = reference.indexOf(':');
        return colon < 0 ? reference : reference.substring(0, colon);
    }

    private static ObjectNode problem(RecordProblem p) {
        ObjectNode n = Json.object();
        n.put("source", p.location().source());
        n.put("index", p.location().index());
        n.put("line", p.location().line());
        if (p.key() != null) {
            n.put("key", p.key().toString());
        }
        n.put("severity", p.severity().id());
        n.put("code", p.code().id());
        n.put("pointer", p.problem().pointer());
        n.put("message", p.problem().message());
        return n;
    }

    private static void putInstant(ObjectNode n, String name, Instant i) {
        if (i == null) {
            n.putNull(name);
        } else {
            n.put(name, Json.instant(i));
        }
    }
}
