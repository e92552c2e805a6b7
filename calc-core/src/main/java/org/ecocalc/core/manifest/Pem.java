package org.ecocalc.core.manifest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/** PEM (RFC 7468) in and out. Messages never quote key material. */
final class Pem {
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** The DER content of the first PEM block, which must have the label {@code expected}. */
    static byte[] read(String pem, String expected, String what) {
        PemObject o;
        try (PemReader r = new PemReader(new StringReader(pem))) {
            o = r.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, what + ": not a readable PEM block");
        }
        if (o == null) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, what + ": no PEM block (expected -----BEGIN " + expected
                    + "-----)");
        }
        if (!expected.equals(o.getType())) {
            String hint = "ENCRYPTED PRIVATE KEY".equals(o.getType())
                    ? "; encrypted keys are not supported (decrypt it with: openssl pkey -in key.pem -out plain.pem)"
                    : "";
            throw new EcoCalcException(ErrorCode.INVALID_KEY, what + ": expected a PEM block \"" + expected
                    + "\", found \"" + o.getType() + "\"" + hint);
        }
        return o.getContent();
    }

    /** A PEM block with LF line ends and 64-character lines. */
    static String write(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
