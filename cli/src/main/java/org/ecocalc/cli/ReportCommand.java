package org.ecocalc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecocalc.core.CarbonBasis;
import org.ecocalc.core.EcoCalc;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.EnergyBasis;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.PeriodUnit;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.Scope2Method;
import org.ecocalc.core.WueBasis;
import org.ecocalc.core.audit.AuditEvent;
import org.ecocalc.core.audit.AuditLog;
import org.ecocalc.core.audit.IngestAuditor;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunJson;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.report.Report;
import org.ecocalc.core.telemetry.TelemetryReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc report}: telemetry in, a summary table and the report JSON out. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reads telemetry (a .json or .jsonl file, or a directory of them), prints a summary per "
                + "facility and period and the run id, and writes the report JSON with its run manifest with --out.",
                "Bad records are listed on standard error and refused; every good record is still counted."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file|dir>", description = "Telemetry file or directory.")
    Path input;

    @Option(names = "--period", defaultValue = "month", paramLabel = "<unit>",
            description = "Grouping: day, month, quarter, year or all (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--from", paramLabel = "<instant>", description = "Count only from this instant (ISO-8601 with offset).")
    String from;

    @Option(names = "--to", paramLabel = "<instant>", description = "Count only before this instant (ISO-8601 with offset).")
    String to;

    @Option(names = "--offset", defaultValue = "Z", paramLabel = "<offset>",
            description = "UTC offset at which days begin, such as +01:00 (default: Z).")
    String offset;

    @Option(names = "--wue-basis", defaultValue = "withdrawal", paramLabel = "<basis>",
            description = "WUE numerator: withdrawal, cooling or consumption (default: ${DEFAULT-VALUE}).")
    String wueBasis;

    @Option(names = "--energy-basis", defaultValue = "facility", paramLabel = "<basis>",
            description = "Energy per GPU-hour, run and request: facility or it (default: ${DEFAULT-VALUE}).")
    String energyBasis;

    @Option(names = "--lineage-keys", defaultValue = "20", paramLabel = "<n>",
            description = "List a result's record keys when it has at most this many records (default: ${DEFAULT-VALUE}).")
    int lineageKeys;

    @Option(names = {"-o", "--out"}, paramLabel = "<file>",
            description = "Write the report JSON here ('-' for standard output, which replaces the table).")
    String out;

    @Option(names = "--max-errors", defaultValue = "100", paramLabel = "<n>",
            description = "Print at most this many problems (all are counted and kept in the report; default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Option(names = "--schema-check", description = "Also check every record against the JSON Schema, the reference "
            + "(slower; the reader's own checks are equivalent: docs/performance.md).")
    boolean schemaCheck;

    @Option(names = "--sign", paramLabel = "<key.pem>",
            description = "Sign the run manifest with this Ed25519 private key (PKCS#8 PEM; make one with ecocalc keygen).")
    Path signingKey;

    @Option(names = "--audit-log", paramLabel = "<file.jsonl>",
            description = "Append the ingest events (accepted, rejected, duplicate) and the calculation to this "
                    + "hash-chained audit log (created when absent; the input is read a second time for it).")
    Path auditLog;

    @Option(names = "--actor", defaultValue = "ecocalc-cli", paramLabel = "<name>",
            description = "Who is named in the audit log's events (default: ${DEFAULT-VALUE}).")
    String actor;

    @CommandLine.Mixin
    CarbonOptions carbonOptions = new CarbonOptions();

    @Option(names = "--gwp", defaultValue = "AR6", paramLabel = "<set>",
            description = "GWP set: AR4, AR5 or AR6 (default: ${DEFAULT-VALUE}).")
    String gwp;

    @Option(names = "--gwp-horizon", defaultValue = "100", paramLabel = "<years>",
            description = "GWP horizon: 100 or 20 (default: ${DEFAULT-VALUE}).")
    int gwpHorizon;

    @Option(names = "--scope2", defaultValue = "both", paramLabel = "<method>",
            description = "Scope 2 method: location, market or both (default: ${DEFAULT-VALUE}).")
    String scope2;

    @Option(names = "--carbon-basis", defaultValue = "location", paramLabel = "<basis>",
            description = "Scope 2 total of carbon per GPU-hour/run/request and CUE: location or market (default: ${DEFAULT-VALUE}).")
    String carbonBasis;

    @Option(names = "--embodied-per-unit", description = "Include embodied carbon in carbon per GPU-hour, run and request.")
    boolean embodiedPerUnit;

    @Option(names = "--organisation", paramLabel = "<id>", description = "Organisation id, for organisation-scoped factor overrides.")
    String organisation;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        MethodSettings settings = settings();
        long totalBytes = 0;
        for (Path p : TelemetryReader.inputFiles(input)) {
            totalBytes += Files.size(p);
        }
        Progress progress = new Progress(stderr, totalBytes, Progress.stderrIsTerminal());
        TelemetryReader reader = TelemetryReader.builder().schemaValidation(schemaCheck).progressListener(progress).build();
        long[] printed = {0};
        long started = System.nanoTime();
        SigningKey key = signingKey == null ? null : SigningKey.fromPem(Files.readString(signingKey, StandardCharsets.UTF_8));
        EcoCalc.Calculation calculation = EcoCalc.calculation(settings).withCarbon(carbonOptions.context()).withReader(reader);
        CalculationRun run = CalculationRun.compute(calculation.withProblemListener(p -> {
            if (printed[0]++ < maxErrors) {
                progress.finish();
                stderr.println((p.isError() ? "error: " : "warning: ") + p);
            }
        }), input);
        if (key != null) {
            run = run.signedWith(key);
        }
        Report report = run.report();
        progress.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (printed[0] > maxErrors) {
            stderr.println("... and " + (printed[0] - maxErrors) + " more problems (the report JSON lists up to "
                    + EcoCalc.MAX_LISTED_PROBLEMS + ")");
        }
        if ("-".equals(out)) {
            OutputStream o = new BufferedOutputStream(System.out, 1 << 16);
            stdout.flush();
            RunJson.write(run, o);
            o.flush();
        } else {
            SummaryTable.print(report, input, stdout);
            long recordsSeen = report.dataset().records() + report.rejected() + report.dataset().duplicates();
            stdout.printf(Locale.ROOT, "%d records in %.2f s (%.0f records/s)%n", recordsSeen, seconds,
                    recordsSeen / Math.max(seconds, 1e-9));
            stdout.println("run " + run.runId() + (run.manifest().isSigned()
                    ? " (signed, key " + run.manifest().signature().keyId() + ")" : ""));
            if (out != null) {
                Path target = Path.of(out);
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                    RunJson.write(run, o);
                }
                stdout.println("report written to " + target);
            } else {
                stdout.println("(add --out report.json to write the report JSON)");
            }
        }
        if (auditLog != null) {
            try (AuditLog log = AuditLog.open(auditLog, Clock.systemUTC())) {
                TelemetryReader.builder().schemaValidation(schemaCheck).build().read(input, new IngestAuditor(log, actor));
                log.append(AuditEvent.calculation(actor, run));
                if (!"-".equals(out)) {
                    stdout.println("audit log " + auditLog + ": " + log.size() + " lines, head " + log.head());
                }
            }
        }
        stdout.flush();
        return report.hasRejections() ? Main.BAD_INPUT : Main.OK;
    }

    private MethodSettings settings() {
        try {
            ZoneOffset zone = ZoneOffset.of(offset);
            ReportingPeriod p = ReportingPeriod.of(PeriodUnit.fromId(period.toLowerCase(Locale.ROOT)))
                    .withOffset(zone).within(instant("--from", from), instant("--to", to));
            return MethodSettings.builder()
                    .period(p)
                    .wueBasis(parseEnum(WueBasis.class, "--wue-basis", wueBasis))
                    .workloadEnergyBasis(parseEnum(EnergyBasis.class, "--energy-basis", energyBasis))
                    .lineageKeyLimit(lineageKeys)
                    .gwp(parseGwp(), GwpHorizon.ofYears(gwpHorizon))
                    .scope2Method(parseEnum(Scope2Method.class, "--scope2", scope2))
                    .carbonBasis(parseEnum(CarbonBasis.class, "--carbon-basis", carbonBasis))
                    .perUnitIncludesEmbodied(embodiedPerUnit)
                    .organisationId(organisation)
                    .build();
        } catch (EcoCalcException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--offset: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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

    private <E extends Enum<E>> E parseEnum(Class<E> type, String option, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, option + ": unknown value \"" + text + "\"");
    }
}
