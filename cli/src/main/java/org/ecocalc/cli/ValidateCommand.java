package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecocalc.core.validate.ReportValidator;
import org.ecocalc.core.validate.Validation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc validate}: a report's schema and consistency, without its inputs. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a report JSON without its inputs: its schema (docs/schemas/report.v1.json), then totals "
                + "equal to their parts, PUE >= 1, both Scope 2 methods when the settings say both, versioned factor "
                + "citations, and the manifest's hashes.",
                "Prints one line per finding (severity, code, JSON Pointer, message; docs/validation.md) and exits 1 "
                        + "when any finding is an error. Warnings and infos do not fail it."})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "The report (ecocalc report --out).")
    Path report;

    @Option(names = "--format", defaultValue = "text", paramLabel = "<text|json>",
            description = "text (default) or json (ecocalc.validation/1, docs/schemas/validation.v1.json).")
    String format;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected text or json (got "
                    + format + ")");
        }
        Validation v = ReportValidator.validate(Files2.read(report));
        PrintWriter out = spec.commandLine().getOut();
        out.print(f.equals("json") ? v.toJson() : v.toText());
        out.flush();
        return v.isValid() ? Main.OK : Main.BAD_INPUT;
    }
}
