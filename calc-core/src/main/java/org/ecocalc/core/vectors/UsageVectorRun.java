package org.ecocalc.core.vectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.InvalidSettingsException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.usage.Estimate;
import org.ecocalc.core.usage.UsageCalculator;
import org.ecocalc.core.usage.UsageDimension;
import org.ecocalc.core.usage.UsageGroup;
import org.ecocalc.core.usage.UsageGrouping;
import org.ecocalc.core.usage.UsageMetric;
import org.ecocalc.core.usage.UsageReader;
import org.ecocalc.core.usage.UsageReport;
import org.ecocalc.core.vectors.VectorRunner.VectorError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A usage-event vector ({@code "input_kind": "usage_event"}): its settings, its computation as
 * {@code ecocalc usage} does it, and the comparison of its expectations. Package-private.
 *
 * <p>Settings ({@code docs/test-vectors.md}): {@code group_by} (an array of dimension ids and at most
 * one period, as {@code ecocalc usage --group-by}; absent or empty: the total only), {@code period}
 * ({@code offset}, {@code from}, {@code to}: the day start and the range of {@code started_at} counted,
 * as {@code --offset}, {@code --from}, {@code --to}), {@code gwp} and {@code organisation_id} (as
 * {@code --gwp}, {@code --gwp-horizon}, {@code --organisation}), each in the method settings' JSON
 * form. Any other member, and {@code period.unit}, is {@code invalid_settings}: the usage calculation
 * does not read it.
 */
final class UsageVectorRun {
    /** The settings members the usage calculation reads. */
    static final Set<String> MEMBERS = Set.of("group_by", "period", "gwp", "organisation_id");

    private UsageVectorRun() {
    }

