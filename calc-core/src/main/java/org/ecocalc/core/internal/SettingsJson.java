package org.ecocalc.core.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.EnergyBasis;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.WueBasis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link MethodSettings}, both ways. Every member {@link #toNode} writes is read
 * by {@link #fromNode}: a round-trip test keeps them in step when settings are added.
 */
public final class SettingsJson {
    private static final Set<String> MEMBERS = Set.of("period", "wue_basis", "workload_energy_basis",
            "lineage_key_limit");
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
        return b.build();
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
