package org.ecocalc.core.audit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.FactorPackRef;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.MetricResult;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.Place;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.TelemetryField;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit pack of a run: one zip an auditor can check without ecocalc, with the layout of the
 * seed playbook (see {@code docs/audit-pack.md}):
 *
 * <pre>
 * README.md                  what the pack holds and how to check it
 * run-manifest.json          the run manifest (hashes, run id, signature)
 * report.json                the report with its manifest
 * activity-data.csv / .json  the records the run used, normalised, by idempotency key
 * asset-registry.json        the asset registry, canonical (only when the run had assets)
 * factors-used.csv           each factor applied, by metric and group
 * factor-citations.json      the full citation of each factor used
 * methodology-config.json    the settings, their hash, the engine, the formulas
 * calculation-results.csv    every metric of every group
 * change-log.csv             the audit log's events (audit-log.jsonl: the log itself)
 * evidence-manifest.json     each evidence file with its SHA-256; evidence/…: the files
 * checksums.sha256           SHA-256 of every other file (sha256sum -c checks it)
 * </pre>
 *
 * <p>Deterministic: the same run, inputs, evidence and log give the same zip, byte for byte
 * (fixed entry order, fixed time stamps, stored entries). The pack is built in memory.
 */
public final class AuditPack {
    /** The entry listing every other entry's SHA-256. */
    public static final String CHECKSUMS = "checksums.sha256";
    /** The entry holding the run's asset registry, when it had one. */
    public static final String ASSET_REGISTRY = "asset-registry.json";
    /** The evidence manifest's format identifier. */
    public static final String EVIDENCE_FORMAT = "ecocalc.evidence-manifest/1";

    private static final HexFormat HEX = HexFormat.of();

    private AuditPack() {
    }

    /** A builder of the pack of {@code run}. */
    public static Builder builder(CalculationRun run) {
        return new Builder(run);
    }

    /** Builds an audit pack. */
    public static final class Builder {
        private final CalculationRun run;
        private Path inputs;
        private TelemetryReader reader = TelemetryReader.standard();
        private final List<Path> evidence = new ArrayList<>();
        private Path auditLog;
        private AssetRegistry assets = AssetRegistry.empty();

        private Builder(CalculationRun run) {
            this.run = Objects.requireNonNull(run, "run");
        }

        /** The telemetry file or directory the run was computed from (required). */
        public Builder inputs(Path inputs) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
            return this;
        }

        /** The reader for the inputs (default {@link TelemetryReader#standard()}). */
        public Builder reader(TelemetryReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** Evidence files (invoices, meter readings) to list with their SHA-256 and include. */
        public Builder evidence(List<Path> files) {
            for (Path p : files) {
                evidence.add(Objects.requireNonNull(p, "evidence file"));
            }
            return this;
        }

        /** An audit log to include (verified first) and summarise in {@code change-log.csv}; null for none. */
        public Builder auditLog(Path log) {
            this.auditLog = log;
            return this;
        }

        /**
         * The asset registry the run used (default none); included as {@code asset-registry.json}
         * so that the pack reproduces embodied carbon. Its digest must be the manifest's.
         */
        public Builder assets(AssetRegistry assets) {
            this.assets = Objects.requireNonNull(assets, "assets");
            return this;
        }

        /**
         * The zip's bytes.
         *
         * @throws EcoCalcException ({@link ErrorCode#AUDIT_PACK_INVALID}) if the inputs or the asset
         *                          registry are not those of the run, two evidence files share a name, or
         *                          the audit log is broken
         */
        public byte[] toBytes() {
            if (inputs == null) {
                throw new IllegalStateException("the inputs of the run are required");
            }
            return build(this);
        }

        /** Writes the zip to {@code out} (replacing it) and returns its {@code sha256:}. */
        public String write(Path out) {
            byte[] zip = toBytes();
            try {
                Files.write(out, zip);
            } catch (IOException e) {
                throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot write " + out + ": " + e.getMessage(), e);
            }
            return CanonicalJson.sha256(zip);
        }
    }

