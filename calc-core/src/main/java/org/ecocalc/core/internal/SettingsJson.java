package org.ecocalc.core.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecocalc.core.Boundary;
import org.ecocalc.core.CarbonBasis;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.EnergyBasis;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.Scope2Method;
import org.ecocalc.core.WueBasis;
import org.ecocalc.core.alert.AlertSettingsException;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.quality.OutlierMethod;
import org.ecocalc.core.quality.QualitySettings;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.score.ScoreSettings;
import org.ecocalc.core.telemetry.TelemetryField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link MethodSettings}, both ways. Every member {@link #toNode} writes is read
 * by {@link #fromNode}: a round-trip test keeps them in step when settings are added.
 */
public final class SettingsJson {
    private static final Set<String> MEMBERS = Set.of("period", "wue_basis", "workload_energy_basis",
            "lineage_key_limit", "gwp", "scope2_method", "carbon_basis", "per_unit_includes_embodied", "boundary",
            "organisation_id", "quality", "score", "alerts");
    private static final Set<String> GWP_MEMBERS = Set.of("set", "horizon_years");
    private static final Set<String> QUALITY_MEMBERS = Set.of("cadences_s", "latency_target_s", "outlier_method",
            "outlier_threshold", "drift_window", "drift_sigmas", "series", "confidence_weights");
    private static final Set<String> SCORE_MEMBERS = Set.of("weights", "carbon_reference_kgco2e_per_gpu_hour",
            "water_reference_l_per_gpu_hour", "pue_worst", "utilization_target_pct");
    private static final Set<String> PERIOD_MEMBERS = Set.of("unit", "offset", "from", "to");

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
        n.set("alerts", AlertSettingsJson.toNode(s.alerts()));
        return n;
    }

    /**
     * Reads settings from their JSON form. A member that is absent takes its default
     * ({@link MethodSettings#defaults()}); an unknown member, a wrong type or an unknown value is
     * refused, naming the member.
     *
     * @throws InvalidSettingsException naming the first offending member by JSON Pointer
     */
    public static MethodSettings fromNode(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidSettingsException("", "settings must be a JSON object");
        }
        unknown(n, MEMBERS, "");
        MethodSettings.Builder b = MethodSettings.builder();
        JsonNode period = n.get("period");
        if (period != null) {
            b.period(period(period));
        }
        if (n.has("wue_basis")) {
            b.wueBasis(enumValue(WueBasis.class, n.get("wue_basis"), "/wue_basis"));
        }
        if (n.has("workload_energy_basis")) {
            b.workloadEnergyBasis(enumValue(EnergyBasis.class, n.get("workload_energy_basis"),
                    "/workload_energy_basis"));
        }
        JsonNode limit = n.get("lineage_key_limit");
        if (limit != null) {
            if (!limit.isIntegralNumber() || !limit.canConvertToInt()) {
                throw new InvalidSettingsException("/lineage_key_limit", "lineage_key_limit must be an integer");
            }
            try {
                b.lineageKeyLimit(limit.intValue());
            } catch (EcoCalcException e) {
                throw new InvalidSettingsException("/lineage_key_limit", e.getMessage());
            }
        }
        try {
            JsonNode gwp = n.get("gwp");
            if (gwp != null) {
                unknown(gwp, GWP_MEMBERS, "/gwp");
                GwpSet set = GwpSet.fromId(text(gwp.get("set"), "/gwp/set"));
                JsonNode years = gwp.get("horizon_years");
                if (years == null || !years.isIntegralNumber()) {
                    throw new InvalidSettingsException("/gwp/horizon_years", "horizon_years must be 100 or 20");
                }
                b.gwp(set, GwpHorizon.ofYears(years.intValue()));
            }
            if (n.has("scope2_method")) {
                b.scope2Method(enumValue(Scope2Method.class, n.get("scope2_method"), "/scope2_method"));
            }
            if (n.has("carbon_basis")) {
                b.carbonBasis(enumValue(CarbonBasis.class, n.get("carbon_basis"), "/carbon_basis"));
            }
            if (n.has("per_unit_includes_embodied")) {
                JsonNode e = n.get("per_unit_includes_embodied");
                if (!e.isBoolean()) {
                    throw new InvalidSettingsException("/per_unit_includes_embodied", "must be true or false");
                }
                b.perUnitIncludesEmbodied(e.booleanValue());
            }
            if (n.has("boundary")) {
                b.boundary(enumValue(Boundary.class, n.get("boundary"), "/boundary"));
            }
            if (n.has("organisation_id")) {
                b.organisationId(text(n.get("organisation_id"), "/organisation_id"));
            }
            if (n.has("quality")) {
                b.quality(quality(n.get("quality")));
            }
            if (n.has("score")) {
                b.score(score(n.get("score")));
            }
            if (n.has("alerts")) {
                try {
                    b.alerts(AlertSettingsJson.fromNode(n.get("alerts"), "/alerts"));
                } catch (AlertSettingsException e) {
                    throw new InvalidSettingsException(e.setting(), e.reason());
                }
            }
        } catch (InvalidSettingsException e) {
            throw e;
        } catch (EcoCalcException | IllegalArgumentException e) {
            throw new InvalidSettingsException("", e.getMessage());
        }
        return b.build();
    }

    private static QualitySettings quality(JsonNode q) {
        unknown(q, QUALITY_MEMBERS, "/quality");
        QualitySettings.Builder b = QualitySettings.builder();
        JsonNode cadences = q.get("cadences_s");
        if (cadences != null) {
            for (String source : cadences.propertyNames()) {
                b.cadence(source, decimal(cadences.get(source), "/quality/cadences_s/" + escape(source)));
            }
        }
        if (q.has("latency_target_s")) {
            b.latencyTargetSeconds(decimal(q.get("latency_target_s"), "/quality/latency_target_s"));
        }
        if (q.has("outlier_method")) {
            b.outliers(enumValue(OutlierMethod.class, q.get("outlier_method"), "/quality/outlier_method"),
                    q.has("outlier_threshold") ? decimal(q.get("outlier_threshold"), "/quality/outlier_threshold") : null);
        }
        if (q.has("drift_window") || q.has("drift_sigmas")) {
            JsonNode w = q.get("drift_window");
            b.drift(w == null ? QualitySettings.DEFAULT_DRIFT_WINDOW : w.intValue(),
                    q.has("drift_sigmas") ? decimal(q.get("drift_sigmas"), "/quality/drift_sigmas")
                            : QualitySettings.DEFAULT_DRIFT_SIGMAS);
        }
        JsonNode series = q.get("series");
        if (series != null) {
            List<TelemetryField> fields = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                TelemetryField f = TelemetryField.fromPointer(text(series.get(i), "/quality/series/" + i));
                if (f == null) {
                    throw new InvalidSettingsException("/quality/series/" + i, "not a telemetry field pointer");
                }
                fields.add(f);
            }
            b.series(fields);
        }
        JsonNode weights = q.get("confidence_weights");
        if (weights != null) {
            Map<String, BigDecimal> w = new TreeMap<>();
            for (String k : weights.propertyNames()) {
                w.put(k, decimal(weights.get(k), "/quality/confidence_weights/" + escape(k)));
            }
            b.weights(w);
        }
        return b.build();
    }

    private static ScoreSettings score(JsonNode s) {
        unknown(s, SCORE_MEMBERS, "/score");
        ScoreSettings.Builder b = ScoreSettings.builder();
        JsonNode w = s.get("weights");
        if (w != null) {
            b.weights(decimal(w.get("carbon"), "/score/weights/carbon"), decimal(w.get("water"), "/score/weights/water"),
                    decimal(w.get("efficiency"), "/score/weights/efficiency"),
                    decimal(w.get("hardware"), "/score/weights/hardware"));
        }
        // Each baseline that is given replaces its default; the others keep theirs.
        b.baselines(orDefault(s, "carbon_reference_kgco2e_per_gpu_hour", ScoreSettings.DEFAULT_CARBON_REFERENCE),
                orDefault(s, "water_reference_l_per_gpu_hour", ScoreSettings.DEFAULT_WATER_REFERENCE),
                orDefault(s, "pue_worst", ScoreSettings.DEFAULT_PUE_WORST),
                orDefault(s, "utilization_target_pct", ScoreSettings.DEFAULT_UTILIZATION_TARGET));
        return b.build();
    }

    private static BigDecimal orDefault(JsonNode score, String member, BigDecimal fallback) {
        return score.has(member) ? decimal(score.get(member), "/score/" + member) : fallback;
    }

    private static BigDecimal decimal(JsonNode n, String pointer) {
        if (n == null || !n.isString()) {
            throw new InvalidSettingsException(pointer, "must be a decimal string");
        }
        try {
            return Decimals.parse(n.stringValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidSettingsException(pointer, e.getMessage());
        }
    }

    private static ReportingPeriod period(JsonNode p) {
        if (!p.isObject()) {
            throw new InvalidSettingsException("/period", "period must be a JSON object");
        }
        unknown(p, PERIOD_MEMBERS, "/period");
        PeriodUnit unit = PeriodUnit.MONTH;
        if (p.has("unit")) {
            String id = text(p.get("unit"), "/period/unit");
            try {
                unit = PeriodUnit.fromId(id);
            } catch (EcoCalcException e) {
                throw new InvalidSettingsException("/period/unit", e.getMessage());
            }
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (p.has("offset")) {
            String id = text(p.get("offset"), "/period/offset");
            try {
                offset = ZoneOffset.of(id);
            } catch (DateTimeException e) {
                throw new InvalidSettingsException("/period/offset", "offset must be Z or ±hh:mm (got \"" + id + "\")");
            }
        }
        Instant from = p.has("from") ? instant(p.get("from"), "/period/from") : null;
        Instant to = p.has("to") ? instant(p.get("to"), "/period/to") : null;
        try {
            return new ReportingPeriod(unit, offset, from, to);
        } catch (EcoCalcException e) {
            throw new InvalidSettingsException("/period/to", e.getMessage());
        }
    }

    private static void unknown(JsonNode n, Set<String> known, String at) {
        if (!n.isObject()) {
            throw new InvalidSettingsException(at, (at.isEmpty() ? "settings" : at.substring(1))
                    + " must be a JSON object with members " + String.join(", ", known.stream().sorted().toList()));
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        while (it.hasNext()) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                throw new InvalidSettingsException(at + "/" + escape(name), "unknown settings member \"" + name
                        + "\"; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode n, String pointer) {
        if (n == null) {
            throw new InvalidSettingsException(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " is missing");
        }
        if (!n.isString()) {
            throw new InvalidSettingsException(pointer, "must be a string");
        }
        return n.stringValue();
    }

    private static Instant instant(JsonNode n, String pointer) {
        String s = text(n, pointer);
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidSettingsException(pointer, "expected an ISO-8601 date-time with an offset, such as "
                    + "2026-01-01T00:00:00Z (got \"" + s + "\")");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String pointer) {
        String s = text(n, pointer);
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String id = e.name().toLowerCase(java.util.Locale.ROOT);
            if (id.equals(s)) {
                return e;
            }
            known.append(known.length() == 0 ? "" : ", ").append(id);
        }
        throw new InvalidSettingsException(pointer, "unknown value \"" + s + "\"; use " + known);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
