package org.ecocalc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.factor.FactorLibrary;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.usage.Estimate;
import org.ecocalc.core.usage.ImpactPart;
import org.ecocalc.core.usage.UsageCalculator;
import org.ecocalc.core.usage.UsageDimension;
import org.ecocalc.core.usage.UsageFlag;
import org.ecocalc.core.usage.UsageGroup;
import org.ecocalc.core.usage.UsageGrouping;
import org.ecocalc.core.usage.UsageReader;
import org.ecocalc.core.usage.UsageReport;
import org.ecocalc.core.usage.UsageReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc usage}: usage events in, a table of energy, water and carbon (low/central/high) and JSON out. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Reads AI usage events (a .json or .jsonl file, or a directory of them: docs/schemas/"
                + "usage-event.v1.json), estimates each event's energy, water and carbon with a low-high range, and"
                + " prints them grouped (--group-by); --out writes the usage report JSON.",
                "Bad events are listed on standard error and refused; every good event is still counted."})
final class UsageCommand implements Callable<Integer> {
    private static final ImpactPart[] PARTS = {ImpactPart.ENERGY, ImpactPart.WATER, ImpactPart.CARBON};
    private static final int DISPLAY_DIGITS = 4;
    private static final String[] HEADERS = {"kWh", "water L", "kgCO2e"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<events.jsonl|dir>", description = "Usage event file or directory.")
    Path input;

    @Option(names = "--group-by", defaultValue = "model,day", paramLabel = "<items>",
            description = "Comma-separated: organisation, team, user, provider, model, region, and at most one of day,"
                    + " month, quarter, year (default: ${DEFAULT-VALUE}; an empty value gives the total only).")
    String groupBy;

    @Option(names = "--offset", defaultValue = "Z", paramLabel = "<offset>",
            description = "UTC offset at which days begin, such as +01:00 (default: Z).")
    String offset;

    @Option(names = "--from", paramLabel = "<instant>", description = "Count only events starting from this instant.")
    String from;

    @Option(names = "--to", paramLabel = "<instant>", description = "Count only events starting before this instant.")
    String to;

    @Option(names = {"-o", "--out"}, paramLabel = "<file>",
            description = "Write the usage report JSON here ('-' for standard output, which replaces the table).")
    String out;

    @Option(names = "--factors", paramLabel = "<dir>",
            description = "Also load the factor packs (*.json) of this directory, besides the shipped ones.")
    Path factors;

    @Option(names = "--gwp", defaultValue = "AR6", paramLabel = "<set>",
            description = "GWP set for grid factors published per gas: AR4, AR5 or AR6 (default: ${DEFAULT-VALUE}).")
    String gwp;

    @Option(names = "--gwp-horizon", defaultValue = "100", paramLabel = "<years>",
            description = "GWP horizon: 100 or 20 (default: ${DEFAULT-VALUE}).")
    int gwpHorizon;

    @Option(names = "--organisation", paramLabel = "<id>",
            description = "Organisation for organisation-scoped overrides of events that name none.")
    String organisation;

    @Option(names = "--max-errors", defaultValue = "100", paramLabel = "<n>",
            description = "Print at most this many problems (all are counted; default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Option(names = "--no-schema", description = "Skip the JSON Schema check (the reader's own checks still apply).")
    boolean noSchema;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        UsageGrouping grouping;
        MethodSettings settings;
        try {
            ReportingPeriod base = ReportingPeriod.of(PeriodUnit.ALL).withOffset(ZoneOffset.of(offset))
                    .within(instant("--from", from), instant("--to", to));
            grouping = UsageGrouping.parse(groupBy, base);
            settings = MethodSettings.builder().gwp(parseGwp(), GwpHorizon.ofYears(gwpHorizon))
                    .organisationId(organisation).build();
        } catch (EcoCalcException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--offset: " + e.getMessage());
        }
        FactorLibrary library = FactorLibrary.fromClasspath(UsageCommand.class.getClassLoader());
        if (factors != null) {
            library = library.withAll(FactorLibrary.fromDirectory(factors).packs());
        }
        UsageCalculator calculator = UsageCalculator.of(CarbonContext.builder(library).build(), settings);
        UsageReader reader = UsageReader.builder().schemaValidation(!noSchema).build();
        long[] printed = {0};
        UsageReport report = UsageReport.calculate(input, reader, calculator, grouping, p -> {
            if (printed[0]++ < maxErrors) {
                stderr.println((p.isError() ? "error: " : "warning: ") + p);
            }
        });
        if (printed[0] > maxErrors) {
            stderr.println("... and " + (printed[0] - maxErrors) + " more problems (the report JSON lists up to "
                    + UsageReport.MAX_LISTED_PROBLEMS + ")");
        }
        if ("-".equals(out)) {
            OutputStream o = System.out;
            stdout.flush();
            UsageReportJson.write(report, o);
            o.flush();
        } else {
            print(report, stdout);
            if (out != null) {
                Path target = Path.of(out);
                Files.write(target, UsageReportJson.toJson(report).getBytes(StandardCharsets.UTF_8));
                stdout.println("usage report written to " + target);
            } else {
                stdout.println("(add --out usage.json to write the usage report JSON)");
            }
        }
        stdout.flush();
        return report.hasRejections() ? Main.BAD_INPUT : Main.OK;
    }

    private void print(UsageReport r, PrintWriter out) {
        UsageGrouping g = r.grouping();
        out.printf(Locale.ROOT, "%s %s | %s | %d events counted, %d refused, %d repeats ignored%n", r.engineName(),
                r.engineVersion(), input.getFileName(), r.total().events(), r.read().rejected(), r.repeats());
        out.printf(Locale.ROOT, "grouped by %s (offset %s) | GWP %s %d-year%n", g.describe(),
                g.period().offset().getId(), r.settings().gwpSet().name(), r.settings().gwpHorizon().years());
        out.println();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (UsageDimension d : g.dimensions()) {
            header.add(d.id());
        }
        boolean timed = g.period().unit() != PeriodUnit.ALL;
        boolean totalOnly = g.dimensions().isEmpty() && !timed;
        if (totalOnly) {
            header.add(""); // the TOTAL label's column
        }
        if (timed) {
            header.add(g.period().unit().id());
        }
        header.add("calls");
        header.add("GPU jobs");
        header.add("tokens in");
        header.add("tokens out");
        for (String h : HEADERS) {
            header.add(h + " (low-high)");
        }
        int keys = g.dimensions().size() + (timed ? 1 : 0);
        rows.add(header.toArray(new String[0]));
        if (!totalOnly) {
            for (UsageGroup group : r.groups()) {
                rows.add(row(group, g, timed, false));
            }
        }
        int separator = rows.size();
        rows.add(row(r.total(), g, timed, true));
        int[] width = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 || i == separator) {
                out.println(rule(width));
            }
            out.println(format(rows.get(i), width, Math.max(keys, 1)));
        }
        out.println();
        if (!r.total().flags().isEmpty()) {
            List<String> f = new ArrayList<>();
            for (Map.Entry<UsageFlag, Long> e : r.total().flags().entrySet()) {
                f.add(e.getKey().id() + " " + e.getValue());
            }
            out.println("flags (events): " + String.join(", ", f));
        }
        r.total().notComputable().forEach((id, why) -> out.println("n/a " + id + ": " + why));
        out.println("Values are central [low-high], rounded to " + DISPLAY_DIGITS + " significant digits (half-even) for display"
                + " only; the JSON is exact.");
    }

