package org.ecocalc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.ReportValues;
import org.ecocalc.core.simulate.Prices;
import org.ecocalc.core.simulate.Projection;
import org.ecocalc.core.simulate.Simulation;
import org.ecocalc.core.simulate.SimulationJson;
import org.ecocalc.core.simulate.SimulationResult;
import org.ecocalc.core.simulate.Simulator;
import org.ecocalc.core.simulate.YearValues;
import org.javamoney.moneta.Money;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc simulate}: a baseline report and scenarios in, projections per year side by side out. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Projects a baseline report (ecocalc report --out report.json) over N years under the scenarios "
                + "of a scenario file (docs/schemas/scenario.v1.json) and prints the baseline and each scenario per "
                + "year with the differences; --out writes the full result JSON.",
                "Values are rounded half-even for display only; the JSON is unrounded."})
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "The baseline report JSON.")
    Path report;

    @Option(names = "--scenario", required = true, paramLabel = "<file>", description = "The scenario file.")
    Path scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "<file>",
            description = "Write the result JSON here ('-' for standard output, which replaces the table).")
    String out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ReportValues values = ReportValues.parse(AlertsCommand.read(report));
        Simulation sim = Simulation.parse(AlertsCommand.read(scenario));
        SimulationResult r = Simulator.run(values, sim);
        if ("-".equals(out)) {
            stdout.flush();
            OutputStream o = System.out;
            o.write(SimulationJson.toJson(r).getBytes(StandardCharsets.UTF_8));
            o.flush();
            return Main.OK;
        }
        print(r, stdout);
        if (out != null) {
            Files.write(Path.of(out), SimulationJson.toJson(r).getBytes(StandardCharsets.UTF_8));
            stdout.println("result written to " + out);
        } else {
            stdout.println("(add --out result.json to write the result JSON)");
        }
        stdout.flush();
        return Main.OK;
    }

    static void print(SimulationResult r, PrintWriter out) {
        Simulation sim = r.simulation();
        String currency = sim.prices() == null ? null : sim.prices().currency().getCurrencyCode();
        int cents = sim.prices() == null ? 0 : sim.prices().currency().getDefaultFractionDigits();
        out.printf(Locale.ROOT, "baseline: %s, %s s of data%s; %d years; baseline growth %s %%/yr%s%n",
                r.facilityId() == null ? "all facilities" : "facility " + r.facilityId(),
                Decimals.toCanonicalString(r.coveredSeconds()), r.annualised() ? " scaled to 365 days" : " taken as one year",
                sim.years(), Decimals.toCanonicalString(sim.baselineGrowthPct()),
                currency == null ? "; no prices" : "; costs in " + currency + " (carbon priced on " + sim.prices().carbonBasis()
                        + " Scope 2" + (sim.prices().carbonIncludesEmbodied() ? " and embodied" : "") + ")");
        out.println();
        table(r.baseline(), null, currency, cents, out);
        for (Projection p : r.scenarios()) {
            out.println();
            table(p, r.baseline(), currency, cents, out);
        }
        out.println();
        out.println("MWh: facility energy; t: tonnes CO2e; Δ: scenario minus baseline in the same year. "
                + "Rounded half-even for display only.");
    }

    private static void table(Projection p, Projection base, String currency, int cents, PrintWriter out) {
        out.println("== " + p.name() + (p.scenario() == null ? " (business as usual)" : "")
                + " | growth " + Decimals.toCanonicalString(p.growthPctPerYear()) + " %/yr"
                + (p.scenario() == null ? "" : " | " + SimulationJson.parameters(p.scenario()).toString()));
        for (String n : p.notes()) {
            out.println("   note: " + n);
        }
        List<String> head = new ArrayList<>(List.of("year", "MWh", "PUE", "water m3", "S1 t", "S2 loc t", "S2 mkt t",
                "embodied t"));
        if (currency != null) {
            head.add("cost " + currency);
        }
        if (base != null) {
            head.addAll(List.of("Δ MWh", "Δ S2 loc t", "Δ S2 mkt t", "Δ water m3"));
            if (currency != null) {
                head.add("Δ cost " + currency);
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(head.toArray(String[]::new));
        for (int y = 0; y < p.years().size(); y++) {
            YearValues v = p.years().get(y);
            List<String> row = new ArrayList<>(List.of(Integer.toString(v.year()), kilo(v.energyFacilityKwh(), 1),
                    show(v.pue(), 3), kilo(v.waterL(), 1), kilo(v.scope1Kgco2e(), 2), kilo(v.scope2LocationKgco2e(), 2),
                    kilo(v.scope2MarketKgco2e(), 2), kilo(v.embodiedKgco2e(), 2)));
            if (currency != null) {
                row.add(money(v.costs() == null ? null : v.costs().total(), cents));
            }
            if (base != null) {
                YearValues d = p.deltas().get(y);
                row.addAll(List.of(kilo(d.energyFacilityKwh(), 1), kilo(d.scope2LocationKgco2e(), 2),
                        kilo(d.scope2MarketKgco2e(), 2), kilo(d.waterL(), 1)));
                if (currency != null) {
                    row.add(money(d.costs() == null ? null : d.costs().total(), cents));
                }
            }
            rows.add(row.toArray(String[]::new));
        }
        Table.print(rows, 1, out);
    }

    private static String kilo(BigDecimal v, int places) {
        return v == null ? "n/a" : Decimals.display(v.movePointLeft(3), places);
    }

    private static String show(BigDecimal v, int places) {
        return v == null ? "n/a" : Decimals.display(v, places);
    }

    private static String money(Money m, int cents) {
        Function<Money, String> f = x -> Decimals.display(Prices.amount(x), cents);
        return m == null ? "n/a" : f.apply(m);
    }
}
