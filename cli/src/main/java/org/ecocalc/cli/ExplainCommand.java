package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecocalc.core.explain.Explainer;
import org.ecocalc.core.explain.Explanation;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunJson;
import org.ecocalc.core.manifest.RunManifest;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.report.ReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc explain}: "explain this number". */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains one number of a report: its formula, the input quantities and the records they came "
                + "from, the factors applied, the settings, the engine and the run id.",
                "Without --facility: the total. With --facility: that facility over every period, or one period with "
                        + "--period (the start of the period, or a prefix of it such as 2026-03)."})
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "A report (ecocalc report --out).")
    Path report;

    @Parameters(index = "1", paramLabel = "<metric>", description = "A metric id, such as efficiency.pue.")
    String metric;

    @Option(names = "--facility", paramLabel = "<id>", description = "The facility (default: every facility).")
    String facility;

    @Option(names = "--period", paramLabel = "<start>", description = "One period of the facility, by its start (2026-03, 2026-03-02).")
    String period;

    @Option(names = "--ascii", description = "Draw the panel with ASCII characters only.")
    boolean ascii;

    @Override
    public Integer call() {
        String json = Files2.read(report);
        Report r;
        RunManifest m = null;
        if (RunJson.hasManifest(json)) {
            CalculationRun run = CalculationRun.parse(json);
            r = run.report();
            m = run.manifest();
        } else {
            r = ReportJson.parse(json);
        }
        Explanation e = Explainer.of(r, m).explain(metric, facility, period);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ExplainPanel.render(e, ascii));
        out.flush();
        return Main.OK;
    }
}
