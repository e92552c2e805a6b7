package org.ecocalc.core.manifest;

import java.io.IOException;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.json.CanonicalJson;

/**
 * An Ed25519 public key that checks run-manifest signatures. Read from and written to PEM as a
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, RFC 8410). Its {@link #keyId()} is
 * {@code sha256:} of the DER SubjectPublicKeyInfo.
 */
public final class VerificationKey {
    private static final String LABEL = "PUBLIC KEY";

    /** What checking a manifest's signature found. */
    public enum Check {
        /** The signature is this key's, over this manifest. */
        VALID,
        /** The manifest carries no signature. */
        NOT_SIGNED,
        /** The signature names another key ({@code key_id} differs). */
        OTHER_KEY,
        /** The signature does not verify: the manifest or the signature was changed. */
        INVALID
    }

    private final Ed25519PublicKeyParameters key;
    private final byte[] der;
    private final String keyId;

    private VerificationKey(Ed25519PublicKeyParameters key) {
        this.key = key;
        try {
            this.der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
        this.keyId = CanonicalJson.sha256(der);
    }

    static VerificationKey of(Ed25519PublicKeyParameters key) {
        return new VerificationKey(key);
    }

    /** The key with the given 32-byte RFC 8032 public key. */
    public static VerificationKey ofRaw(byte[] publicKey) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "an Ed25519 public key has 32 bytes");
        }
        return new VerificationKey(new Ed25519PublicKeyParameters(publicKey, 0));
    }

    /**
     * Reads a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo, Ed25519).
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_KEY}) when it is not one
     */
    public static VerificationKey fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        byte[] content = Pem.read(pem, LABEL, "public key");
        AsymmetricKeyParameter p;
        try {
            p = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(content));
        } catch (IOException | RuntimeException e) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "public key: not a SubjectPublicKeyInfo");
        }
        if (!(p instanceof Ed25519PublicKeyParameters ed)) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "public key: not an Ed25519 key");
        }
        return new VerificationKey(ed);
    }

    /** The key as PEM {@code PUBLIC KEY}, LF line ends. */
    public String toPem() {
        return Pem.write(LABEL, der);
    }

    /** {@code sha256:} of the DER SubjectPublicKeyInfo: the {@code key_id} of this key's signatures. */
    public String keyId() {
        return keyId;
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, key);
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
    }

    /** Checks a manifest's signature against this key. */
    public Check check(RunManifest manifest) {
        ManifestSignature s = manifest.signature();
        if (s == null) {
            return Check.NOT_SIGNED;
        }
        if (!keyId.equals(s.keyId())) {
            return Check.OTHER_KEY;
        }
        return verify(manifest.signingInput(), s.bytes()) ? Check.VALID : Check.INVALID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey k && keyId.equals(k.keyId);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "VerificationKey[Ed25519, key_id=" + keyId + "]";
    }
}
