package org.ecocalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.attest.Attestation;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.validate.ReportValidator;
import org.ecocalc.core.validate.Validation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ecocalc attest}: sign a report's digest with an Ed25519 key. */
@Command(name = "attest", mixinStandardHelpOptions = true,
        description = {"Attests a report: validates it (as ecocalc validate; an invalid report is refused), then "
                + "writes an ecocalc.attestation/1 document: the report's digest (sha256 of the RFC 8785 canonical JSON "
                + "of the whole file, its manifest included), who attests, the statement, and an Ed25519 signature.",
                "Check it with: ecocalc verify <report.json> --attestation <file> --public-key <key.pub.pem>. "
                        + "An existing file is never overwritten. See docs/attestation.md."})
final class AttestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "The report to attest.")
    Path report;

    @Option(names = "--key", required = true, paramLabel = "<key.pem>",
            description = "The Ed25519 private key (PKCS#8 PEM; make one with ecocalc keygen).")
    Path key;

    @Option(names = "--by", paramLabel = "<name>", description = "Who attests (up to 200 characters).")
    String by;

    @Option(names = "--statement", paramLabel = "<text>", description = "What is attested (up to 10,000 characters).")
    String statement;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<report.attestation.json>",
            description = "Where to write the attestation (never overwritten).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String text = Files2.read(report);
        Validation v = ReportValidator.validate(text);
        if (!v.isValid()) {
            stderr.print(v.toText());
            stderr.println("error: " + report + " is not a valid report; ecocalc attests only valid reports");
            stderr.flush();
            return Main.BAD_INPUT;
        }
        SigningKey signingKey = SigningKey.fromPem(Files2.read(key));
        Attestation a = Attestation.create(text, signingKey, by, statement);
        try {
            Files.writeString(out, a.toJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, out + " exists; attest never overwrites an attestation");
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot write " + out + ": " + e.getMessage(), e);
        }
        stdout.println("validated: " + v.summary());
        stdout.println("report:    " + a.reportDigest());
        stdout.println("key id:    " + a.signature().keyId());
        stdout.println("attestation written to " + out);
        stdout.flush();
        return Main.OK;
    }
}