    private static byte[] build(Builder b) {
        Report report = b.run.report();
        List<TelemetryRecord> records = datasetRecords(b.inputs, b.reader, report);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, byte[]> evidence = evidence(b.evidence);
        byte[] log = null;
        if (b.auditLog != null) {
            AuditLogVerification v = AuditLog.verify(b.auditLog);
            if (!v.isIntact()) {
                throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "the audit log " + b.auditLog
                        + " is broken: " + v.problems().get(0));
            }
            log = read(b.auditLog);
        }
        entries.put("README.md", utf8(readme(b.run, records.size(), evidence, log != null)));
        entries.put("run-manifest.json", utf8(b.run.manifest().toJson()));
        entries.put("report.json", utf8(b.run.toJson()));
        entries.put("activity-data.csv", utf8(activityCsv(records)));
        entries.put("activity-data.json", utf8(activityJson(records)));
        String assetsDigest = b.assets.isEmpty() ? null : b.assets.digest();
        if (!Objects.equals(assetsDigest, b.run.manifest().assetRegistry())) {
            throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "the asset registry given ("
                    + (assetsDigest == null ? "none" : assetsDigest) + ") is not the one the run used ("
                    + (b.run.manifest().assetRegistry() == null ? "none" : b.run.manifest().assetRegistry()) + ")");
        }
        if (assetsDigest != null) {
            entries.put(ASSET_REGISTRY, utf8(Json.pretty(Json.MAPPER.readTree(b.assets.toCanonicalJson()))));
        }
        entries.put("factors-used.csv", utf8(factorsCsv(report)));
        entries.put("factor-citations.json", utf8(citations(report)));
        entries.put("methodology-config.json", utf8(methodology(b.run)));
        entries.put("calculation-results.csv", utf8(resultsCsv(report)));
        entries.put("change-log.csv", utf8(changeLog(b.auditLog)));
        if (log != null) {
            entries.put("audit-log.jsonl", log);
        }
        entries.put("evidence-manifest.json", utf8(evidenceManifest(b.run, evidence)));
        for (Map.Entry<String, byte[]> e : evidence.entrySet()) {
            entries.put("evidence/" + e.getKey(), e.getValue());
        }
        entries.put(CHECKSUMS, utf8(checksums(entries)));
        return ZipBytes.write(entries);
    }

    /** The records of the run's data set: distinct keys, conflicts left out, in key order; checked against the manifest. */
    private static List<TelemetryRecord> datasetRecords(Path inputs, TelemetryReader reader, Report report) {
        Set<IdempotencyKey> conflicts = new TreeSet<>(report.dataset().conflicts());
        TreeMap<IdempotencyKey, TelemetryRecord> byKey = new TreeMap<>();
        DatasetDigest digest = new DatasetDigest();
        reader.read(inputs, new TelemetryHandler() {
            @Override
            public void onRecord(TelemetryRecord r, RecordLocation where) {
                digest.add(r);
                if (!conflicts.contains(r.key())) {
                    byKey.putIfAbsent(r.key(), r);
                }
            }
        });
        String found = digest.summary().digest();
        if (!found.equals(report.dataset().digest())) {
            throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "the inputs are not those of the run: their data "
                    + "set is " + found + ", the run's is " + report.dataset().digest());
        }
        return new ArrayList<>(byKey.values());
    }

    private static Map<String, byte[]> evidence(List<Path> files) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path p : files) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\\') >= 0
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "not a usable evidence file name: " + p);
            }
            if (out.containsKey(name)) {
                throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "two evidence files are named " + name
                        + "; rename one");
            }
            if (!Files.isRegularFile(p)) {
                throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "evidence file not found: " + p);
            }
            out.put(name, read(p));
        }
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    static String activityJson(List<TelemetryRecord> records) {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            b.append(TelemetryJson.toJson(records.get(i))).append(i + 1 < records.size() ? ",\n" : "\n");
        }
        return b.append("]\n").toString();
    }

    /** The CSV column of a field: {@code energy.facility_kwh}, {@code water.withdrawal_l}, {@code compute.gpu_hours}. */
    static String column(TelemetryField f) {
        String name = f.pointer().substring(1).replace('/', '.');
        if (!f.isAmount() || f == TelemetryField.COMPUTE_GPU_HOURS) {
            return name;
        }
        return name + "_" + f.dimension().canonicalUnit().symbol().toLowerCase(java.util.Locale.ROOT);
    }

    static String activityCsv(List<TelemetryRecord> records) {
        Csv csv = new Csv();
        List<String> header = new ArrayList<>(List.of("source_id", "external_event_id", "start", "end", "observed_at",
                "ingested_at", "facility_id", "country", "region", "grid_zone", "record_digest"));
        for (TelemetryField f : TelemetryField.values()) {
            header.add(column(f));
        }
        csv.row(header);
        for (TelemetryRecord r : records) {
            Place p = r.place();
            List<String> row = new ArrayList<>(List.of(r.key().sourceId(), r.key().externalEventId(),
                    instant(r.interval().start()), instant(r.interval().end()), instant(r.observedAt()),
                    instant(r.ingestedAt()), p.facilityId(), nz(p.country()), nz(p.region()), nz(p.gridZone()),
                    DatasetDigest.recordDigest(r)));
            for (TelemetryField f : TelemetryField.values()) {
                row.add(decimal(f.valueIn(r)));
            }
            csv.row(row);
        }
        return csv.toString();
    }

    static String resultsCsv(Report report) {
        Csv csv = new Csv().row("level", "facility_id", "period_start", "period_end", "metric", "value", "unit",
                "not_computable", "records");
        List<GroupResult> all = new ArrayList<>(report.groups());
        all.addAll(report.facilities());
        all.add(report.total());
        for (GroupResult g : all) {
            for (MetricResult m : g.metrics().values()) {
                csv.row(level(g), nz(g.facilityId()), instant(g.periodStart()), instant(g.periodEnd()), m.metric().id(),
                        decimal(m.value()), m.unit(), nz(m.reason()), Long.toString(m.lineage().records()));
            }
        }
        return csv.toString();
    }

    private static String factorsCsv(Report report) {
        Csv csv = new Csv().row("level", "facility_id", "period_start", "metric", "role", "factor", "pack_digest", "value",
                "unit", "gwp_set", "match_level", "confidence", "records");
        for (GroupResult g : groups(report)) {
            for (MetricResult m : g.metrics().values()) {
                for (FactorUse f : m.lineage().factors()) {
                    csv.row(level(g), nz(g.facilityId()), instant(g.periodStart()), m.metric().id(), f.role(),
                            f.reference(), f.packDigest(), nz(f.value()), nz(f.unit()), nz(f.gwpSet()), f.level(),
                            f.confidence(), Long.toString(f.records()));
                }
            }
        }
        return csv.toString();
    }

    /** Each distinct factor applied, by reference, with its pack digest, value and citation. */
    private static String citations(Report report) {
        TreeMap<String, FactorUse> distinct = new TreeMap<>();
        for (GroupResult g : groups(report)) {
            for (MetricResult m : g.metrics().values()) {
                for (FactorUse f : m.lineage().factors()) {
                    distinct.putIfAbsent(f.reference(), f);
                }
            }
        }
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (FactorUse f : distinct.values()) {
            ObjectNode n = a.addObject();
            n.put("factor", f.reference());
            n.put("pack_digest", f.packDigest());
            if (f.value() != null) {
                n.put("value", f.value());
                n.put("unit", f.unit());
            }
            if (f.gwpSet() != null) {
                n.put("gwp_set", f.gwpSet());
            }
            n.put("citation", f.citation());
        }
        return Json.pretty(a);
    }

    private static String methodology(CalculationRun run) {
        ObjectNode n = Json.object();
        ObjectNode engine = n.putObject("engine");
        engine.put("name", run.report().engineName());
        engine.put("version", run.report().engineVersion());
        n.set("settings", SettingsJson.toNode(run.report().settings()));
        n.put("settings_digest", run.report().settings().digest());
        ArrayNode packs = n.putArray("factor_packs");
        for (FactorPackRef p : run.manifest().factorPacks()) {
            ObjectNode pn = packs.addObject();
            pn.put("id", p.id());
            pn.put("version", p.version());
            pn.put("digest", p.digest());
        }
        n.put("arithmetic", "BigDecimal; exact sums; one division per metric, rounded to 34 significant digits "
                + "half-even (IEEE 754 decimal128)");
        ArrayNode metrics = n.putArray("metrics");
        for (Metric m : Metric.values()) {
            ObjectNode mn = metrics.addObject();
            mn.put("id", m.id());
            mn.put("unit", m.unit());
            mn.put("formula", m.formula());
        }
        n.put("formulas_cited_in", "docs/methodology.md of ecocalc " + run.report().engineVersion());
        return Json.pretty(n);
    }

    private static String changeLog(Path log) {
        Csv csv = new Csv().row("seq", "time", "event", "actor", "data", "prev", "hash");
        if (log != null) {
            for (AuditEntry e : AuditLog.read(log)) {
                ObjectNode d = Json.object();
                e.event().data().forEach(d::put);
                csv.row(Long.toString(e.seq()), instant(e.time()), e.event().type().id(), nz(e.event().actor()),
                        Json.compact(d), e.prev(), e.hash());
            }
        }
        return csv.toString();
    }

    private static String evidenceManifest(CalculationRun run, Map<String, byte[]> evidence) {
        ObjectNode n = Json.object();
        n.put("format", EVIDENCE_FORMAT);
        n.put("run_id", run.runId());
        ArrayNode files = n.putArray("files");
        for (Map.Entry<String, byte[]> e : evidence.entrySet()) {
            ObjectNode f = files.addObject();
            f.put("name", e.getKey());
            f.put("path", "evidence/" + e.getKey());
            f.put("sha256", CanonicalJson.sha256(e.getValue()));
            f.put("bytes", e.getValue().length);
        }
        return Json.pretty(n);
    }

    /** {@code <hex>  <name>} lines for every entry, sorted by name, as {@code sha256sum} writes them. */
    static String checksums(Map<String, byte[]> entries) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
            b.append(HEX.formatHex(CanonicalJson.newSha256().digest(e.getValue()))).append("  ").append(e.getKey())
                    .append('\n');
        }
        return b.toString();
    }

    private static String readme(CalculationRun run, int records, Map<String, byte[]> evidence, boolean log) {
        Report r = run.report();
        StringBuilder b = new StringBuilder();
        b.append("# Audit pack\n\n");
        b.append("This pack holds everything needed to check one ecocalc calculation run.\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| run id | `").append(run.runId()).append("` |\n");
        b.append("| engine | ").append(r.engineName()).append(' ').append(r.engineVersion()).append(" |\n");
        b.append("| activity data set | `").append(run.manifest().activityDataset()).append("` (").append(records)
                .append(" records) |\n");
        b.append("| settings | `").append(run.manifest().settings()).append("` |\n");
        b.append("| results | `").append(run.manifest().results()).append("` |\n");
        b.append("| factor packs | ").append(run.manifest().factorPacks().isEmpty() ? "none"
                : String.join(", ", run.manifest().factorPacks().stream().map(FactorPackRef::idAtVersion).toList()))
                .append(" |\n");
        b.append("| signed | ").append(run.manifest().isSigned() ? "Ed25519, key `" + run.manifest().signature().keyId()
                + "`" : "no").append(" |\n\n");
        b.append("## Files\n\n");
        b.append("- `run-manifest.json`: the run manifest: the hashes above and the run id (docs/run-manifest.md).\n");
        b.append("- `report.json`: the full report, every metric with its lineage, and the manifest.\n");
        b.append("- `activity-data.json`, `activity-data.csv`: the records the run used, normalised (kWh, L, GPU-h, UTC),\n"
                + "  one per idempotency key, in key order. Their digest is the activity data set above.\n");
        if (run.manifest().assetRegistry() != null) {
            b.append("- `asset-registry.json`: the hardware whose embodied carbon the run amortised; its digest is\n"
                    + "  the manifest's `asset_registry`.\n");
        }
        b.append("- `factors-used.csv`, `factor-citations.json`: each factor applied (by group, metric and role,\n"
                + "  with its match level and confidence) and each distinct factor's citation.\n");
        b.append("- `methodology-config.json`: the settings, their hash, the engine and each metric's formula.\n");
        b.append("- `calculation-results.csv`: every metric of every facility and period, facility and the total,\n"
                + "  unrounded.\n");
        b.append("- `change-log.csv`: the audit log's events").append(log ? "; `audit-log.jsonl` is the log itself,\n"
                + "  hash-chained (docs/audit-log.md).\n" : " (no audit log was given).\n");
        b.append("- `evidence-manifest.json`: ").append(evidence.isEmpty() ? "no evidence file was given.\n"
                : evidence.size() + " evidence file(s) with their SHA-256, stored under `evidence/`.\n");
        b.append("- `checksums.sha256`: the SHA-256 of every other file.\n\n");
        b.append("## How to check it\n\n");
        b.append("1. Integrity: unzip, then `sha256sum -c checksums.sha256`.\n");
        b.append("2. Reproduction: `ecocalc verify <this pack>.zip` re-runs the calculation from\n"
                + "   `activity-data.json` with the settings of `report.json`, the factor packs the manifest\n"
                + "   names" + (run.manifest().assetRegistry() != null ? " and `asset-registry.json`" : "")
                + ", and compares every hash;\n"
                + "   add `--public-key key.pem` to check the signature.\n");
        b.append("3. By hand: each value of `calculation-results.csv` follows from `activity-data.csv` with the\n"
                + "   formula in `methodology-config.json`.\n\n");
        b.append("The pack is deterministic: the same run, inputs and evidence give the same bytes.\n");
        return b.toString();
    }

    private static List<GroupResult> groups(Report report) {
        List<GroupResult> all = new ArrayList<>(report.groups());
        all.addAll(report.facilities());
        all.add(report.total());
        return all;
    }

    private static String level(GroupResult g) {
        return g.level().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String instant(Instant i) {
        return i == null ? "" : Json.instant(i);
    }

    private static String decimal(BigDecimal d) {
        return d == null ? "" : Decimals.toCanonicalString(d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
