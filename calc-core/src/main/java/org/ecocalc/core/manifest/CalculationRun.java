package org.ecocalc.core.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorPack;
import org.ecocalc.core.explain.Explainer;
import org.ecocalc.core.explain.Explanation;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.TelemetryBatch;
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

    /** The run of a report and the carbon context its calculation used ({@link RunManifest#of(Report, CarbonContext)}). */
    public static CalculationRun of(Report report, CarbonContext carbon) {
        return new CalculationRun(report, RunManifest.of(report, carbon));
    }

    /** Reads a telemetry file or directory and computes the run with the default calculation (class-path packs). */
    public static CalculationRun compute(Path input, MethodSettings settings) {
        return compute(EcoCalc.calculation(settings), input);
    }

    /**
     * Computes the run of a configured calculation over a file or directory. The manifest lists
     * every factor pack of the calculation's library (id, version, digest): the packs that could
     * have been selected, so that a verifier loading the same packs reproduces every selection and
     * its trace; and the digests of its asset registry and overrides, when it has them.
     */
    public static CalculationRun compute(EcoCalc.Calculation calculation, Path input) {
        return of(calculation.report(input), calculation.carbon());
    }

    /** The run of records in memory with a configured calculation. */
    public static CalculationRun compute(EcoCalc.Calculation calculation, Collection<TelemetryRecord> records) {
        return of(calculation.report(records), calculation.carbon());
    }

    /** The run of records in memory with the default calculation. */
    public static CalculationRun compute(Collection<TelemetryRecord> records, MethodSettings settings) {
        return compute(EcoCalc.calculation(settings), records);
    }

    /** The run of a batch read earlier, with a configured calculation. */
    public static CalculationRun compute(EcoCalc.Calculation calculation, TelemetryBatch batch) {
        return of(calculation.report(batch), calculation.carbon());
    }

    /** The references of every pack of a carbon context's library, in pack order. */
    public static List<FactorPackRef> packs(CarbonContext context) {
        List<FactorPackRef> out = new ArrayList<>();
        for (FactorPack p : context.library().packs()) {
            out.add(new FactorPackRef(p.packId(), p.version(), p.digest()));
        }
        return out;
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
