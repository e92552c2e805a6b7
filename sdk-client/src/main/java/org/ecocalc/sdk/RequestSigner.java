package org.ecocalc.sdk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request as the ingestion protocol says (section "Request signing"): HMAC-SHA256, keyed
 * with the shared secret, over the string
 * <pre>
 * ecocalc-v1 LF timestamp LF method LF path LF request-id LF hex(SHA-256(body as sent))
 * </pre>
 * The body is hashed as it travels (after gzip), so a host can check the signature before it
 * decompresses anything.
 */
final class RequestSigner {
    static final String VERSION = "ecocalc-v1";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    RequestSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    static String stringToSign(long timestamp, String method, String path, String requestId, byte[] body,
            int bodyLength) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha.update(body, 0, bodyLength);
        return VERSION + "\n" + timestamp + "\n" + method + "\n" + path + "\n" + requestId + "\n"
                + HEX.formatHex(sha.digest());
    }

    /** The value of the signature header: {@code v1=<hex>}. */
    String sign(long timestamp, String method, String path, String requestId, byte[] body, int bodyLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal(stringToSign(timestamp, method, path, requestId, body, bodyLength)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1=" + HEX.formatHex(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner[secret hidden]";
    }
}
