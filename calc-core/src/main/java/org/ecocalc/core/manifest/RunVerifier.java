package org.ecocalc.core.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.Engine;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.manifest.Verification.Check;
import org.ecocalc.core.manifest.Verification.Status;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.telemetry.TelemetryReader;
import tools.jackson.databind.JsonNode;

/**
 * Re-runs a calculation from its inputs and the settings recorded in its report, and compares
 * every hash of the manifest, the signature and the report itself with what it recomputes. Says
 * precisely what differs: which hash (expected and actual), and for results which metric of which
 * group.
 *
 * <p>The checks, in order: the manifest's {@code run_id} is the hash of its fields; the engine is
 * this engine; every factor pack named can be loaded; {@code activity_dataset}, {@code settings}
 * and {@code results} as recomputed; the results in the report as recomputed (metric by metric);
 * the rest of the report (data-set counts, data quality) as recomputed; {@code run_id} as
 * recomputed; the signature, when a {@link VerificationKey} is given.
 *
 * <p>Factor packs: this engine applies no factors yet, so a manifest that names a pack cannot be
 * reproduced here and says so ({@code factor_packs} differs); the carbon release resolves packs
 * from a factor library.
 */
public final class RunVerifier {
    /** The most differences listed inside the results or the report body ({@value}); the rest are counted. */
    public static final int DEFAULT_MAX_LISTED = 50;

    private final VerificationKey key;
    private final TelemetryReader reader;
    private final int maxListed;
    private final CarbonContext carbon;

    private RunVerifier(Builder b) {
        this.carbon = b.carbon;
        this.key = b.key;
        this.reader = b.reader;
        this.maxListed = b.maxListed;
    }

    /** A verifier with no public key (the signature is not checked) and the standard reader. */
    public static RunVerifier standard() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The carbon context the run is recomputed with (the class-path packs unless one was given). */
    private CarbonContext carbon() {
        return carbon != null ? carbon : EcoCalc.calculation(org.ecocalc.core.MethodSettings.defaults()).carbon();
    }

    /** Verifies a run (report JSON with its manifest) against a telemetry file or directory. */
    public Verification verify(CalculationRun claimed, Path inputs) {
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(inputs, "inputs");
        Report recomputed = EcoCalc.calculation(claimed.report().settings()).withCarbon(carbon()).withReader(reader)
                .report(inputs);
        return compare(claimed, recomputed, true);
    }

    /**
     * Compares a claimed run with a report recomputed from the same inputs and settings.
     *
     * @param compareBody whether the rest of the report (data-set counts, data-quality problems with
     *                    their file positions) must match too; false when the inputs are not the
     *                    original files (an audit pack's normalised activity data)
     */
    public Verification compare(CalculationRun claimed, Report recomputed, boolean compareBody) {
        RunManifest m = claimed.manifest();
        RunManifest again = RunManifest.of(recomputed, carbon());
        List<Check> checks = new ArrayList<>();
        String computedId = m.computeRunId();
        checks.add(computedId.equals(m.runId())
                ? new Check("manifest run_id", Status.OK, m.runId(), computedId, "the hash of the manifest's fields")
                : new Check("manifest run_id", Status.DIFFERENT, m.runId(), computedId,
                        "the manifest's fields were changed after its run_id was computed"));
        String engine = m.engineName() + " " + m.engineVersion();
        String thisEngine = Engine.NAME + " " + Engine.VERSION;
        checks.add(engine.equals(thisEngine) ? new Check("engine", Status.OK, engine, thisEngine, null)
                : new Check("engine", Status.DIFFERENT, engine, thisEngine,
                        "recomputed with another engine version; run the engine the manifest names"));
        checks.addAll(packChecks(m.factorPacks(), again.factorPacks()));
        checks.add(optionalHash("asset_registry", m.assetRegistry(), again.assetRegistry(),
                "the asset registry differs from the one the run used; give the same registry"));
        checks.add(optionalHash("factor_overrides", m.factorOverrides(), again.factorOverrides(),
                "the approved overrides differ from those the run used; give the same overrides"));
        checks.add(hash("activity_dataset", m.activityDataset(), again.activityDataset(),
                "the records (normalised, by idempotency key) differ from those the run used"));
        String reportSettings = claimed.report().settings().digest();
        checks.add(hash("settings", m.settings(), reportSettings,
                "the settings in the report are not those the manifest hashed"));
        String reportResults = RunManifest.resultsDigest(claimed.report());
        checks.add(hash("results", m.results(), again.results(), m.results().equals(reportResults)
                ? "recomputed results differ from the report's; see below"
                : again.results().equals(reportResults) ? "the manifest's results hash was changed; the report's results are reproduced"
                : "the report's results were changed, or differ from a recomputation; see below"));
        checks.addAll(resultDifferences(claimed.report(), recomputed));
        if (compareBody) {
            checks.addAll(bodyDifferences(claimed.report(), recomputed));
        }
        checks.add(hash("run_id", m.runId(), again.runId(), "the recomputed run is another run"));
        checks.add(signature(m));
        return new Verification(m.runId(), checks);
    }

