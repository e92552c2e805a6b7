package org.ecocalc.core.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) and SHA-256 digests.
 *
 * <p>Canonicalisation is done by {@code org.erdtman.jcs}, the reference implementation published
 * with the RFC's co-author. ecocalc's own documents never contain fractional JSON numbers:
 * decimals are strings in plain notation ({@code "1.5"}), so no value passes through a binary
 * double on its way to a hash. A digest is written {@code sha256:<64 lower-case hex digits>}.
 */
public final class CanonicalJson {
    /** The prefix of every digest. */
    public static final String DIGEST_PREFIX = "sha256:";

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of a JSON text (RFC 8785). The text must have an object or an
     * array at the top (every ecocalc document does); the implementation refuses a bare scalar.
     *
     * @throws EcoCalcException ({@link ErrorCode#MALFORMED_JSON}) if the text is not JSON
     */
    public static byte[] canonicalize(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, "cannot canonicalise: " + e.getMessage(), e);
        }
    }

    /** The canonical text of a JSON text (RFC 8785). */
    public static String canonicalString(String json) {
        return new String(canonicalize(json), StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of the canonical form of a JSON text. */
    public static String digest(String json) {
        return sha256(canonicalize(json));
    }

    /** {@code sha256:<hex>} of raw bytes. */
    public static String sha256(byte[] bytes) {
        return DIGEST_PREFIX + HEX.formatHex(newSha256().digest(bytes));
    }

    /** A new SHA-256 message digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code text} is a well-formed digest {@code sha256:<64 hex>}. */
    public static boolean isDigest(String text) {
        if (text == null || text.length() != DIGEST_PREFIX.length() + 64 || !text.startsWith(DIGEST_PREFIX)) {
            return false;
        }
        for (int i = DIGEST_PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
