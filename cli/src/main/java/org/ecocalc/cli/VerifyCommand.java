package org.ecocalc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecocalc.core.audit.AuditLog;
import org.ecocalc.core.audit.AuditLogVerification;
import org.ecocalc.core.audit.AuditPackVerifier;
import org.ecocalc.core.attest.Attestation;
import org.ecocalc.core.manifest.CalculationRun;
import org.ecocalc.core.manifest.RunVerifier;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.VerificationKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ecocalc verify}: re-runs a report, checks a report's attestation, checks an audit pack, or
 * checks an audit log's chain.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks that a number can be trusted.",
                "A report (.json): re-runs it from --inputs with the settings it records and compares every hash of "
                        + "its manifest, every metric and the signature (with --public-key); with --attestation, checks "
                        + "that the attestation is of this report and signed by --public-key; with both, does both.",
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

    @Option(names = "--public-key", paramLabel = "<key.pub.pem>",
            description = "Check the manifest's signature with this key; with --attestation, the attestation's "
                    + "(then --manifest-public-key checks the manifest's).")
    Path publicKey;

    @Option(names = "--attestation", paramLabel = "<file>",
            description = "Check this attestation (ecocalc attest) of the report, with --public-key.")
    Path attestation;

    @Option(names = "--manifest-public-key", paramLabel = "<key.pub.pem>",
            description = "With --attestation and --inputs: check the manifest's signature with this key.")
    Path manifestPublicKey;

    @CommandLine.Mixin
    CarbonOptions carbonOptions = new CarbonOptions();

    @Option(names = "--head", paramLabel = "<sha256:…>", description = "For an audit log: a head hash recorded earlier.")
    String head;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (attestation != null && (name.endsWith(".zip") || name.endsWith(".jsonl"))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--attestation applies to a report (.json), not to an audit pack or an audit log");
        }
        if (name.endsWith(".jsonl")) {
            return log(out);
        }
        if (attestation != null) {
            return report(out);
        }
        if (manifestPublicKey != null && publicKey != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the manifest's key once: --public-key (or --manifest-public-key)");
        }
        Path keyFile = publicKey != null ? publicKey : manifestPublicKey;
        VerificationKey key = keyFile == null ? null : VerificationKey.fromPem(Files2.read(keyFile));
        Verification v;
        if (name.endsWith(".zip")) {
            v = AuditPackVerifier.withKey(key).withCarbon(carbonOptions.context()).verify(target);
        } else {
            if (inputs == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "verifying a report needs --inputs <file|dir> (the telemetry it was computed from, to re-run it) "
                                + "or --attestation <file> --public-key <key.pub.pem> (to check an attestation)");
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

    /**
     * A report with {@code --attestation}: the attestation's two checks, after the recomputation's
     * when {@code --inputs} is given too. The attestation's key is {@code --public-key}; the
     * manifest's, {@code --manifest-public-key}.
     */
    private int report(PrintWriter out) {
        if (publicKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "checking an attestation needs --public-key <key.pub.pem>: the public key of who attested");
        }
        VerificationKey attestationKey = VerificationKey.fromPem(Files2.read(publicKey));
        String text = Files2.read(target);
        Attestation a = Attestation.parse(Files2.read(attestation));
        List<Verification.Check> checks = new ArrayList<>();
        String runId = null;
        if (inputs != null) {
            VerificationKey manifestKey = manifestPublicKey == null ? null
                    : VerificationKey.fromPem(Files2.read(manifestPublicKey));
            Verification run = RunVerifier.builder().verificationKey(manifestKey).carbon(carbonOptions.context()).build()
                    .verify(CalculationRun.parse(text), inputs);
            checks.addAll(run.checks());
            runId = run.runId();
        }
        Verification attested = a.verify(text, attestationKey);
        checks.addAll(attested.checks());
        Verification all = new Verification(runId, checks);
        for (Verification.Check c : all.checks()) {
            out.println(line(c));
        }
        int diffs = all.differences().size();
        String what = inputs != null ? "reproduced and attested: run " + runId : "attested: report " + a.reportDigest()
                + " by key " + a.signature().keyId() + (a.attestedBy() == null ? "" : " (" + a.attestedBy() + ")");
        out.println(diffs == 0 ? what + " (" + checks.size() + " checks)"
                : "NOT " + (inputs != null ? "reproduced and attested" : "attested") + ": " + diffs
                        + (diffs == 1 ? " difference" : " differences") + " (report " + a.reportDigest() + ")");
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
