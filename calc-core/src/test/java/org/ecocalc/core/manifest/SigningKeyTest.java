package org.ecocalc.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ed25519 keys and signatures against the RFCs' own examples and the JDK's independent implementation. */
class SigningKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032, section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72). */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
            + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
            + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
            + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    })
    void rfc8032TestVectors(String secret, String publicKey, String message, String signature) {
        byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);
        SigningKey key = SigningKey.ofSeed(HEX.parseHex(secret));
        assertThat(key.sign(msg)).isEqualTo(HEX.parseHex(signature));
        assertThat(key.verificationKey()).isEqualTo(VerificationKey.ofRaw(HEX.parseHex(publicKey)));
        assertThat(key.verificationKey().verify(msg, HEX.parseHex(signature))).isTrue();
    }

    /** RFC 8410, section 10.3 (private key) and 10.1 (public key): the PEM forms read and belong together. */
    @Test
    void rfc8410PemExamples() {
        SigningKey key = SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                + "-----END PRIVATE KEY-----\n");
        VerificationKey pub = VerificationKey.fromPem("-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----\n");
        assertThat(key.verificationKey()).isEqualTo(pub);
        // Written back byte for byte as the RFC prints them (PKCS#8 v1; SubjectPublicKeyInfo).
        assertThat(key.toPem()).isEqualTo("-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                + "-----END PRIVATE KEY-----\n");
        assertThat(pub.toPem()).isEqualTo("-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----\n");
        // key_id = sha256 of the DER SubjectPublicKeyInfo (the Base64 above, decoded).
        assertThat(pub.keyId()).isEqualTo(org.ecocalc.core.json.CanonicalJson.sha256(
                Base64.getDecoder().decode("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=")));
    }

    /** The JDK's own Ed25519 (SunEC, a separate implementation) reads our PEM keys and agrees byte for byte. */
    @Test
    void theJdkAgrees() throws Exception {
        SigningKey key = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(1));
        byte[] msg = "{\"run_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(kf.generatePrivate(new PKCS8EncodedKeySpec(der(key.toPem()))));
        jdk.update(msg);
        byte[] jdkSig = jdk.sign();
        assertThat(key.sign(msg)).isEqualTo(jdkSig);
        jdk.initVerify(kf.generatePublic(new X509EncodedKeySpec(der(key.verificationKey().toPem()))));
        jdk.update(msg);
        assertThat(jdk.verify(key.sign(msg))).isTrue();
    }

    @Test
    void pemRoundTripAndNoSecretInToString() {
        SigningKey key = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(2));
        SigningKey back = SigningKey.fromPem(key.toPem());
        assertThat(back.verificationKey()).isEqualTo(key.verificationKey());
        assertThat(VerificationKey.fromPem(key.verificationKey().toPem())).isEqualTo(key.verificationKey());
        String body = key.toPem().split("\n")[1];
        assertThat(key.toString()).startsWith("SigningKey[Ed25519, key_id=sha256:").doesNotContain(body);
    }

    @Test
    void badKeysAreRefusedWithoutQuotingThem() throws Exception {
        SigningKey key = SigningKey.generate(org.ecocalc.core.TestRecords.seededRandom(3));
        String priv = key.toPem();
        assertInvalid(() -> SigningKey.fromPem("not a key"), "no PEM block");
        assertInvalid(() -> SigningKey.fromPem(key.verificationKey().toPem()), "expected a PEM block \"PRIVATE KEY\"");
        assertInvalid(() -> VerificationKey.fromPem(priv), "expected a PEM block \"PUBLIC KEY\"");
        assertInvalid(() -> SigningKey.fromPem(priv.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")), "encrypted keys");
        assertInvalid(() -> SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                "not a PKCS#8");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024, org.ecocalc.core.TestRecords.seededRandom(4));
        byte[] rsaDer = rsa.generateKeyPair().getPrivate().getEncoded();
        String rsaPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(rsaDer)
                + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> SigningKey.fromPem(rsaPem)).isInstanceOfSatisfying(EcoCalcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(e.getMessage()).contains("not an Ed25519 key").doesNotContain(rsaPem.substring(28, 60));
        });
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, String message) {
        assertThatThrownBy(c).isInstanceOfSatisfying(EcoCalcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
