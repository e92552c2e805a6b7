package org.ecocalc.core.vectors;

import java.util.List;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.report.ReportValues;
import org.ecocalc.core.simulate.Simulation;
import org.ecocalc.core.simulate.SimulationJson;
import org.ecocalc.core.simulate.SimulationResult;
import org.ecocalc.core.simulate.Simulator;
import org.ecocalc.core.vectors.VectorRunner.VectorError;
import tools.jackson.databind.JsonNode;

/**
 * A scenario vector ({@code "input_kind": "scenario"}): a baseline projected under the vector's
 * {@code scenario} file exactly as {@code ecocalc simulate} does ({@link ReportValues#parse},
 * {@link Simulation#parse}, {@link Simulator#run}), compared with the result's
 * {@code ecocalc.simulation/1} JSON ({@link SimulationJson#toNode}).
 *
 * <p>The baseline is the input: a report document, read as the command reads its report file; or
 * telemetry records (an array, or {@code input_text} in JSON Lines), first reported with the vector's settings, packs, overrides and assets
 * as a telemetry vector is ({@code ecocalc report}), and read back from the report's JSON. A report
 * is not recomputed, so a report baseline takes no settings, packs, overrides or assets.
 * Package-private.
 */
final class ScenarioVectorRun {
    private ScenarioVectorRun() {
    }

    static SimulationResult compute(TestVector v) {
        // Telemetry: a JSON array of records, or JSON Lines; anything else is a report document.
        boolean telemetry = v.inputJsonLines() || v.inputText().strip().startsWith("[");
        ReportValues values;
        if (telemetry) {
            CarbonContext carbon = VectorRunner.carbonContext(v);
            MethodSettings settings;
            try {
                settings = MethodSettings.parse(v.settingsJson());
            } catch (InvalidSettingsException ex) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings" + ex.pointer(), ex.getMessage());
            }
            Report report = VectorRunner.withInputFile(v, in -> EcoCalc.calculation(settings).withCarbon(carbon)
                    .report(in));
            values = ReportValues.parse(ReportJson.toJson(report));
        } else {
            JsonNode settings = Json.MAPPER.readTree(v.settingsJson());
            String name = JsonExpectation.firstMember(settings);
            if (name != null) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/" + JsonExpectation.escape(name),
                        "a report baseline is not recomputed: settings apply only to a telemetry baseline");
            }
            if (!v.factorPacks().isEmpty() || !v.overrides().isEmpty() || v.assetsJson() != null) {
                throw new VectorError(ErrorCode.INVALID_TEST_VECTOR, !v.factorPacks().isEmpty() ? "/factor_packs"
                        : !v.overrides().isEmpty() ? "/overrides" : "/assets",
                        "a report baseline is not recomputed: packs, overrides and assets apply only to a telemetry"
                                + " baseline");
            }
            try {
                values = ReportValues.parse(v.inputText());
            } catch (EcoCalcException ex) {
                throw new VectorError(ex.code(), "/input", ex.getMessage());
            }
        }
        Simulation simulation;
        try {
            simulation = Simulation.parse(v.scenarioJson());
        } catch (EcoCalcException ex) {
            throw new VectorError(ex.code(), "/scenario", ex.getMessage());
        }
        try {
            return Simulator.run(values, simulation);
        } catch (EcoCalcException ex) {
            throw new VectorError(ex.code(), ex.code() == ErrorCode.INVALID_REPORT ? "/input" : "/scenario",
                    ex.getMessage());
        }
    }

    /** Compares the expected subset of the result's {@code ecocalc.simulation/1} JSON. */
    static void compare(TestVector v, SimulationResult r, List<String> f) {
        String want = v.expected().simulation();
        if (want != null) {
            JsonExpectation.compare("simulation", "", Json.MAPPER.readTree(want), SimulationJson.toNode(r),
                    v.toleranceRel(), f);
        }
    }
}
