package org.ecocalc.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.RecordProblem;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Report} ({@code ecocalc.report/1}): snake_case, decimals as
 * plain-notation strings, instants in UTC, groups ordered by facility and period, metrics in
 * registry order within sections, LF line ends. The same report always gives the same bytes.
 * The layout is described in {@code docs/report-format.md}.
 */
public final class ReportJson {
    /** The format identifier written in every report. */
    public static final String FORMAT = "ecocalc.report/1";

    private ReportJson() {
    }

    /** The report as pretty JSON text (two-space indent, LF, final LF). */
    public static String toJson(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #toJson(Report)} as UTF-8, streaming: one group's tree at a time is in memory,
     * so a report of any number of groups is written in bounded memory. The stream is not closed.
     */
    public static void write(Report report, OutputStream out) {
        write(report, out, null, null);
    }

    /**
     * Writes the report, then one more top-level member when {@code name} is not null (a run's
     * {@code manifest}), then the final LF. The stream is not closed.
     */
    public static void write(Report r, OutputStream out, String name, JsonNode member) {
        try {
            try (JsonGenerator g = Json.prettyGenerator(out)) {
                g.writeStartObject();
                g.writeStringProperty("format", FORMAT);
                ObjectNode engine = Json.object();
                engine.put("name", r.engineName());
                engine.put("version", r.engineVersion());
                g.writeName("engine");
                g.writeTree(engine);
                g.writeName("settings");
                g.writeTree(SettingsJson.toNode(r.settings()));
                g.writeName("dataset");
                g.writeTree(dataset(r));
                g.writeName("results");
                g.writeStartArray();
                for (GroupResult gr : r.groups()) {
                    g.writeTree(group(gr));
                }
                g.writeEndArray();
                g.writeName("facilities");
                g.writeStartArray();
                for (GroupResult gr : r.facilities()) {
                    g.writeTree(group(gr));
                }
                g.writeEndArray();
                g.writeName("total");
                g.writeTree(group(r.total()));
                g.writeName("data_quality");
                g.writeTree(quality(r));
                g.writeName("lineage");
                g.writeTree(lineage(r));
                if (name != null) {
                    g.writeName(name);
                    g.writeTree(member);
                }
                g.writeEndObject();
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code sha256:} of the RFC 8785 canonical bytes of {@link #toResultsJson(Report)}, computed
     * one group at a time: canonical JSON is compositional (an object's members are sorted and its
     * values written canonically, each on its own), so the document's canonical bytes are
     * {@code {"facilities":[c(f1),…],"results":[c(g1),…],"total":c(t)}} with c the canonical form
     * of one group. Equal to hashing the canonical document whole ({@code ResultsDigestTest}), in
     * memory bounded by one group.
     */
    public static String resultsDigest(Report r) {
        MessageDigest sha = CanonicalJson.newSha256();
        sha.update("{\"facilities\":[".getBytes(StandardCharsets.US_ASCII));
        canonicalGroups(r.facilities(), sha);
        sha.update("],\"results\":[".getBytes(StandardCharsets.US_ASCII));
        canonicalGroups(r.groups(), sha);
        sha.update("],\"total\":".getBytes(StandardCharsets.US_ASCII));
        sha.update(CanonicalJson.canonicalize(group(r.total())));
        sha.update((byte) '}');
        return CanonicalJson.DIGEST_PREFIX + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void canonicalGroups(List<GroupResult> groups, MessageDigest sha) {
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                sha.update((byte) ',');
            }
            sha.update(CanonicalJson.canonicalize(group(groups.get(i))));
        }
    }

    /**
     * Reads a report written by {@link #toJson(Report)} back: {@code toJson(parse(text))} equals
     * {@code text}. A top-level {@code manifest} member (see
     * {@code org.ecocalc.core.manifest.RunJson}) is accepted and ignored here.
     *
     * @throws InvalidReportException ({@link ErrorCode#INVALID_REPORT}) naming the offending member by
     *                          JSON Pointer ({@link InvalidReportException#pointer()}), for example when a
     *                          metric id is unknown to this engine
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) when the text is not JSON
     */
    public static Report parse(String json) {
        Objects.requireNonNull(json, "json");
        return ReportReader.read(ReportReader.tree(json));
    }

    /**
     * The results document of a report: a JSON object with exactly the members {@code results},
     * {@code facilities} and {@code total}, as {@link #toJson(Report)} writes them. Its RFC 8785
     * canonical bytes are what a run manifest's {@code results} hash is computed over (see
     * {@code docs/run-manifest.md}); anyone can rebuild it from a report file by keeping those
     * three members.
     */
    public static String toResultsJson(Report report) {
        ObjectNode full = toNode(report);
        ObjectNode n = Json.object();
        n.set("results", full.get("results"));
        n.set("facilities", full.get("facilities"));
        n.set("total", full.get("total"));
        return Json.compact(n);
    }

    static ObjectNode toNode(Report r) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ObjectNode engine = root.putObject("engine");
        engine.put("name", r.engineName());
        engine.put("version", r.engineVersion());
        root.set("settings", SettingsJson.toNode(r.settings()));
        root.set("dataset", dataset(r));
        ArrayNode groups = root.putArray("results");
        for (GroupResult g : r.groups()) {
            groups.add(group(g));
        }
        ArrayNode facilities = root.putArray("facilities");
        for (GroupResult g : r.facilities()) {
            facilities.add(group(g));
        }
        root.set("total", group(r.total()));
        root.set("data_quality", quality(r));
        root.set("lineage", lineage(r));
        return root;
    }

    private static ObjectNode dataset(Report r) {
        ObjectNode dataset = Json.object();
        dataset.put("digest", r.dataset().digest());
        dataset.put("records", r.dataset().records());
        dataset.put("duplicates", r.dataset().duplicates());
        ArrayNode conflicts = dataset.putArray("conflicts");
        for (IdempotencyKey k : r.dataset().conflicts()) {
            conflicts.add(k.toString());
        }
        return dataset;
    }

    private static ObjectNode quality(Report r) {
        ObjectNode quality = Json.object();
        quality.put("rejected_records", r.rejected());
        quality.put("problem_count", r.problemCount());
        ArrayNode problems = quality.putArray("problems");
        for (RecordProblem p : r.problems()) {
            problems.add(problem(p));
        }
        return quality;
    }

    private static ObjectNode lineage(Report r) {
        ObjectNode lineage = Json.object();
        lineage.put("dataset", r.dataset().digest());
        lineage.put("records", r.dataset().records());
        lineage.put("key_limit", r.settings().lineageKeyLimit());
        lineage.put("selector", "a result's records are the data set's records of its facility whose interval "
                + "overlaps its period and that report at least one of its inputs");
        return lineage;
    }

    private static ObjectNode group(GroupResult g) {
        ObjectNode n = Json.object();
        n.put("level", g.level().name().toLowerCase(java.util.Locale.ROOT));
        if (g.facilityId() != null) {
            n.put("facility_id", g.facilityId());
        }
        if (g.level() == GroupResult.Level.FACILITY_PERIOD) {
            ObjectNode period = n.putObject("period");
            putInstant(period, "start", g.periodStart());
            putInstant(period, "end", g.periodEnd());
        }
        ObjectNode covered = n.putObject("covered");
        putInstant(covered, "start", g.firstStart());
        putInstant(covered, "end", g.lastEnd());
        n.put("records", g.records());
        for (Section section : Section.values()) {
            ObjectNode sec = null;
            for (MetricResult m : g.metrics().values()) {
                if (m.metric().section() != section) {
                    continue;
                }
                if (sec == null) {
                    sec = n.putObject(section.id());
                }
                sec.set(m.metric().id(), metric(m));
            }
        }
        return n;
    }

    private static ObjectNode metric(MetricResult m) {
        ObjectNode n = Json.object();
        if (m.isComputed()) {
            n.put("value", Json.decimal(m.value()));
        } else {
            n.put("not_computable", m.reason());
        }
        n.put("unit", m.unit());
        if (m.confidence() != null) {
            n.put("confidence", Json.decimal(m.confidence()));
        }
        ObjectNode lineage = n.putObject("lineage");
        ObjectNode inputs = lineage.putObject("inputs");
        for (Lineage.Input i : m.lineage().inputs()) {
            inputs.put(i.field().pointer(), i.records());
        }
        if (m.lineage().keysListed()) {
            ArrayNode keys = lineage.putArray("records");
            for (IdempotencyKey k : m.lineage().keys()) {
                keys.add(k.toString());
            }
        } else {
            lineage.put("records_listed", false);
        }
        if (!m.lineage().factors().isEmpty()) {
            ArrayNode factors = lineage.putArray("factors");
            for (FactorUse u : m.lineage().factors()) {
                factors.add(factorUse(u));
            }
        }
        if (!m.lineage().notes().isEmpty()) {
            ArrayNode notes = lineage.putArray("notes");
            m.lineage().notes().forEach(notes::add);
        }
        return n;
    }

    static ObjectNode factorUse(FactorUse u) {
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
        f.put("records", u.records());
        return f;
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
