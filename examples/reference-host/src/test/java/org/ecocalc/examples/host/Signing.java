package org.ecocalc.examples.host;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds requests by hand, signed as docs/ingestion-protocol.md says (independently of the SDK). */
final class Signing {
    private Signing() {
    }

    static String signature(String secret, long ts, String path, String requestId, byte[] body) throws Exception {
        String toSign = "ecocalc-v1\n" + ts + "\nPOST\n" + path + "\n" + requestId + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpRequest signed(URI base, String path, String json, long ts, String requestId) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", HostFixture.KEY)
                .header("X-Request-ID", requestId)
                .header("X-EcoCalc-Timestamp", Long.toString(ts))
                .header("X-EcoCalc-Signature", signature(HostFixture.SECRET, ts, path, requestId, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
