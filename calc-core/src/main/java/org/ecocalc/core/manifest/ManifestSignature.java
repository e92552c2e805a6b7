package org.ecocalc.core.manifest;

import java.util.Base64;
import java.util.Objects;
import org.ecocalc.core.json.CanonicalJson;

/**
 * An Ed25519 signature over a run manifest: the RFC 8785 canonical bytes of the manifest without
 * its {@code signature} member ({@link RunManifest#signingInput()}).
 *
 * @param algorithm always {@value #ED25519}
 * @param keyId     {@code sha256:} of the signer's public key (its DER SubjectPublicKeyInfo), so a
 *                  verifier can tell which key to use; it is not a key and proves nothing alone
 * @param value     the 64-byte signature, Base64 (RFC 4648, with padding)
 */
public record ManifestSignature(String algorithm, String keyId, String value) {
    /** The only algorithm: {@value}. */
    public static final String ED25519 = "Ed25519";

    public ManifestSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        if (!ED25519.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported signature algorithm: " + algorithm);
        }
        if (!CanonicalJson.isDigest(keyId)) {
            throw new IllegalArgumentException("key_id is not a sha256: digest: " + keyId);
        }
    }

    /** The signature bytes, or null when {@link #value()} is not Base64 of 64 bytes. */
    public byte[] bytes() {
        try {
            byte[] b = Base64.getDecoder().decode(value);
            return b.length == 64 ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
