package org.ecocalc.core.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.manifest.RunVerifier;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.Verification.Check;
import org.ecocalc.core.manifest.Verification.Status;
import org.ecocalc.core.manifest.VerificationKey;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.TelemetryBatch;
import org.ecocalc.core.telemetry.TelemetryReader;
import tools.jackson.databind.JsonNode;

/**
 * Checks an {@link AuditPack}: every checksum of {@code checksums.sha256} (and that it lists every
 * file), every evidence file against {@code evidence-manifest.json}, the audit log's chain, that
 * {@code run-manifest.json} is the report's manifest, and then re-runs the calculation from
 * {@code activity-data.json} with the report's settings and compares every hash
 * ({@link RunVerifier}), the signature too when a key is given.
 */
public final class AuditPackVerifier {
    private final VerificationKey key;
    private final CarbonContext carbon;

    private AuditPackVerifier(VerificationKey key, CarbonContext carbon) {
        this.key = key;
        this.carbon = carbon;
    }

    /**
     * A verifier that checks the signature with {@code key}, or skips it when null, and recomputes
     * with the factor packs on the class path.
     */
    public static AuditPackVerifier withKey(VerificationKey key) {
        return new AuditPackVerifier(key, null);
    }

    /**
     * This verifier recomputing with the factor library and overrides of {@code carbon} (the run's
     * packs: the manifest lists them). The asset registry always comes from the pack's
     * {@code asset-registry.json}.
     */
    public AuditPackVerifier withCarbon(CarbonContext carbon) {
        return new AuditPackVerifier(key, Objects.requireNonNull(carbon, "carbon"));
    }

