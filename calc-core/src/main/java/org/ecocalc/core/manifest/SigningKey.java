package org.ecocalc.core.manifest;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * An Ed25519 private key (RFC 8032) that signs run manifests. Read from and written to PEM as an
 * unencrypted PKCS#8 {@code PRIVATE KEY} (RFC 5958, RFC 8410: the form {@code openssl genpkey
 * -algorithm ed25519} writes). Ed25519 signatures are deterministic: the same key and manifest
 * always give the same signature bytes. The key never appears in {@link #toString()} or in an
 * exception message.
 */
public final class SigningKey {
    private static final String LABEL = "PRIVATE KEY";
    /** id-Ed25519, 1.3.101.112 (RFC 8410, section 3). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private final Ed25519PrivateKeyParameters key;
    private final VerificationKey verificationKey;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.verificationKey = VerificationKey.of(key.generatePublicKey());
    }

    /** A new key from {@code random} (pass a {@link SecureRandom}; tests may pass a seeded one). */
    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** The key with the given 32-byte RFC 8032 secret (the "private key" of its test vectors). */
    public static SigningKey ofSeed(byte[] secret) {
        if (secret.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "an Ed25519 secret has 32 bytes");
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(secret, 0));
    }

    /**
     * Reads a PEM {@code PRIVATE KEY} (PKCS#8, unencrypted, Ed25519).
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_KEY}) when it is not one
     */
    public static SigningKey fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        byte[] der = Pem.read(pem, LABEL, "signing key");
        AsymmetricKeyParameter p;
        try {
            p = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "signing key: not a PKCS#8 private key");
        }
        if (!(p instanceof Ed25519PrivateKeyParameters ed)) {
            throw new EcoCalcException(ErrorCode.INVALID_KEY, "signing key: not an Ed25519 key (ecocalc signs with "
                    + "Ed25519; make one with: ecocalc keygen, or openssl genpkey -algorithm ed25519)");
        }
        return new SigningKey(ed);
    }

    /** The key as PEM {@code PRIVATE KEY} (PKCS#8 v1, RFC 8410), LF line ends. Keep it secret. */
    public String toPem() {
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519),
                    new DEROctetString(key.getEncoded()));
            return Pem.write(LABEL, info.getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 key", e);
        }
    }

    /** The matching public key. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** The Ed25519 signature of {@code message} (64 bytes). */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** {@code manifest} signed with this key: a signature over {@link RunManifest#signingInput()}. */
    public RunManifest sign(RunManifest manifest) {
        byte[] sig = sign(manifest.withoutSignature().signingInput());
        return manifest.withSignature(new ManifestSignature(ManifestSignature.ED25519, verificationKey.keyId(),
                Base64.getEncoder().encodeToString(sig)));
    }

    /** The algorithm and the public key id; never the key. */
    @Override
    public String toString() {
        return "SigningKey[Ed25519, key_id=" + verificationKey.keyId() + "]";
    }
}