    private Check signature(RunManifest m) {
        if (key == null) {
            return new Check("signature", Status.SKIPPED, null, null, m.isSigned()
                    ? "signed by key " + m.signature().keyId() + "; give the public key to check it" : "not signed");
        }
        switch (key.check(m)) {
            case VALID:
                return new Check("signature", Status.OK, null, "Ed25519 by " + key.keyId(), null);
            case NOT_SIGNED:
                return new Check("signature", Status.DIFFERENT, "signed by " + key.keyId(), "not signed", null);
            case OTHER_KEY:
                return new Check("signature", Status.DIFFERENT, key.keyId(), m.signature().keyId(),
                        "signed by another key");
            default:
                return new Check("signature", Status.DIFFERENT, "a valid signature by " + key.keyId(),
                        "an invalid signature", "the manifest or its signature was changed after signing");
        }
    }

    /** One check per pack: the run's packs must be loaded here with the same digests, and no other. */
    private static List<Check> packChecks(List<FactorPackRef> claimed, List<FactorPackRef> here) {
        List<Check> out = new ArrayList<>();
        if (claimed.isEmpty() && here.isEmpty()) {
            out.add(new Check("factor_packs", Status.OK, "[]", "[]", "no factor pack loaded"));
            return out;
        }
        for (FactorPackRef p : claimed) {
            FactorPackRef mine = here.stream().filter(h -> h.idAtVersion().equals(p.idAtVersion())).findFirst()
                    .orElse(null);
            out.add(mine == null ? new Check("factor_packs " + p.idAtVersion(), Status.DIFFERENT, p.digest(), null,
                    "the run used this pack; load it to reproduce the run")
                    : hash("factor_packs " + p.idAtVersion(), p.digest(), mine.digest(),
                            "another edition of the pack is loaded here"));
        }
        for (FactorPackRef h : here) {
            if (claimed.stream().noneMatch(p -> p.idAtVersion().equals(h.idAtVersion()))) {
                out.add(new Check("factor_packs " + h.idAtVersion(), Status.DIFFERENT, null, h.digest(),
                        "loaded here but not by the run; load only the run's packs"));
            }
        }
        return out;
    }

    private static Check optionalHash(String name, String expected, String actual, String whenDifferent) {
        if (expected == null && actual == null) {
            return new Check(name, Status.OK, null, null, "none");
        }
        return expected != null && expected.equals(actual) ? new Check(name, Status.OK, expected, actual, null)
                : new Check(name, Status.DIFFERENT, expected, actual, whenDifferent);
    }

    private static Check hash(String name, String expected, String actual, String whenDifferent) {
        return expected.equals(actual) ? new Check(name, Status.OK, expected, actual, null)
                : new Check(name, Status.DIFFERENT, expected, actual, whenDifferent);
    }