    /** The usage report of a vector, or a {@link VectorError} for invalid settings. */
    static UsageReport compute(TestVector v, CarbonContext carbon) {
        ObjectNode settings = (ObjectNode) Json.MAPPER.readTree(v.settingsJson());
        for (String name : settings.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/" + escape(name), "settings member \""
                        + name + "\" is not read by the usage calculation; a usage vector's settings are group_by,"
                        + " period (offset, from, to), gwp and organisation_id");
            }
        }
        JsonNode period = settings.get("period");
        if (period != null && period.isObject() && period.has("unit")) {
            throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/period/unit", "a usage vector groups time"
                    + " with group_by (day, month, quarter or year), not period.unit");
        }
        JsonNode groupBy = settings.get("group_by");
        ObjectNode rest = settings.deepCopy();
        rest.remove("group_by");
        MethodSettings method;
        try {
            method = MethodSettings.parse(Json.compact(rest));
        } catch (InvalidSettingsException ex) {
            throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings" + ex.pointer(), ex.getMessage());
        }
        ReportingPeriod base = ReportingPeriod.of(PeriodUnit.ALL).withOffset(method.period().offset())
                .within(method.period().from(), method.period().to());
        UsageGrouping grouping = grouping(groupBy, base);
        UsageCalculator calculator = UsageCalculator.of(carbon, method);
        return VectorRunner.withInputFile(v, input -> UsageReport.calculate(input, UsageReader.standard(), calculator,
                grouping, null));
    }

    /**
     * {@code group_by}: each item a dimension id or a period, as {@link UsageGrouping#parse}; the first
     * item that makes it invalid is named ({@code /settings/group_by/<i>}).
     */
    private static UsageGrouping grouping(JsonNode groupBy, ReportingPeriod base) {
        if (groupBy == null) {
            return new UsageGrouping(List.of(), base);
        }
        if (!groupBy.isArray()) {
            throw new VectorError(ErrorCode.INVALID_SETTINGS, "/settings/group_by", "group_by must be an array of"
                    + " dimension ids (organisation, team, user, provider, model, region) and at most one period (day,"
                    + " month, quarter, year)");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            JsonNode item = groupBy.get(i);
            String at = "/settings/group_by/" + i;
            if (!item.isString() || item.stringValue().isBlank() || item.stringValue().contains(",")) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, at, "each group_by item must be one dimension id or"
                        + " period (got " + item + ")");
            }
            items.add(item.stringValue());
            try {
                UsageGrouping.parse(String.join(",", items), base);
            } catch (EcoCalcException ex) {
                throw new VectorError(ErrorCode.INVALID_SETTINGS, at, ex.getMessage());
            }
        }
        return UsageGrouping.parse(String.join(",", items), base);
    }

    /** Compares every expectation of a usage vector with its report; one line per mismatch. */
    static void compare(TestVector v, UsageReport report, List<String> f) {
        TestVector.Expected e = v.expected();
        BigDecimal tolerance = v.toleranceRel();
        metrics("total", e.metrics(), report.total(), tolerance, f);
        for (TestVector.Group eg : e.groups()) {
            String label = label(eg.key()) + " " + eg.periodStart();
            UsageGroup g = group(report, eg);
            if (g == null) {
                f.add("no group " + label + " in the report; groups: " + report.groups().stream()
                        .map(x -> label(key(x)) + " " + x.periodStart()).toList());
                continue;
            }
            if (eg.periodEnd() != null && !eg.periodEnd().equals(String.valueOf(g.periodEnd()))) {
                f.add(label + ": period end: expected " + eg.periodEnd() + ", got " + g.periodEnd());
            }
            metrics(label, eg.metrics(), g, tolerance, f);
        }
        if (e.groupCount() != null && e.groupCount() != report.groups().size()) {
            f.add("group count: expected " + e.groupCount() + ", got " + report.groups().size());
        }
        VectorRunner.problems(e, report.problems(), f);
        if (e.rejected() != null && e.rejected() != report.read().rejected()) {
            f.add("rejected events: expected " + e.rejected() + ", got " + report.read().rejected());
        }
        if (e.flags() != null) {
            TreeMap<String, Long> actual = new TreeMap<>();
            report.total().flags().forEach((flag, n) -> actual.put(flag.id(), n));
            if (!actual.equals(e.flags())) {
                f.add("flags: expected " + e.flags() + ", got " + actual);
            }
        }
    }

    private static void metrics(String label, Map<String, String> expected, UsageGroup g, BigDecimal tolerance,
            List<String> f) {
        for (Map.Entry<String, String> m : expected.entrySet()) {
            String id = m.getKey();
            UsageMetric metric = metric(id);
            if (metric == null) {
                f.add(label + " " + id + ": not a usage metric");
                continue;
            }
            BigDecimal actual;
            String reason = null;
            if (metric.part() == null) {
                actual = g.metrics().get(id);
            } else {
                Estimate est = g.estimate(metric.part());
                reason = g.reason(metric.part());
                actual = est == null ? null
                        : id.equals(metric.lowId()) ? est.low() : id.equals(metric.highId()) ? est.high() : est.central();
            }
            String want = m.getValue();
            if (want == null) {
                if (actual != null) {
                    f.add(label + " " + id + ": expected not computable, got " + Decimals.toCanonicalString(actual));
                }
                continue;
            }
            if (actual == null) {
                f.add(label + " " + id + ": expected " + want + ", got not computable (" + reason + ")");
                continue;
            }
            if (!VectorRunner.matches(new BigDecimal(want), actual, tolerance)) {
                f.add(label + " " + id + ": expected " + want + ", got " + Decimals.toCanonicalString(actual)
                        + (tolerance == null ? "" : " (tolerance " + tolerance.toPlainString() + " relative)"));
            }
        }
    }

    /** The usage metric whose central, {@code _low} or {@code _high} id this is, or null. */
    static UsageMetric metric(String id) {
        for (UsageMetric m : UsageMetric.values()) {
            if (m.id().equals(id) || m.lowId().equals(id) || m.highId().equals(id)) {
                return m;
            }
        }
        return null;
    }

    private static UsageGroup group(UsageReport report, TestVector.Group eg) {
        for (UsageGroup g : report.groups()) {
            if (key(g).equals(eg.key()) && String.valueOf(g.periodStart()).equals(String.valueOf(eg.periodStart()))) {
                return g;
            }
        }
        return null;
    }

    /** A group's key by dimension id, in the grouping's order; a null value for events without one. */
    private static Map<String, String> key(UsageGroup g) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<UsageDimension, String> k : g.key().entrySet()) {
            out.put(k.getKey().id(), k.getValue());
        }
        return out;
    }

    private static String label(Map<String, String> key) {
        if (key == null || key.isEmpty()) {
            return "(all)";
        }
        List<String> parts = new ArrayList<>();
        key.forEach((d, value) -> parts.add(d + "=" + value));
        return String.join(",", parts);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
