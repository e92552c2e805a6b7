package org.ecocalc.core.manifest;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.explain.Explainer;
import org.ecocalc.core.explain.Explanation;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryBatch;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * One calculation: its {@link Report} and its {@link RunManifest}. Immutable. The same inputs,
 * packs and settings give the same manifest bytes, whatever the order of the records, the number
 * of threads or partitions, or the JVM (see {@code docs/run-manifest.md}).
 *
 * <pre>{@code
 * CalculationRun run = CalculationRun.compute(Path.of("telemetry.json"), MethodSettings.defaults());
 * String runId = run.runId();                      // sha256:…
 * String json = run.toJson();                      // the report with its manifest
 * CalculationRun signed = run.signedWith(SigningKey.fromPem(pem));
 * }</pre>
 *
 * <p>A run built by {@link #of} or {@code compute} is consistent; one read by {@link #parse} holds
 * what the file says, which {@link RunVerifier} checks against the inputs.
 *
 * @param report   the report
 * @param manifest its manifest
 */
public record CalculationRun(Report report, RunManifest manifest) {
    public CalculationRun {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** The run of a report computed without factor packs. */
    public static CalculationRun of(Report report) {
        return new CalculationRun(report, RunManifest.of(report));
    }

    /** The run of a report and the factor packs its calculation used. */
    public static CalculationRun of(Report report, List<FactorPackRef> factorPacks) {
        return new CalculationRun(report, RunManifest.of(report, factorPacks));
    }

    /** Reads a telemetry file or directory and computes the run ({@link EcoCalc#report(Path, MethodSettings)}). */
    public static CalculationRun compute(Path input, MethodSettings settings) {
        return of(EcoCalc.report(input, settings));
    }

    /** As {@link EcoCalc#report(Path, MethodSettings, TelemetryReader, Consumer)}, with the manifest. */
    public static CalculationRun compute(Path input, MethodSettings settings, TelemetryReader reader,
            Consumer<RecordProblem> listener) {
        return of(EcoCalc.report(input, settings, reader, listener));
    }

    /** The run of records in memory ({@link EcoCalc#report(Collection, MethodSettings)}). */
    public static CalculationRun compute(Collection<TelemetryRecord> records, MethodSettings settings) {
        return of(EcoCalc.report(records, settings));
    }

    /** The run of a batch read earlier ({@link EcoCalc#report(TelemetryBatch, MethodSettings)}). */
    public static CalculationRun compute(TelemetryBatch batch, MethodSettings settings) {
        return of(EcoCalc.report(batch, settings));
    }

    /** Reads a run written by {@link #toJson()} ({@link RunJson#parse(String)}). */
    public static CalculationRun parse(String json) {
        return RunJson.parse(json);
    }

    /** The run id ({@code sha256:…}). */
    public String runId() {
        return manifest.runId();
    }

    /** This run with its manifest signed by {@code key}. */
    public CalculationRun signedWith(SigningKey key) {
        return new CalculationRun(report, key.sign(manifest));
    }

    /**
     * Explains one metric of the report's total: formula, inputs with their records, factors,
     * settings, engine and run id ({@link Explainer}).
     *
     * @throws org.ecocalc.core.EcoCalcException ({@link org.ecocalc.core.ErrorCode#UNKNOWN_METRIC}) for an unknown id
     */
    public Explanation explain(String metricId) {
        return Explainer.of(this).explain(metricId);
    }

    /**
     * Explains one metric of one group ({@link Explainer#explain(String, String, String)}).
     *
     * @param facilityId the facility, or null for the total
     * @param period     null for the facility's total, or the start of one of its periods (an
     *                   ISO-8601 prefix such as {@code 2026-03})
     */
    public Explanation explain(String metricId, String facilityId, String period) {
        return Explainer.of(this).explain(metricId, facilityId, period);
    }

    /** The report with its manifest, as JSON ({@link RunJson#toJson(CalculationRun)}). */
    public String toJson() {
        return RunJson.toJson(this);
    }
}
