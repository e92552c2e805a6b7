package org.ecocalc.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Lineage;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.MetricResult;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.TelemetryField;

/**
 * Builds {@link Explanation}s from a report (and its manifest, when it has one). Input totals are
 * read from the group's own sums ({@code activity.*} and the water totals), so an explanation
 * never recomputes anything.
 *
 * <pre>{@code
 * Explanation e = Explainer.of(run).explain("efficiency.pue");                       // the total
 * Explanation f = Explainer.of(run).explain("water.wue_l_per_kwh", "fra-1", "2026-03"); // fra-1, March
 * }</pre>
 */
public final class Explainer {
    private final Report report;
    private final String runId;

    private Explainer(Report report, String runId) {
        this.report = Objects.requireNonNull(report, "report");
        this.runId = runId;
    }

    /** An explainer of a run. */
    public static Explainer of(CalculationRun run) {
        return new Explainer(run.report(), run.runId());
    }

    /**
     * An explainer of a report. The factors applied to each result are read from its lineage.
     *
     * @param report   the report
     * @param manifest its manifest, or null (the explanation then has no run id)
     */
    public static Explainer of(Report report, RunManifest manifest) {
        return new Explainer(report, manifest == null ? null : manifest.runId());
    }

    /** The metric over every facility and period (the report's total). */
    public Explanation explain(String metricId) {
        return explain(metricId, null, null);
    }

    /**
     * The metric of one group.
     *
     * @param metricId   the metric id
     * @param facilityId the facility, or null for the total
     * @param period     null for the facility's total; else the start of one of its periods, or a
     *                   prefix of it in ISO-8601 ({@code 2026-03} for March 2026 in a monthly report,
     *                   {@code 2026-03-02} for a day)
     * @throws EcoCalcException ({@link ErrorCode#UNKNOWN_METRIC}) for an unknown metric id;
     *                          ({@link ErrorCode#INVALID_SETTINGS}) when no group, or several, match
     */
    public Explanation explain(String metricId, String facilityId, String period) {
        Metric metric = metric(metricId);
        GroupResult group = group(facilityId, period);
        MetricResult r = group.metric(metric);
        Lineage lineage = r.lineage();
        List<Explanation.Input> inputs = new ArrayList<>();
        for (Lineage.Input in : lineage.inputs()) {
            inputs.add(input(group, in));
        }
        return new Explanation(metric.id(), metric.unit(), r.value(), r.reason(), group.level(), group.facilityId(),
                group.periodStart(), group.periodEnd(), metric.formula(), inputs,
                lineage.keysListed() ? lineage.keys() : null, selector(lineage), report.dataset().digest(),
                lineage.factors(), lineage.notes(), report.settings(), report.engineName(), report.engineVersion(), runId);
    }

    /** The metric with this id, or an {@link ErrorCode#UNKNOWN_METRIC} error listing close ids. */
    static Metric metric(String id) {
        Objects.requireNonNull(id, "metricId");
        for (Metric m : Metric.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        List<String> close = new ArrayList<>();
        String tail = id.contains(".") ? id.substring(id.indexOf('.') + 1) : id;
        for (Metric m : Metric.values()) {
            if (m.id().contains(tail) || tail.contains(m.id().substring(m.id().indexOf('.') + 1))) {
                close.add(m.id());
            }
        }
        throw new EcoCalcException(ErrorCode.UNKNOWN_METRIC, "unknown metric \"" + id + "\""
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
    }

    private GroupResult group(String facilityId, String period) {
        if (facilityId == null) {
            if (period != null) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "a period is chosen within a facility: name the "
                        + "facility too");
            }
            return report.total();
        }
        if (period == null) {
            GroupResult g = report.facility(facilityId);
            if (g == null) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "no facility \"" + facilityId + "\" in the report; "
                        + "facilities: " + String.join(", ", report.facilities().stream().map(GroupResult::facilityId).toList()));
            }
            return g;
        }
        List<GroupResult> matches = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (GroupResult g : report.groups()) {
            if (g.facilityId().equals(facilityId)) {
                String start = String.valueOf(g.periodStart());
                starts.add(start);
                if (start.startsWith(period)) {
                    matches.add(g);
                }
            }
        }
        if (matches.size() != 1) {
            throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, (matches.isEmpty() ? "no period" : "several periods")
                    + " of " + facilityId + " start with \"" + period + "\"; periods: " + String.join(", ", starts));
        }
        return matches.get(0);
    }

    private static Explanation.Input input(GroupResult group, Lineage.Input in) {
        TelemetryField f = in.field();
        if (f.isPercent()) {
            return new Explanation.Input(f.pointer(), null, "%", in.records(), "a percentage: weighted by the GPU-hours "
                    + "of the records that report it");
        }
        Metric sum = sumOf(f);
        MetricResult r = sum == null ? null : group.metric(sum);
        String unit = f.isAmount() ? f.dimension().canonicalUnit().symbol() : "count";
        return new Explanation.Input(f.pointer(), r == null ? null : r.value(), unit, in.records(), null);
    }

    /** The registry's plain-sum metric of a field ({@code activity.energy_it_kwh} for {@code /energy/it}), or null. */
    static Metric sumOf(TelemetryField f) {
        for (Metric m : Metric.values()) {
            if (m.inputs().size() == 1 && m.inputs().get(0) == f && m.formula().startsWith("Σ")) {
                return m;
            }
        }
        return null;
    }

    private String selector(Lineage l) {
        StringBuilder b = new StringBuilder("the records of ");
        b.append(l.facilityId() == null ? "every facility" : "facility " + l.facilityId());
        if (l.from() != null || l.to() != null) {
            b.append(" whose interval overlaps [").append(l.from() == null ? "…" : l.from()).append(", ")
                    .append(l.to() == null ? "…" : l.to()).append(')');
        }
        b.append(" that report ");
        List<String> fields = l.inputs().stream().map(i -> i.field().pointer()).toList();
        b.append(String.join(" or ", fields));
        b.append(", in data set ").append(report.dataset().digest());
        return b.toString();
    }
}
