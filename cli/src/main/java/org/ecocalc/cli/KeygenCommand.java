package org.ecocalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.manifest.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecocalc keygen}: a new Ed25519 key pair for signing run manifests. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes an Ed25519 key pair for signing run manifests (ecocalc report --sign).",
                "The private key is written as unencrypted PKCS#8 PEM, readable only by you where the file system "
                        + "allows; the public key (SubjectPublicKeyInfo PEM) goes next to it. Existing files are never "
                        + "overwritten."})
final class KeygenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<key.pem>", description = "Where to write the private key.")
    Path out;

    @Option(names = "--public-out", paramLabel = "<key.pub.pem>",
            description = "Where to write the public key (default: the private key's name with .pub.pem).")
    Path publicOut;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Path pub = publicOut != null ? publicOut : defaultPublic(out);
        SigningKey key = SigningKey.generate(new SecureRandom());
        writeNew(out, key.toPem(), true);
        writeNew(pub, key.verificationKey().toPem(), false);
        stdout.println("private key: " + out + " (keep it secret)");
        stdout.println("public key:  " + pub);
        stdout.println("key id:      " + key.verificationKey().keyId());
        stdout.flush();
        return Main.OK;
    }

    static Path defaultPublic(Path priv) {
        String name = priv.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return priv.resolveSibling(base + ".pub.pem");
    }

    private static void writeNew(Path p, String pem, boolean secret) {
        try {
            if (secret && p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(p);
            }
            Files.writeString(p, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, p + " exists; keygen never overwrites a key");
        } catch (IOException e) {
            throw new EcoCalcException(ErrorCode.INPUT_UNREADABLE, "cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
