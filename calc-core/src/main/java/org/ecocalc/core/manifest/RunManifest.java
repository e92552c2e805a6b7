package org.ecocalc.core.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Engine;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manifest of a calculation run ({@code ecocalc.manifest/1}): what produced the numbers, as
 * hashes, and the run's identity. Specified in {@code docs/run-manifest.md}:
 *
 * <ul>
 *   <li>{@code engine}: name and version ({@link Engine});</li>
 *   <li>{@code activity_dataset}: the data-set digest ({@link org.ecocalc.core.report.DatasetDigest});</li>
 *   <li>{@code factor_packs}: each pack used, {@code {id, version, digest}}, ordered by id and version;</li>
 *   <li>{@code asset_registry}: {@link org.ecocalc.core.carbon.AssetRegistry#digest()}, only when the
 *       run had assets;</li>
 *   <li>{@code factor_overrides}: {@link org.ecocalc.core.carbon.CarbonContext#overridesDigest()}, only
 *       when the run had approved overrides;</li>
 *   <li>{@code settings}: {@link org.ecocalc.core.MethodSettings#digest()};</li>
 *   <li>{@code results}: {@code sha256:} of the canonical results document
 *       ({@link ReportJson#toResultsJson(Report)});</li>
 *   <li>{@code run_id}: {@code sha256:} of the canonical manifest without {@code run_id} and
 *       {@code signature};</li>
 *   <li>{@code signature}: optional, Ed25519 over the canonical manifest without {@code signature}.</li>
 * </ul>
 *
 * <p>Changing any input, pack, setting or result gives another {@code run_id}: a new run, never an
 * overwrite. A manifest built by {@link #of} is consistent by construction; one read with
 * {@link #parse} holds what the file says, and {@link RunVerifier} checks it.
 *
 * @param engineName      the engine name
 * @param engineVersion   the engine version
 * @param activityDataset the data-set digest
 * @param factorPacks     the packs used (empty when no factor was applied)
 * @param assetRegistry   the asset registry's digest, or null when the run had no assets
 * @param factorOverrides the overrides' digest, or null when the run had none
 * @param settings        the settings digest
 * @param results         the results digest
 * @param runId           the run id
 * @param signature       the signature, or null when unsigned
 */
public record RunManifest(String engineName, String engineVersion, String activityDataset,
        List<FactorPackRef> factorPacks, String assetRegistry, String factorOverrides, String settings, String results,
        String runId, ManifestSignature signature) {
    /** The format identifier: {@value}. */
    public static final String FORMAT = "ecocalc.manifest/1";

    private static final Set<String> MEMBERS = Set.of("format", "engine", "activity_dataset", "factor_packs",
            "asset_registry", "factor_overrides", "settings", "results", "run_id", "signature");

    public RunManifest {
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(engineVersion, "engineVersion");
        requireDigest(activityDataset, "activityDataset");
        factorPacks = List.copyOf(factorPacks);
        if (assetRegistry != null) {
            requireDigest(assetRegistry, "assetRegistry");
        }
        if (factorOverrides != null) {
            requireDigest(factorOverrides, "factorOverrides");
        }
        requireDigest(settings, "settings");
        requireDigest(results, "results");
        requireDigest(runId, "runId");
    }

    /**
     * The manifest of given parts; the packs are sorted and {@code run_id} is computed.
     */
    public static RunManifest of(String engineName, String engineVersion, String activityDataset,
            List<FactorPackRef> factorPacks, String settings, String results) {
        return of(engineName, engineVersion, activityDataset, factorPacks, null, null, settings, results);
    }

    /**
     * The manifest of given parts, with the digests of the asset registry and overrides (null when
     * none); the packs are sorted and {@code run_id} is computed.
     */
    public static RunManifest of(String engineName, String engineVersion, String activityDataset,
            List<FactorPackRef> factorPacks, String assetRegistry, String factorOverrides, String settings,
            String results) {
        List<FactorPackRef> packs = new ArrayList<>(factorPacks);
        packs.sort(null);
        for (int i = 1; i < packs.size(); i++) {
            if (packs.get(i).compareTo(packs.get(i - 1)) == 0) {
                throw new IllegalArgumentException("factor pack listed twice: " + packs.get(i).idAtVersion());
            }
        }
        String runId = CanonicalJson.sha256(canonical(node(engineName, engineVersion, activityDataset, packs,
                assetRegistry, factorOverrides, settings, results, null, null)));
        return new RunManifest(engineName, engineVersion, activityDataset, packs, assetRegistry, factorOverrides,
                settings, results, runId, null);
    }

    /** The manifest of a report computed without factor packs. */
    public static RunManifest of(Report report) {
        return of(report, List.of());
    }

    /** The manifest of a report and the factor packs its calculation used. */
    public static RunManifest of(Report report, List<FactorPackRef> factorPacks) {
        return of(report.engineName(), report.engineVersion(), report.dataset().digest(), factorPacks,
                report.settings().digest(), resultsDigest(report));
    }

    /**
     * The manifest of a report and the carbon context its calculation used: every pack of the
     * context's library, and the digests of its asset registry and overrides when it has any.
     */
    public static RunManifest of(Report report, CarbonContext carbon) {
        List<FactorPackRef> packs = new ArrayList<>();
        for (FactorPack p : carbon.library().packs()) {
            packs.add(new FactorPackRef(p.packId(), p.version(), p.digest()));
        }
        return of(report.engineName(), report.engineVersion(), report.dataset().digest(), packs,
                carbon.assetsDigest(), carbon.overridesDigest(), report.settings().digest(), resultsDigest(report));
    }

    /** {@code sha256:} of the canonical results document of a report ({@link ReportJson#toResultsJson}). */
    public static String resultsDigest(Report report) {
        return ReportJson.resultsDigest(report);
    }

    /** The {@code run_id} these fields give (equal to {@link #runId()} unless the manifest was altered). */
    public String computeRunId() {
        return CanonicalJson.sha256(canonical(node(engineName, engineVersion, activityDataset, factorPacks,
                assetRegistry, factorOverrides, settings, results, null, null)));
    }

    /** Whether {@link #runId()} is the hash of the other fields. */
    public boolean isRunIdConsistent() {
        return runId.equals(computeRunId());
    }

    /** Whether the manifest carries a signature. */
    public boolean isSigned() {
        return signature != null;
    }

    /** The bytes a signature covers: RFC 8785 canonical JSON of the manifest without {@code signature}. */
    public byte[] signingInput() {
        return canonical(node(engineName, engineVersion, activityDataset, factorPacks, assetRegistry, factorOverrides,
                settings, results, runId, null));
    }

    /** This manifest with the given signature. */
    public RunManifest withSignature(ManifestSignature signature) {
        return new RunManifest(engineName, engineVersion, activityDataset, factorPacks, assetRegistry, factorOverrides,
                settings, results, runId, Objects.requireNonNull(signature, "signature"));
    }

    /** This manifest without a signature. */
    public RunManifest withoutSignature() {
        return signature == null ? this : new RunManifest(engineName, engineVersion, activityDataset, factorPacks,
                assetRegistry, factorOverrides, settings, results, runId, null);
    }

    /** The manifest as pretty JSON (two-space indent, LF, final LF), members in the documented order. */
    public String toJson() {
        return Json.pretty(toNode());
    }

    /** The RFC 8785 canonical bytes of the whole manifest (signature included when present). */
    public byte[] toCanonicalBytes() {
        return canonical(toNode());
    }

    /** The manifest as a JSON tree. Internal: used by {@link RunJson}. */
    ObjectNode toNode() {
        return node(engineName, engineVersion, activityDataset, factorPacks, assetRegistry, factorOverrides, settings,
                results, runId, signature);
    }

    private static ObjectNode node(String engineName, String engineVersion, String dataset, List<FactorPackRef> packs,
            String assetRegistry, String factorOverrides, String settings, String results, String runId,
            ManifestSignature signature) {
        ObjectNode n = Json.object();
        n.put("format", FORMAT);
        ObjectNode engine = n.putObject("engine");
        engine.put("name", engineName);
        engine.put("version", engineVersion);
        n.put("activity_dataset", dataset);
        ArrayNode ps = n.putArray("factor_packs");
        for (FactorPackRef p : packs) {
            ObjectNode pn = ps.addObject();
            pn.put("id", p.id());
            pn.put("version", p.version());
            pn.put("digest", p.digest());
        }
        if (assetRegistry != null) {
            n.put("asset_registry", assetRegistry);
        }
        if (factorOverrides != null) {
            n.put("factor_overrides", factorOverrides);
        }
        n.put("settings", settings);
        n.put("results", results);
        if (runId != null) {
            n.put("run_id", runId);
        }
        if (signature != null) {
            ObjectNode s = n.putObject("signature");
            s.put("algorithm", signature.algorithm());
            s.put("key_id", signature.keyId());
            s.put("value", signature.value());
        }
        return n;
    }

    private static byte[] canonical(ObjectNode n) {
        return CanonicalJson.canonicalize(Json.compact(n));
    }

    /**
     * Reads a manifest from its JSON text.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_MANIFEST}) naming the offending member
     */
    public static RunManifest parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return fromNode(Json.MAPPER.readTree(json), "");
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_MANIFEST, "the manifest is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static RunManifest fromNode(JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw bad(at, "a manifest is a JSON object");
        }
        for (String name : n.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw bad(at + "/" + name, "unknown member \"" + name + "\"");
            }
        }
        String format = text(n, "format", at);
        if (!FORMAT.equals(format)) {
            throw bad(at + "/format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode engine = n.get("engine");
        if (engine == null || !engine.isObject()) {
            throw bad(at + "/engine", "missing or not an object");
        }
        JsonNode ps = n.get("factor_packs");
        if (ps == null || !ps.isArray()) {
            throw bad(at + "/factor_packs", "missing or not an array");
        }
        List<FactorPackRef> packs = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            String pat = at + "/factor_packs/" + i;
            try {
                packs.add(new FactorPackRef(text(ps.get(i), "id", pat), text(ps.get(i), "version", pat),
                        text(ps.get(i), "digest", pat)));
            } catch (IllegalArgumentException e) {
                throw bad(pat, e.getMessage());
            }
        }
        ManifestSignature signature = null;
        JsonNode s = n.get("signature");
        if (s != null) {
            try {
                signature = new ManifestSignature(text(s, "algorithm", at + "/signature"), text(s, "key_id",
                        at + "/signature"), text(s, "value", at + "/signature"));
            } catch (IllegalArgumentException e) {
                throw bad(at + "/signature", e.getMessage());
            }
        }
        try {
            return new RunManifest(text(engine, "name", at + "/engine"), text(engine, "version", at + "/engine"),
                    text(n, "activity_dataset", at), packs, n.has("asset_registry") ? text(n, "asset_registry", at)
                    : null, n.has("factor_overrides") ? text(n, "factor_overrides", at) : null, text(n, "settings", at),
                    text(n, "results", at),
                    text(n, "run_id", at), signature);
        } catch (IllegalArgumentException e) {
            throw bad(at, e.getMessage());
        }
    }

    private static String text(JsonNode n, String name, String at) {
        JsonNode v = n == null ? null : n.get(name);
        if (v == null || !v.isString()) {
            throw bad(at + "/" + name, v == null ? "missing" : "must be a string");
        }
        return v.stringValue();
    }

    private static void requireDigest(String d, String name) {
        Objects.requireNonNull(d, name);
        if (!CanonicalJson.isDigest(d)) {
            throw new IllegalArgumentException(name + " is not a sha256: digest: " + d);
        }
    }

    private static EcoCalcException bad(String pointer, String message) {
        return new EcoCalcException(ErrorCode.INVALID_MANIFEST, "invalid manifest at "
                + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message);
    }

    /** {@code run_id} and whether signed; never the signature bytes. */
    @Override
    public String toString() {
        return "RunManifest[run_id=" + runId + ", engine=" + engineName + " " + engineVersion + ", dataset="
                + activityDataset + ", packs=" + factorPacks.size() + ", signed=" + isSigned() + "]";
    }
}
