package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecocalc.core.audit.AuditLog;
import org.ecocalc.core.audit.AuditLogVerification;
import org.ecocalc.core.audit.AuditPackVerifier;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunVerifier;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.VerificationKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc verify}: re-runs a report, checks an audit pack, or checks an audit log's chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks that a number can be trusted.",
                "A report (.json): re-runs it from --inputs with the settings it records and compares every hash of "
                        + "its manifest, every metric and the signature (with --public-key).",
                "An audit pack (.zip): checks every checksum and evidence file, then re-runs the pack's own activity data.",
                "An audit log (.jsonl): checks its hash chain (and, with --head, that it was not truncated).",
                "Prints one line per check and exits 1 on any difference."})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json|pack.zip|log.jsonl>", description = "What to verify.")
    Path target;

    @Option(names = "--inputs", paramLabel = "<file|dir>", description = "The telemetry the report was computed from.")
    Path inputs;

    @Option(names = "--public-key", paramLabel = "<key.pub.pem>", description = "Check the manifest's signature with this key.")
    Path publicKey;

    @CommandLine.Mixin
    CarbonOptions carbonOptions = new CarbonOptions();

    @Option(names = "--head", paramLabel = "<sha256:…>", description = "For an audit log: a head hash recorded earlier.")
    String head;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return log(out);
        }
        VerificationKey key = publicKey == null ? null : VerificationKey.fromPem(Files2.read(publicKey));
        Verification v;
        if (name.endsWith(".zip")) {
            v = AuditPackVerifier.withKey(key).withCarbon(carbonOptions.context()).verify(target);
        } else {
            if (inputs == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "verifying a report needs --inputs <file|dir>: the telemetry it was computed from");
            }
            CalculationRun claimed = CalculationRun.parse(Files2.read(target));
            v = RunVerifier.builder().verificationKey(key).carbon(carbonOptions.context()).build().verify(claimed, inputs);
        }
        for (Verification.Check c : v.checks()) {
            out.println(line(c));
        }
        int diffs = v.differences().size();
        out.println(diffs == 0 ? "reproduced: run " + v.runId() + " (" + v.checks().size() + " checks)"
                : "NOT reproduced: " + diffs + (diffs == 1 ? " difference" : " differences") + " (run " + v.runId() + ")");
        out.flush();
        return diffs == 0 ? Main.OK : Main.BAD_INPUT;
    }

    static String line(Verification.Check c) {
        switch (c.status()) {
            case OK:
                return "ok    " + c.name() + (c.actual() != null ? "  " + c.actual() : "")
                        + (c.detail() != null ? "  (" + c.detail() + ")" : "");
            case SKIPPED:
                return "skip  " + c.name() + (c.detail() != null ? "  (" + c.detail() + ")" : "");
            default:
                return "DIFF  " + c.name() + (c.expected() != null || c.actual() != null
                        ? ": expected " + c.expected() + ", actual " + c.actual() : "")
                        + (c.detail() != null ? "  (" + c.detail() + ")" : "");
        }
    }

    private int log(PrintWriter out) {
        AuditLogVerification v = AuditLog.verify(target, head);
        for (AuditLogVerification.Break b : v.problems()) {
            out.println("DIFF  " + b);
        }
        out.println(v.isIntact() ? "intact: " + v.lines() + " lines, head " + v.head()
                : "NOT intact: " + v.problems().size() + " breaks in " + v.lines() + " lines");
        out.flush();
        return v.isIntact() ? Main.OK : Main.BAD_INPUT;
    }
}