    /** Verifies a pack file. */
    public Verification verify(Path zip) {
        Objects.requireNonNull(zip, "zip");
        try (InputStream in = Files.newInputStream(zip)) {
            return verify(in);
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Verifies a pack read from a stream (not closed). */
    public Verification verify(InputStream zip) {
        List<Check> checks = new ArrayList<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            ZipInputStream z = new ZipInputStream(zip, StandardCharsets.UTF_8);
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (entries.containsKey(e.getName())) {
                    checks.add(new Check("zip " + e.getName(), Status.DIFFERENT, "one entry", "two entries",
                            "an entry appears twice"));
                }
                entries.put(e.getName(), z.readAllBytes());
            }
        } catch (ZipException ex) {
            throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "not a readable zip: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot read the pack: " + ex.getMessage(), ex);
        }
        if (entries.isEmpty()) {
            throw new EcoCalcException(ErrorCode.AUDIT_PACK_INVALID, "not an audit pack: the zip is empty or not a zip");
        }
        checksums(entries, checks);
        evidence(entries, checks);
        auditLog(entries, checks);
        String runId = run(entries, checks);
        return new Verification(runId, checks);
    }

    private static void checksums(Map<String, byte[]> entries, List<Check> checks) {
        byte[] list = entries.get(AuditPack.CHECKSUMS);
        if (list == null) {
            checks.add(new Check(AuditPack.CHECKSUMS, Status.DIFFERENT, "present", "missing", null));
            return;
        }
        Map<String, String> listed = new TreeMap<>();
        String[] lines = new String(list, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                continue;
            }
            if (line.length() < 67 || !line.substring(64, 66).equals("  ")) {
                checks.add(new Check(AuditPack.CHECKSUMS + " line " + (i + 1), Status.DIFFERENT, "<sha256>  <name>",
                        line, "not a sha256sum line"));
                continue;
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        int ok = 0;
        for (Map.Entry<String, String> l : listed.entrySet()) {
            byte[] data = entries.get(l.getKey());
            String actual = data == null ? null : CanonicalJson.sha256(data).substring(CanonicalJson.DIGEST_PREFIX.length());
            if (!l.getValue().equals(actual)) {
                checks.add(new Check("checksum " + l.getKey(), Status.DIFFERENT, l.getValue(),
                        actual == null ? "missing" : actual, data == null ? "the file is missing" : "the file was changed"));
            } else {
                ok++;
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(AuditPack.CHECKSUMS) && !listed.containsKey(name)) {
                checks.add(new Check("checksum " + name, Status.DIFFERENT, "listed", "not listed",
                        "a file was added to the pack"));
            }
        }
        if (checks.stream().noneMatch(c -> c.status() == Status.DIFFERENT && c.name().startsWith("checksum"))) {
            checks.add(new Check("checksums", Status.OK, null, ok + " files", "every file matches checksums.sha256"));
        }
    }

    private static void evidence(Map<String, byte[]> entries, List<Check> checks) {
        byte[] m = entries.get("evidence-manifest.json");
        if (m == null) {
            checks.add(new Check("evidence-manifest.json", Status.DIFFERENT, "present", "missing", null));
            return;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(m, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            checks.add(new Check("evidence-manifest.json", Status.DIFFERENT, "JSON", "not JSON", null));
            return;
        }
        JsonNode files = root.get("files");
        int n = 0;
        boolean bad = false;
        if (files != null) {
            for (JsonNode f : files) {
                String path = f.path("path").asString();
                String expected = f.path("sha256").asString();
                byte[] data = entries.get(path);
                String actual = data == null ? "missing" : CanonicalJson.sha256(data);
                if (!expected.equals(actual)) {
                    checks.add(new Check("evidence " + f.path("name").asString(), Status.DIFFERENT, expected, actual, null));
                    bad = true;
                }
                n++;
            }
        }
        if (!bad) {
            checks.add(new Check("evidence", Status.OK, null, n + " files", n == 0 ? "no evidence file listed"
                    : "every evidence file matches evidence-manifest.json"));
        }
    }

    private static void auditLog(Map<String, byte[]> entries, List<Check> checks) {
        byte[] log = entries.get("audit-log.jsonl");
        if (log == null) {
            return;
        }
        try {
            Path tmp = Files.createTempFile("ecocalc-audit-log", ".jsonl");
            try {
                Files.write(tmp, log);
                AuditLogVerification v = AuditLog.verify(tmp);
                if (v.isIntact()) {
                    checks.add(new Check("audit log", Status.OK, null, v.lines() + " lines", "the hash chain is intact"));
                } else {
                    for (AuditLogVerification.Break b : v.problems()) {
                        checks.add(new Check("audit log line " + b.line(), Status.DIFFERENT, null, null, b.message()));
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot check the audit log: " + e.getMessage(), e);
        }
    }

    private String run(Map<String, byte[]> entries, List<Check> checks) {
        byte[] report = entries.get("report.json");
        byte[] activity = entries.get("activity-data.json");
        if (report == null || activity == null) {
            checks.add(new Check(report == null ? "report.json" : "activity-data.json", Status.DIFFERENT, "present",
                    "missing", "the run cannot be recomputed"));
            return null;
        }
        CalculationRun claimed;
        try {
            claimed = CalculationRun.parse(new String(report, StandardCharsets.UTF_8));
        } catch (EcoCalcException e) {
            checks.add(new Check("report.json", Status.DIFFERENT, "a report with its manifest", "unreadable",
                    e.getMessage()));
            return null;
        }
        byte[] manifest = entries.get("run-manifest.json");
        if (manifest != null) {
            try {
                RunManifest m = RunManifest.parse(new String(manifest, StandardCharsets.UTF_8));
                checks.add(m.equals(claimed.manifest())
                        ? new Check("run-manifest.json", Status.OK, null, m.runId(), "the manifest of report.json")
                        : new Check("run-manifest.json", Status.DIFFERENT, claimed.manifest().runId(), m.runId(),
                                "not the manifest of report.json"));
            } catch (EcoCalcException e) {
                checks.add(new Check("run-manifest.json", Status.DIFFERENT, null, null, e.getMessage()));
            }
        }
        TelemetryBatch batch = TelemetryReader.standard().readAll(new ByteArrayInputStream(activity),
                "activity-data.json", TelemetryReader.Format.JSON);
        if (!batch.problems().isEmpty()) {
            checks.add(new Check("activity-data.json", Status.DIFFERENT, "valid records", batch.problems().size()
                    + " problems", batch.problems().get(0).toString()));
        }
        AssetRegistry assets = AssetRegistry.empty();
        byte[] registry = entries.get(AuditPack.ASSET_REGISTRY);
        if (registry != null) {
            try {
                assets = AssetRegistry.parse(new String(registry, StandardCharsets.UTF_8), AuditPack.ASSET_REGISTRY);
            } catch (EcoCalcException e) {
                checks.add(new Check(AuditPack.ASSET_REGISTRY, Status.DIFFERENT, "an asset registry", "unreadable",
                        e.getMessage()));
            }
        }
        CarbonContext base = carbon != null ? carbon : CarbonContext.fromClasspath();
        CarbonContext context = base.withAssets(assets);
        Report recomputed = EcoCalc.calculation(claimed.report().settings()).withCarbon(context).report(batch);
        Verification v = RunVerifier.builder().verificationKey(key).carbon(context).build()
                .compare(claimed, recomputed, false);
        checks.addAll(v.checks());
        return claimed.runId();
    }
}
