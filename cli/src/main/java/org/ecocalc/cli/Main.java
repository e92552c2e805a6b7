package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ecocalc}: auditable sustainability numbers from data-centre telemetry.
 *
 * <p>Exit codes: {@value #OK} success, {@value #BAD_INPUT} bad input (with the errors listed),
 * {@value #USAGE} usage.
 */
@Command(name = "ecocalc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Auditable sustainability numbers (PUE, WUE, water, carbon, energy per GPU-hour) from data-centre"
                + " telemetry, and the energy, water and carbon of AI usage (LLM calls, GPU jobs).",
        subcommands = {ReportCommand.class, UsageCommand.class, VerifyCommand.class, ExplainCommand.class,
            AuditPackCommand.class, VectorsCommand.class, KeygenCommand.class, AlertsCommand.class, SimulateCommand.class,
            ValidateCommand.class, AttestCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success",
            "1:bad input (the errors are listed), a verification that found differences, or an invalid report (validate)",
            "2:usage", "3:alerts raised at or above the --fail-on severity (alerts)"})
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Bad input: the errors are listed on standard error. */
    public static final int BAD_INPUT = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** {@code alerts --fail-on}: an alert of that severity or above was raised. */
    public static final int ALERTS = 3;

    /**
     * Moneta announces its default math context once through java.util.logging at INFO, which the
     * JDK's default handler prints on standard error; the command keeps Moneta to warnings (a strong
     * reference, so the level is not lost when the logger is collected).
     */
    private static final java.util.logging.Logger MONETA_LOG = java.util.logging.Logger.getLogger("org.javamoney.moneta");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the command with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Locale.setDefault(Locale.ROOT);
        MONETA_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof EcoCalcException ece) {
                cmd.getErr().println("error: " + ece.getMessage() + " [" + ece.code().id() + "]");
                return BAD_INPUT;
            }
            cmd.getErr().println("internal error: " + e + " (please report it, with the command that caused it)");
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: report, usage, verify, "
                + "explain, audit-pack, vectors, keygen, alerts, simulate, validate or attest");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Engine.NAME + " " + Engine.VERSION};
        }
    }
}