    private List<Check> resultDifferences(Report claimed, Report recomputed) {
        JsonNode e = Json.MAPPER.readTree(ReportJson.toResultsJson(claimed));
        JsonNode a = Json.MAPPER.readTree(ReportJson.toResultsJson(recomputed));
        List<Check> out = new ArrayList<>();
        int[] more = {0};
        for (String list : new String[] {"results", "facilities"}) {
            Map<String, JsonNode> eg = JsonDiff.groups(e.get(list));
            Map<String, JsonNode> ag = JsonDiff.groups(a.get(list));
            for (Map.Entry<String, JsonNode> g : eg.entrySet()) {
                JsonNode other = ag.get(g.getKey());
                if (other == null) {
                    add(out, more, new Check("results: " + g.getKey(), Status.DIFFERENT, "a group", "no such group",
                            "the recomputation has no group for this facility and period"));
                } else {
                    groupDiff(g.getKey(), g.getValue(), other, out, more);
                }
            }
            for (String k : ag.keySet()) {
                if (!eg.containsKey(k)) {
                    add(out, more, new Check("results: " + k, Status.DIFFERENT, "no such group", "a group",
                            "the report lacks a group the recomputation has"));
                }
            }
        }
        groupDiff("total", e.get("total"), a.get("total"), out, more);
        if (more[0] > 0) {
            out.add(new Check("results", Status.DIFFERENT, null, null, more[0] + " more differences not listed"));
        }
        return out;
    }

    private void groupDiff(String label, JsonNode e, JsonNode a, List<Check> out, int[] more) {
        for (JsonDiff.Leaf l : JsonDiff.diff(e, a, "")) {
            // "/efficiency/efficiency.pue/value" -> "efficiency.pue value"
            String[] parts = l.pointer().substring(1).split("/", 3);
            String what = parts.length >= 2 && parts[1].contains(".")
                    ? parts[1] + (parts.length == 3 ? " " + parts[2].replace('/', ' ') : "") : l.pointer();
            add(out, more, new Check("results: " + label + " " + what, Status.DIFFERENT, l.expected(), l.actual(), null));
        }
    }

    private List<Check> bodyDifferences(Report claimed, Report recomputed) {
        JsonNode e = Json.MAPPER.readTree(ReportJson.toJson(claimed));
        JsonNode a = Json.MAPPER.readTree(ReportJson.toJson(recomputed));
        List<Check> out = new ArrayList<>();
        int[] more = {0};
        for (String member : new String[] {"format", "engine", "settings", "dataset", "data_quality", "lineage"}) {
            for (JsonDiff.Leaf l : JsonDiff.diff(e.get(member), a.get(member), "/" + member)) {
                add(out, more, new Check("report " + l.pointer(), Status.DIFFERENT, l.expected(), l.actual(), null));
            }
        }
        if (more[0] > 0) {
            out.add(new Check("report", Status.DIFFERENT, null, null, more[0] + " more differences not listed"));
        }
        if (out.isEmpty()) {
            out.add(new Check("report body", Status.OK, null, null, "data set counts and data quality as recomputed"));
        }
        return out;
    }

    private void add(List<Check> out, int[] more, Check c) {
        if (out.size() < maxListed) {
            out.add(c);
        } else {
            more[0]++;
        }
    }

    /** Builds a {@link RunVerifier}. */
    public static final class Builder {
        private VerificationKey key;
        private TelemetryReader reader = TelemetryReader.standard();
        private int maxListed = DEFAULT_MAX_LISTED;
        private CarbonContext carbon;

        private Builder() {
        }

        /**
         * The carbon context to recompute with: the same factor packs (the manifest lists them),
         * overrides and asset registry as the original run. Default: the packs on the class path.
         */
        public Builder carbon(CarbonContext carbon) {
            this.carbon = Objects.requireNonNull(carbon, "carbon");
            return this;
        }

        /** The public key to check the signature with; null (the default) skips the check. */
        public Builder verificationKey(VerificationKey key) {
            this.key = key;
            return this;
        }

        /** The reader for the inputs (default: {@link TelemetryReader#standard()}). */
        public Builder reader(TelemetryReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** The most differences listed per section (default {@value #DEFAULT_MAX_LISTED}). */
        public Builder maxListed(int maxListed) {
            if (maxListed < 1) {
                throw new IllegalArgumentException("maxListed must be positive (got " + maxListed + ")");
            }
            this.maxListed = maxListed;
            return this;
        }

        /** The verifier. */
        public RunVerifier build() {
            return new RunVerifier(this);
        }
    }
}
