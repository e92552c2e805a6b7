package org.ecocalc.core.internal;

import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.quality.QualitySettings;
import org.ecocalc.core.score.ScoreSettings;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of {@link MethodSettings}. */
public final class SettingsJson {
    private SettingsJson() {
    }

    /** The settings as a JSON object (snake_case; open range sides omitted). */
    public static ObjectNode toNode(MethodSettings s) {
        ObjectNode n = Json.object();
        ReportingPeriod p = s.period();
        ObjectNode period = n.putObject("period");
        period.put("unit", p.unit().id());
        period.put("offset", p.offset().getId());
        if (p.from() != null) {
            period.put("from", Json.instant(p.from()));
        }
        if (p.to() != null) {
            period.put("to", Json.instant(p.to()));
        }
        n.put("wue_basis", s.wueBasis().id());
        n.put("workload_energy_basis", s.workloadEnergyBasis().id());
        n.put("lineage_key_limit", s.lineageKeyLimit());
        ObjectNode gwp = n.putObject("gwp");
        gwp.put("set", s.gwpSet().name());
        gwp.put("horizon_years", s.gwpHorizon().years());
        n.put("scope2_method", s.scope2Method().id());
        n.put("carbon_basis", s.carbonBasis().id());
        n.put("per_unit_includes_embodied", s.perUnitIncludesEmbodied());
        n.put("boundary", s.boundary().id());
        if (s.organisationId() != null) {
            n.put("organisation_id", s.organisationId());
        }
        QualitySettings q = s.quality();
        ObjectNode quality = n.putObject("quality");
        ObjectNode cadences = quality.putObject("cadences_s");
        q.cadences().forEach((k, v) -> cadences.put(k, Json.decimal(v)));
        quality.put("latency_target_s", Json.decimal(q.latencyTargetSeconds()));
        quality.put("outlier_method", q.outlierMethod().id());
        quality.put("outlier_threshold", Json.decimal(q.outlierThreshold()));
        quality.put("drift_window", q.driftWindow());
        quality.put("drift_sigmas", Json.decimal(q.driftSigmas()));
        ArrayNode series = quality.putArray("series");
        q.series().forEach(f -> series.add(f.pointer()));
        ObjectNode weights = quality.putObject("confidence_weights");
        q.weights().forEach((k, v) -> weights.put(k, Json.decimal(v)));
        ScoreSettings sc = s.score();
        ObjectNode score = n.putObject("score");
        ObjectNode w = score.putObject("weights");
        w.put("carbon", Json.decimal(sc.wCarbon()));
        w.put("water", Json.decimal(sc.wWater()));
        w.put("efficiency", Json.decimal(sc.wEfficiency()));
        w.put("hardware", Json.decimal(sc.wHardware()));
        score.put("carbon_reference_kgco2e_per_gpu_hour", Json.decimal(sc.carbonReference()));
        score.put("water_reference_l_per_gpu_hour", Json.decimal(sc.waterReference()));
        score.put("pue_worst", Json.decimal(sc.pueWorst()));
        score.put("utilization_target_pct", Json.decimal(sc.utilizationTarget()));
        return n;
    }
}
