package org.ecocalc.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.explain.Explanation;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.telemetry.IdempotencyKey;

/** The "Explain this number" panel of the seed playbook, as text. */
final class ExplainPanel {
    static final int MAX_WIDTH = 100;
    static final int MAX_KEYS = 10;

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> rules = new ArrayList<>();

    private ExplainPanel() {
    }

    static String render(Explanation e, boolean ascii) {
        ExplainPanel p = new ExplainPanel();
        Metric metric = Metric.fromId(e.metricId());
        String unit = "1".equals(e.unit()) ? "" : " " + e.unit();
        p.add(e.metricId() + ": " + (e.isComputed() ? Decimals.display(e.value(), metric.displayScale()) + unit
                : "not computable"));
        p.add(group(e));
        p.rule();
        p.add("Calculation");
        p.kv("Formula", e.formula());
        if (e.isComputed()) {
            p.kv("Value", Decimals.toCanonicalString(e.value()) + unit + " (unrounded)");
        } else {
            p.kv("Why", e.notComputable());
        }
        boolean first = true;
        for (Explanation.Input in : e.inputs()) {
            String total = in.total() == null ? (in.note() != null ? in.note() : "not reported")
                    : "Σ " + plain(in.total()) + ("count".equals(in.unit()) ? "" : " " + in.unit());
            p.kv(first ? "Inputs" : "", in.pointer() + "  " + total + "  (" + in.records()
                    + (in.records() == 1 ? " record)" : " records)"));
            first = false;
        }
        if (e.keys() != null) {
            int n = 0;
            for (IdempotencyKey k : e.keys()) {
                if (n == MAX_KEYS) {
                    p.kv("", "… and " + (e.keys().size() - MAX_KEYS) + " more (the report lists them)");
                    break;
                }
                p.kv(n == 0 ? "Records" : "", k.toString());
                n++;
            }
            if (e.keys().isEmpty()) {
                p.kv("Records", "none");
            }
        } else {
            p.kv("Records", e.selector());
        }
        p.kv("Data set", e.datasetDigest());
        p.rule();
        p.add("Factors applied");
        if (e.factors().isEmpty()) {
            p.kv("", "none: this number applies no emission or conversion factor");
        }
        for (FactorUse f : e.factors()) {
            p.kv("Factor", f.role() + ": " + (f.value() == null ? "(citation only)" : f.value() + " " + f.unit())
                    + (f.gwpSet() == null ? "" : " (GWP " + f.gwpSet() + ")"));
            p.kv("", f.reference());
            p.kv("Source", f.citation());
            p.kv("Pack", f.packDigest());
            p.kv("Selection", f.level() + " match, " + f.confidence() + " confidence, " + f.records()
                    + (f.records() == 1 ? " record" : " records"));
            for (String t : f.trace()) {
                p.kv("", "- " + t);
            }
        }
        for (String note : e.notes()) {
            p.kv("Note", note);
        }
        p.rule();
        p.add("Configuration");
        boolean firstSetting = true;
        for (Map.Entry<String, String> s : e.settingsItems()) {
            p.kv(firstSetting ? "Settings" : "", s.getKey() + " = " + s.getValue());
            firstSetting = false;
        }
        p.kv("Settings hash", e.settings().digest());
        p.kv("Engine", e.engineName() + " " + e.engineVersion());
        p.kv("Run", e.runId() == null ? "(the report has no manifest)" : e.runId());
        return p.draw(ascii);
    }

    private static String group(Explanation e) {
        if (e.level() == GroupResult.Level.TOTAL) {
            return "Every facility" + range(e);
        }
        if (e.level() == GroupResult.Level.FACILITY) {
            return "Facility " + e.facilityId() + range(e);
        }
        return "Facility " + e.facilityId() + ", period " + (e.periodStart() == null ? "…" : e.periodStart()) + " to "
                + (e.periodEnd() == null ? "…" : e.periodEnd());
    }

    private static String range(Explanation e) {
        if (e.periodStart() == null && e.periodEnd() == null) {
            return ", every period";
        }
        return ", " + (e.periodStart() == null ? "…" : e.periodStart()) + " to " + (e.periodEnd() == null ? "…" : e.periodEnd());
    }

    private static String plain(BigDecimal d) {
        return Decimals.toCanonicalString(d);
    }

    private void add(String text) {
        lines.add(text);
    }

    private void kv(String key, String value) {
        String label = String.format(Locale.ROOT, "  %-14s", key);
        int room = MAX_WIDTH - 4 - label.length();
        String v = value;
        boolean first = true;
        while (!v.isEmpty()) {
            int cut = v.length() <= room ? v.length() : breakAt(v, room);
            lines.add((first ? label : " ".repeat(label.length())) + v.substring(0, cut).stripTrailing());
            v = v.substring(cut).stripLeading();
            first = false;
        }
        if (first) {
            lines.add(label);
        }
    }

    private static int breakAt(String v, int room) {
        int space = v.lastIndexOf(' ', room);
        return space > room / 2 ? space : room;
    }

    private void rule() {
        rules.add(lines.size());
    }

    private String draw(boolean ascii) {
        int width = 0;
        for (String l : lines) {
            width = Math.max(width, l.length());
        }
        String h = ascii ? "-" : "─";
        String v = ascii ? "|" : "│";
        StringBuilder b = new StringBuilder();
        b.append(ascii ? "+" : "┌").append(h.repeat(width + 2)).append(ascii ? "+" : "┐").append('\n');
        for (int i = 0; i < lines.size(); i++) {
            if (rules.contains(i)) {
                b.append(ascii ? "+" : "├").append(h.repeat(width + 2)).append(ascii ? "+" : "┤").append('\n');
            }
            String l = lines.get(i);
            b.append(v).append(' ').append(l).append(" ".repeat(width - l.length())).append(' ').append(v).append('\n');
        }
        b.append(ascii ? "+" : "└").append(h.repeat(width + 2)).append(ascii ? "+" : "┘").append('\n');
        return b.toString();
    }
}
