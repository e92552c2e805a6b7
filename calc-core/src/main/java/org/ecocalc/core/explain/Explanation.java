package org.ecocalc.core.explain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.telemetry.IdempotencyKey;
import tools.jackson.databind.JsonNode;

/**
 * Everything behind one number: the metric, its value (or why it could not be computed), the
 * group it belongs to, the formula, each input quantity with the records it was summed from, the
 * factors applied, the settings, the engine and the run. Immutable. Built by {@link Explainer};
 * printed by {@code ecocalc explain}.
 *
 * @param metricId       the metric id
 * @param unit           the unit of the value
 * @param value          the value, unrounded, or null when not computable
 * @param notComputable  why it could not be computed, or null
 * @param level          the kind of group
 * @param facilityId     the facility, or null for the total
 * @param periodStart    the first instant of the group, or null when open
 * @param periodEnd      the first instant after the group, or null when open
 * @param formula        the formula, in the notation of {@code docs/methodology.md}
 * @param inputs         each input field with its total over the group
 * @param keys           the idempotency keys of the records that fed the result, or null when
 *                       there are more than the settings' lineage key limit
 * @param selector       which records of the data set fed the result (always given)
 * @param datasetDigest  the digest of the data set the records belong to
 * @param factors        the factors applied, with their citations and selection traces (empty for
 *                       metrics without factors)
 * @param notes          the calculation's remarks on this result (a fallback taken, a vintage
 *                       outside the window), empty when none
 * @param settings       the method settings
 * @param engineName     the engine name
 * @param engineVersion  the engine version
 * @param runId          the run id, or null for a report without a manifest
 */
public record Explanation(String metricId, String unit, BigDecimal value, String notComputable, GroupResult.Level level,
        String facilityId, Instant periodStart, Instant periodEnd, String formula, List<Input> inputs,
        List<IdempotencyKey> keys, String selector, String datasetDigest, List<FactorUse> factors,
        List<String> notes,        MethodSettings settings, String engineName, String engineVersion, String runId) {

    public Explanation {
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(level, "level");
        inputs = List.copyOf(inputs);
        keys = keys == null ? null : List.copyOf(keys);
        factors = List.copyOf(factors);
        notes = List.copyOf(notes);
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * One input of the formula.
     *
     * @param pointer the telemetry field, such as {@code /energy/it}
     * @param total   its exact sum over the group's records, or null when it is not a plain sum (a
     *                percentage, weighted by GPU-hours) or no record reported it
     * @param unit    the unit of the total (the field's canonical unit, or a count)
     * @param records how many records of the group reported it
     * @param note    a remark (how a percentage is weighted), or null
     */
    public record Input(String pointer, BigDecimal total, String unit, long records, String note) {
    }

    /** Whether a value was computed. */
    public boolean isComputed() {
        return value != null;
    }

    /**
     * The settings as name-value pairs in their JSON form's order, nested names joined with a dot
     * ({@code period.unit = month}, {@code wue_basis = withdrawal}, ...), for display. Settings added
     * later (GWP set, Scope 2 method, boundary) appear here without change.
     */
    public List<Map.Entry<String, String>> settingsItems() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        flatten(SettingsJson.toNode(settings), "", out);
        return out;
    }

    private static void flatten(JsonNode n, String prefix, List<Map.Entry<String, String>> out) {
        if (n.isObject()) {
            for (String k : n.propertyNames()) {
                flatten(n.get(k), prefix.isEmpty() ? k : prefix + "." + k, out);
            }
        } else {
            out.add(Map.entry(prefix, n.isString() ? n.stringValue() : n.toString()));
        }
    }
}
