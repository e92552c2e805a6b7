package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.report.GroupResult;
import org.ecocalc.core.report.Metric;
import org.ecocalc.core.report.Report;

/** The readable summary of a report: one row per facility and period, facility totals, the total. */
final class SummaryTable {
    private static final Metric[] COLUMNS = {
        Metric.ACTIVITY_ENERGY_FACILITY_KWH, Metric.EFFICIENCY_PUE, Metric.WATER_WITHDRAWAL_L,
        Metric.WATER_WUE_L_PER_KWH, Metric.ACTIVITY_GPU_HOURS, Metric.EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH,
        Metric.HARDWARE_UTILIZATION_PCT, Metric.CARBON_SCOPE1_KGCO2E, Metric.CARBON_SCOPE2_LOCATION_KGCO2E,
        Metric.CARBON_SCOPE2_MARKET_KGCO2E, Metric.CARBON_PER_GPU_HOUR_KGCO2E, Metric.QUALITY_COMPLETENESS_PCT,
        Metric.SCORE_SUSTAINABILITY_PCT,
    };
    private static final String[] HEADERS = {
        "facility kWh", "PUE", "water L", "WUE L/kWh", "GPU-h", "kWh/GPU-h", "util %", "S1 kgCO2e",
        "S2 loc kgCO2e", "S2 mkt kgCO2e", "kgCO2e/GPU-h", "complete %", "score",
    };

    private SummaryTable() {
    }

    static void print(Report r, Path input, PrintWriter out) {
        ReportingPeriod p = r.settings().period();
        out.printf(Locale.ROOT, "%s %s | %s | %d records used, %d refused, %d repeats ignored%n", r.engineName(),
                r.engineVersion(), input.getFileName(), r.dataset().records(), r.rejected(), r.dataset().duplicates());
        out.printf(Locale.ROOT, "data set %s | period %s (offset %s)%s%n", r.dataset().digest(), p.unit().id(),
                p.offset().getId(), p.isBounded() ? " from " + orOpen(p.from()) + " to " + orOpen(p.to()) : "");
        out.println();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[HEADERS.length + 3];
        header[0] = "facility";
        header[1] = "period";
        header[2] = "records";
        System.arraycopy(HEADERS, 0, header, 3, HEADERS.length);
        rows.add(header);
        for (GroupResult g : r.groups()) {
            rows.add(row(g.facilityId(), label(p, g.periodStart(), g.periodEnd()), g));
        }
        int separator = rows.size();
        for (GroupResult g : r.facilities()) {
            rows.add(row(g.facilityId(), "all", g));
        }
        rows.add(row("TOTAL", "all", r.total()));
        int[] width = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 || i == separator) {
                out.println(rule(width));
            }
            out.println(format(rows.get(i), width));
        }
        out.println();
        out.printf(Locale.ROOT, "carbon: GWP %s %d-year, Scope 2 %s, per GPU-hour on the %s basis%s%n",
                r.settings().gwpSet().name(), r.settings().gwpHorizon().years(), r.settings().scope2Method().id(),
                r.settings().carbonBasis().id(), r.settings().perUnitIncludesEmbodied() ? " with embodied" : "");
        out.println("n/a: not computable (the report JSON says why). Values are rounded half-even for display only.");
    }

    private static String[] row(String facility, String period, GroupResult g) {
        String[] row = new String[COLUMNS.length + 3];
        row[0] = facility;
        row[1] = period;
        row[2] = Long.toString(g.records());
        for (int i = 0; i < COLUMNS.length; i++) {
            row[i + 3] = g.metric(COLUMNS[i]).display();
        }
        return row;
    }

    private static String format(String[] row, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            String cell = row[i];
            String pad = " ".repeat(width[i] - cell.length());
            b.append(i < 2 ? cell + pad : pad + cell);
        }
        return b.toString().stripTrailing();
    }

    private static String rule(int[] width) {
        int total = 0;
        for (int w : width) {
            total += w + 2;
        }
        return "-".repeat(total - 2);
    }

    private static String label(ReportingPeriod p, Instant start, Instant end) {
        if (start == null) {
            return "all";
        }
        LocalDateTime s = LocalDateTime.ofEpochSecond(start.getEpochSecond(), start.getNano(), p.offset());
        PeriodUnit u = p.unit();
        switch (u) {
            case DAY: return String.format(Locale.ROOT, "%04d-%02d-%02d", s.getYear(), s.getMonthValue(), s.getDayOfMonth());
            case MONTH: return String.format(Locale.ROOT, "%04d-%02d", s.getYear(), s.getMonthValue());
            case QUARTER: return String.format(Locale.ROOT, "%04d-Q%d", s.getYear(), (s.getMonthValue() - 1) / 3 + 1);
            case YEAR: return String.format(Locale.ROOT, "%04d", s.getYear());
            default: return start + ".." + (end == null ? "" : end.toString());
        }
    }

    private static String orOpen(Instant i) {
        return i == null ? "(open)" : i.toString();
    }

}
