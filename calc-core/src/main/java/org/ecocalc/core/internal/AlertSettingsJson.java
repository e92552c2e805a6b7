package org.ecocalc.core.internal;

import java.math.BigDecimal;
import java.util.Set;
import org.ecocalc.core.alert.AlertRule;
import org.ecocalc.core.alert.AlertSettings;
import org.ecocalc.core.alert.AlertSettingsException;
import org.ecocalc.core.quantity.Decimals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link AlertSettings}: snake_case, decimals as strings, counts as integers,
 * every rule listed under {@code thresholds} (null when off). Embed {@link #toNode} in the
 * method settings' JSON to make the alert settings part of the settings hash.
 */
public final class AlertSettingsJson {
    private static final Set<String> MEMBERS = Set.of("consecutive_breaches", "clear_after", "hysteresis_pct",
            "spike_window", "drift_baseline_window", "drift_recent_window", "thresholds");

    private AlertSettingsJson() {
    }

    /** The settings as a JSON object. */
    public static ObjectNode toNode(AlertSettings s) {
        ObjectNode n = Json.object();
        n.put("consecutive_breaches", s.consecutiveBreaches());
        n.put("clear_after", s.clearAfter());
        n.put("hysteresis_pct", Json.decimal(s.hysteresisPct()));
        n.put("spike_window", s.spikeWindow());
        n.put("drift_baseline_window", s.driftBaselineWindow());
        n.put("drift_recent_window", s.driftRecentWindow());
        ObjectNode t = n.putObject("thresholds");
        for (AlertRule r : AlertRule.values()) {
            BigDecimal v = s.threshold(r);
            if (v == null) {
                t.putNull(r.id());
            } else {
                t.put(r.id(), Json.decimal(v));
            }
        }
        return n;
    }

    /**
     * Reads the JSON form; a missing member keeps its default.
     *
     * @throws AlertSettingsException naming the member by JSON Pointer
     */
    public static AlertSettings parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AlertSettingsException("", "malformed JSON: " + e.getOriginalMessage());
        }
        return fromNode(root, "");
    }

    /**
     * Reads the JSON form from a tree; {@code at} is the object's JSON Pointer, for messages.
     *
     * @throws AlertSettingsException naming the member by JSON Pointer
     */
    public static AlertSettings fromNode(JsonNode root, String at) {
        if (root == null || !root.isObject()) {
            throw new AlertSettingsException(at.isEmpty() ? "/" : at, "alert settings are a JSON object");
        }
        AlertSettings.Builder b = AlertSettings.builder();
        for (String name : root.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new AlertSettingsException(at + "/" + name, "unknown member");
            }
        }
        int baseline = AlertSettings.DEFAULT_DRIFT_BASELINE_WINDOW;
        int recent = AlertSettings.DEFAULT_DRIFT_RECENT_WINDOW;
        try {
            if (root.has("consecutive_breaches")) {
                b.consecutiveBreaches(integer(root, "consecutive_breaches", at));
            }
            if (root.has("clear_after")) {
                b.clearAfter(integer(root, "clear_after", at));
            }
            if (root.has("hysteresis_pct")) {
                b.hysteresisPct(decimal(root.get("hysteresis_pct"), at + "/hysteresis_pct"));
            }
            if (root.has("spike_window")) {
                b.spikeWindow(integer(root, "spike_window", at));
            }
            if (root.has("drift_baseline_window")) {
                baseline = integer(root, "drift_baseline_window", at);
            }
            if (root.has("drift_recent_window")) {
                recent = integer(root, "drift_recent_window", at);
            }
            b.driftWindows(baseline, recent);
        } catch (AlertSettingsException e) {
            throw e.setting().startsWith("/") ? e : new AlertSettingsException(at + "/" + e.setting(), e.reason());
        }
        JsonNode t = root.get("thresholds");
        if (t != null) {
            if (!t.isObject()) {
                throw new AlertSettingsException(at + "/thresholds", "an object of rule id to threshold");
            }
            for (String id : t.propertyNames()) {
                AlertRule rule;
                try {
                    rule = AlertRule.fromId(id);
                } catch (IllegalArgumentException e) {
                    throw new AlertSettingsException(at + "/thresholds/" + id, "unknown alert rule");
                }
                JsonNode v = t.get(id);
                try {
                    b.threshold(rule, v.isNull() ? null : decimal(v, at + "/thresholds/" + id));
                } catch (AlertSettingsException e) {
                    throw e.setting().startsWith("/") ? e : new AlertSettingsException(at + "/thresholds/" + id, e.reason());
                }
            }
        }
        try {
            return b.build();
        } catch (AlertSettingsException e) {
            throw new AlertSettingsException(at + "/thresholds/" + e.setting(), e.reason());
        }
    }

    private static int integer(JsonNode root, String name, String at) {
        JsonNode v = root.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new AlertSettingsException(at + "/" + name, "must be a whole number");
        }
        return v.intValue();
    }

    private static BigDecimal decimal(JsonNode v, String pointer) {
        if (!v.isString()) {
            throw new AlertSettingsException(pointer, "a decimal is written as a string, such as \"1.5\"");
        }
        try {
            return Decimals.parse(v.stringValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new AlertSettingsException(pointer, "not a plain decimal: " + e.getMessage());
        }
    }
}
