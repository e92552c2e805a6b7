package org.ecocalc.examples.host;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys and request signatures as {@code docs/ingestion-protocol.md} states them: the key is
 * compared in constant time; a key with a secret requires a signature, HMAC-SHA256 over
 * {@code ecocalc-v1 LF timestamp LF method LF path LF request-id LF hex(SHA-256(body))}, a
 * timestamp within the allowed skew, and a request id not seen before within twice that skew.
 */
final class RequestAuth {
    /** Why a request was refused; null fields mean it was accepted. */
    record Refusal(String code, String message) {
    }

    private static final HexFormat HEX = HexFormat.of();
    /** Most remembered signed request ids; the oldest is forgotten first. */
    static final int MAX_REMEMBERED = 1_000_000;

    private final Map<String, byte[]> keys;
    private final Clock clock;
    private final Duration skew;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    RequestAuth(Map<String, byte[]> keys, Clock clock, Duration skew) {
        this.keys = keys;
        this.clock = clock;
        this.skew = skew;
    }

    /** The key's entry, compared in constant time, or null. */
    private Map.Entry<String, byte[]> find(String apiKey) {
        byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
        Map.Entry<String, byte[]> found = null;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                found = e;
            }
        }
        return found;
    }

    /** A short, non-secret id of a key for logs: the first 8 hex digits of its SHA-256. */
    static String keyId(String apiKey) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the API key alone (before the body is read). */
    Refusal checkKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return new Refusal("missing_api_key", "the X-API-Key header is required");
        }
        if (find(apiKey) == null) {
            return new Refusal("invalid_api_key", "the API key is not valid");
        }
        return null;
    }

    /** Checks the signature of a request whose key was accepted. */
    Refusal checkSignature(String apiKey, String method, String path, String requestId, String timestamp,
            String signature, byte[] body) {
        byte[] secret = find(apiKey).getValue();
        if (secret == null) {
            return null;
        }
        if (timestamp == null || signature == null) {
            return new Refusal("missing_signature", "this API key requires signed requests (X-EcoCalc-Timestamp and"
                    + " X-EcoCalc-Signature)");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return new Refusal("invalid_signature", "X-EcoCalc-Timestamp must be Unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > skew.toSeconds()) {
            return new Refusal("stale_timestamp", "the request was signed at " + ts + ", more than " + skew.toSeconds()
                    + " s from the host's time " + now);
        }
        if (requestId == null || requestId.isEmpty()) {
            return new Refusal("invalid_signature", "a signed request needs an X-Request-ID");
        }
        String expected;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String toSign = "ecocalc-v1\n" + ts + "\n" + method + "\n" + path + "\n" + requestId + "\n"
                    + HEX.formatHex(sha.digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            expected = "v1=" + HEX.formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal("invalid_signature", "the signature does not match the request");
        }
        synchronized (seen) {
            long horizon = now - 2 * skew.toSeconds();
            for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
                if (it.next() < horizon || seen.size() > MAX_REMEMBERED) {
                    it.remove();
                } else {
                    break;
                }
            }
            String id = keyId(apiKey) + "/" + requestId;
            if (seen.putIfAbsent(id, now) != null) {
                return new Refusal("replayed_request", "this signed request was received before");
            }
        }
        return null;
    }
}
