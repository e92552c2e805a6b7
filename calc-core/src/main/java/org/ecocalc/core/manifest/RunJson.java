package org.ecocalc.core.manifest;

import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link CalculationRun}: the report JSON ({@code ecocalc.report/1}, exactly as
 * {@link ReportJson#toJson(Report)} writes it) with one more member at the end, {@code manifest},
 * holding the {@link RunManifest}. A reader that does not know manifests reads the report as
 * before; {@link ReportJson#parse(String)} accepts and ignores the member.
 */
public final class RunJson {
    /** The name of the member that holds the manifest: {@value}. */
    public static final String MANIFEST_MEMBER = "manifest";

    private RunJson() {
    }

    /** The run as pretty JSON (two-space indent, LF, final LF). The same run always gives the same bytes. */
    public static String toJson(CalculationRun run) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(run, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #toJson(CalculationRun)} as UTF-8, streaming (one group's tree at a time, as
     * {@link ReportJson#write(Report, java.io.OutputStream)}). The stream is not closed.
     */
    public static void write(CalculationRun run, java.io.OutputStream out) {
        ReportJson.write(run.report(), out, MANIFEST_MEMBER, run.manifest().toNode());
    }

    /**
     * Reads a run: the report and its manifest, as the file says (see {@link RunVerifier} to check
     * them).
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) if the report cannot be read or has
     *                          no manifest; ({@link ErrorCode#INVALID_MANIFEST}) if the manifest
     *                          cannot be read
     */
    public static CalculationRun parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = tree(json);
        Report report = ReportJson.parse(json);
        JsonNode m = root.get(MANIFEST_MEMBER);
        if (m == null) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the report has no manifest (write it with "
                    + "CalculationRun / ecocalc report)");
        }
        return new CalculationRun(report, RunManifest.fromNode(m, "/" + MANIFEST_MEMBER));
    }

    /** Whether a report JSON text has a {@code manifest} member. */
    public static boolean hasManifest(String json) {
        JsonNode root = tree(json);
        return root.isObject() && root.has(MANIFEST_MEMBER);
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the report is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