    private static String[] row(UsageGroup group, UsageGrouping g, boolean timed, boolean total) {
        List<String> cells = new ArrayList<>();
        for (UsageDimension d : g.dimensions()) {
            String v = total ? "" : group.key().get(d);
            cells.add(v == null ? "-" : v);
        }
        if (timed) {
            cells.add(total ? "" : label(g.period(), group.periodStart()));
        }
        if (total && cells.isEmpty()) {
            cells.add("TOTAL"); // grouped by nothing: the total is the only row
        } else if (total) {
            cells.set(0, "TOTAL");
        }
        cells.add(Long.toString(group.calls()));
        cells.add(Long.toString(group.gpuJobs()));
        cells.add(group.tokensIn().toString());
        cells.add(group.tokensOut().toString());
        for (int i = 0; i < PARTS.length; i++) {
            Estimate e = group.estimate(PARTS[i]);
            cells.add(e == null ? "n/a" : show(e.central()) + " [" + show(e.low()) + "-" + show(e.high()) + "]");
        }
        return cells.toArray(new String[0]);
    }

    /** Display only: {@value #DISPLAY_DIGITS} significant digits, half-even, plain notation. */
    private static String show(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        return v.round(new MathContext(DISPLAY_DIGITS, Decimals.DISPLAY_ROUNDING)).stripTrailingZeros().toPlainString();
    }

    private static String label(ReportingPeriod p, Instant start) {
        if (start == null) {
            return "all";
        }
        LocalDateTime s = LocalDateTime.ofEpochSecond(start.getEpochSecond(), start.getNano(), p.offset());
        switch (p.unit()) {
            case DAY: return String.format(Locale.ROOT, "%04d-%02d-%02d", s.getYear(), s.getMonthValue(), s.getDayOfMonth());
            case MONTH: return String.format(Locale.ROOT, "%04d-%02d", s.getYear(), s.getMonthValue());
            case QUARTER: return String.format(Locale.ROOT, "%04d-Q%d", s.getYear(), (s.getMonthValue() - 1) / 3 + 1);
            case YEAR: return String.format(Locale.ROOT, "%04d", s.getYear());
            default: return start.toString();
        }
    }

    private static String format(String[] row, int[] width, int keys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[i] - row[i].length());
            b.append(i < keys ? row[i] + pad : pad + row[i]);
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

    private Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option
                    + ": expected an ISO-8601 date-time with an offset, such as 2026-01-01T00:00:00Z (got " + text + ")");
        }
    }

    private GwpSet parseGwp() {
        try {
            return GwpSet.fromId(gwp.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gwp: expected AR4, AR5 or AR6 (got " + gwp + ")");
        }
    }
}
