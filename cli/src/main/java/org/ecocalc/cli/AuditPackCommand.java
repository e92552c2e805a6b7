package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecocalc.core.audit.AuditPack;
import org.ecocalc.core.carbon.AssetRegistry;
import org.ecocalc.core.manifest.CalculationRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc audit-pack}: the zip an auditor gets. */
@Command(name = "audit-pack", mixinStandardHelpOptions = true,
        description = {"Writes the audit pack of a run: activity data (CSV and JSON), factors used, citations, "
                + "methodology, results CSV, change log, evidence manifest, README and checksums.sha256, in one "
                + "deterministic zip (the same run gives the same bytes). Check it with ecocalc verify <pack.zip>."})
final class AuditPackCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "The report with its manifest (ecocalc report --out).")
    Path report;

    @Option(names = "--inputs", required = true, paramLabel = "<file|dir>", description = "The telemetry the report was computed from.")
    Path inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<pack.zip>", description = "Where to write the zip.")
    Path out;

    @Option(names = "--evidence", arity = "1..*", paramLabel = "<file>",
            description = "Evidence files (invoices, meter readings): listed with their SHA-256 and included.")
    List<Path> evidence = new ArrayList<>();

    @Option(names = "--assets", paramLabel = "<file>",
            description = "The asset registry the run used (ecocalc report --assets): included in the pack.")
    Path assets;

    @Option(names = "--audit-log", paramLabel = "<file.jsonl>", description = "An audit log to include (its chain is checked first).")
    Path auditLog;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        String json = Files2.read(report);
        CalculationRun run = CalculationRun.parse(json);
        String sha = AuditPack.builder(run).inputs(inputs).evidence(evidence).auditLog(auditLog)
                .assets(assets == null ? AssetRegistry.empty() : AssetRegistry.read(assets)).write(out);
        stdout.println("audit pack " + out + " (" + sha + ") for run " + run.runId());
        stdout.flush();
        return Main.OK;
    }
}
