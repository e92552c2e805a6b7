package org.ecocalc.core.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.TestRecords;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.manifest.ManifestSignature;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.VerificationKey;
import org.ecocalc.core.report.ReportJson;
import org.ecocalc.core.validate.ExampleReportsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Attestations: the digest they sign, their signature, and every way of changing a report, a key or an attestation. */
class AttestationTest {
    /** RFC 8410, section 10.3: the example Ed25519 private key. */
    static final SigningKey RFC_KEY = SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
            + "-----END PRIVATE KEY-----\n");
    static final SigningKey OTHER_KEY = SigningKey.generate(TestRecords.seededRandom(11));
    /** The benchmark week per day, with its manifest, as ecocalc report --out writes it. */
    static final String REPORT = ExampleReportsAccess.dayRunJson();

    @Test
    void theReportDigestIsSha256OfTheCanonicalJson() {
        // RFC 8785 sorts members and drops white space: {"b":[1,true,null],"a":"x"} becomes
        // {"a":"x","b":[1,true,null]}, whose SHA-256 (printf '%s' '{"a":"x","b":[1,true,null]}' | sha256sum)
        // is 5b71bebb…197a.
        String expected = "sha256:5b71bebbe6b3c09ca542ef17e30971a66ce4bd625875f2d4bb4dc9ed3271197a";
        assertThat(Attestation.reportDigest("{\"b\": [1, true, null], \"a\": \"x\"}")).isEqualTo(expected);
        assertThat(Attestation.reportDigest("{\n  \"a\":\"x\",\n  \"b\":[1,true,null]\n}\n")).isEqualTo(expected);
        assertThatThrownBy(() -> Attestation.reportDigest("{\"a\": 1, \"a\": 2}")).isInstanceOf(EcoCalcException.class)
                .extracting(e -> ((EcoCalcException) e).code()).isEqualTo(ErrorCode.INVALID_REPORT);
        assertThatThrownBy(() -> Attestation.reportDigest("[1]")).isInstanceOf(EcoCalcException.class);
    }

    @Test
    void anAttestationSignsItsCanonicalFormWithoutTheSignature() throws Exception {
        Attestation a = Attestation.create(REPORT, RFC_KEY, "J. Auditor", "Reviewed against the meter readings.");
        // The members in RFC 8785 order (attested_by, format, report_digest, statement), no signature.
        assertThat(new String(a.signingInput(), StandardCharsets.UTF_8)).isEqualTo("{\"attested_by\":\"J. Auditor\","
                + "\"format\":\"ecocalc.attestation/1\",\"report_digest\":\"" + Attestation.reportDigest(REPORT) + "\","
                + "\"statement\":\"Reviewed against the meter readings.\"}");
        // The JDK's own Ed25519 (independent of BouncyCastle) accepts the signature with the RFC key's public half.
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="))));
        jdk.update(a.signingInput());
        assertThat(jdk.verify(Base64.getDecoder().decode(a.signature().value()))).isTrue();
        assertThat(a.signature().keyId()).isEqualTo(RFC_KEY.verificationKey().keyId());
        // Deterministic: Ed25519 signatures depend only on key and message.
        assertThat(Attestation.create(REPORT, RFC_KEY, "J. Auditor", "Reviewed against the meter readings.").toJson())
                .isEqualTo(a.toJson());
        // Written and read back; the schema accepts it; toString shows no signature value.
        assertThat(Attestation.parse(a.toJson())).isEqualTo(a);
        assertThat(a.toJson()).startsWith("{\n  \"format\": \"ecocalc.attestation/1\",\n  \"report_digest\": \"sha256:");
        assertThat(a.toString()).doesNotContain(a.signature().value()).contains("J. Auditor");
    }

    @Test
    void theAttestedReportVerifies() {
        Attestation a = Attestation.create(REPORT, RFC_KEY, null, null);
        Verification v = a.verify(REPORT, RFC_KEY.verificationKey());
        assertThat(v.isReproduced()).isTrue();
        assertThat(v.checks()).extracting(Verification.Check::name, Verification.Check::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("attestation report_digest", Verification.Status.OK),
                org.assertj.core.groups.Tuple.tuple("attestation signature", Verification.Status.OK));
        // The run the report's manifest names.
        assertThat(v.runId()).isEqualTo(ExampleReportsAccess.dayRunId());
        // The same report reformatted (white space, member order) is the same report: the digest is of its content.
        String minified = Json.compact(Json.MAPPER.readTree(REPORT));
        assertThat(a.verify(minified, RFC_KEY.verificationKey()).isReproduced()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a digit of a value             | \"value\": \"54400\"  | \"value\": \"54401\"",
        "a letter of a facility id      | \"facility_id\": \"sto-1\" | \"facility_id\": \"sto-2\"",
        "a hex digit of the manifest    | \"run_id\": \"sha256:  | \"run_id\": \"sha256:0",
    })
    void aChangedByteOfTheReportIsDetected(String what, String from, String to) {
        Attestation a = Attestation.create(REPORT, RFC_KEY, "J. Auditor", null);
        String changed = REPORT.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(changed).isNotEqualTo(REPORT);
        Verification v = a.verify(changed, RFC_KEY.verificationKey());
        assertThat(v.differences()).extracting(Verification.Check::name).containsExactly("attestation report_digest");
        assertThat(v.differences().get(0).expected()).isEqualTo(a.reportDigest());
        assertThat(v.differences().get(0).actual()).isEqualTo(Attestation.reportDigest(changed));
        // Not JSON any more: still a difference, not an exception.
        assertThat(a.verify(REPORT.substring(1), RFC_KEY.verificationKey()).differences())
                .extracting(Verification.Check::actual).containsExactly("not a JSON report");
    }

    @Test
    void anotherKeyIsDetected() {
        Attestation a = Attestation.create(REPORT, RFC_KEY, null, null);
        Verification v = a.verify(REPORT, OTHER_KEY.verificationKey());
        assertThat(v.differences()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("attestation signature");
            assertThat(c.detail()).isEqualTo("signed by another key");
            assertThat(c.actual()).isEqualTo(RFC_KEY.verificationKey().keyId());
        });
        // A key_id rewritten to the verifier's does not help: the signature is not that key's.
        ObjectNode forged = (ObjectNode) Json.MAPPER.readTree(a.toJson());
        ((ObjectNode) forged.get("signature")).put("key_id", OTHER_KEY.verificationKey().keyId());
        assertThat(Attestation.parse(Json.pretty(forged)).verify(REPORT, OTHER_KEY.verificationKey()).differences())
                .extracting(Verification.Check::detail)
                .containsExactly("the attestation or its signature was changed after signing");
    }

    @Test
    void anEditedAttestationIsDetected() {
        Attestation a = Attestation.create(REPORT, RFC_KEY, "J. Auditor", "Reviewed.");
        VerificationKey key = RFC_KEY.verificationKey();
        // Another statement or signer under the same signature.
        for (Attestation edited : new Attestation[] {
            new Attestation(a.reportDigest(), a.attestedBy(), "Not reviewed.", a.signature()),
            new Attestation(a.reportDigest(), "M. Mallory", a.statement(), a.signature()),
            new Attestation(a.reportDigest(), null, a.statement(), a.signature())}) {
            assertThat(edited.verify(REPORT, key).differences()).extracting(Verification.Check::name)
                    .containsExactly("attestation signature");
        }
        // Another report's digest: the report does not match, and the signature does not cover the new digest.
        Attestation other = new Attestation(Attestation.reportDigest("{}"), a.attestedBy(), a.statement(), a.signature());
        assertThat(other.verify(REPORT, key).differences()).extracting(Verification.Check::name)
                .containsExactly("attestation report_digest", "attestation signature");
        // A changed signature byte.
        byte[] sig = Base64.getDecoder().decode(a.signature().value());
        sig[0] ^= 1;
        Attestation flipped = new Attestation(a.reportDigest(), a.attestedBy(), a.statement(), new ManifestSignature(
                ManifestSignature.ED25519, a.signature().keyId(), Base64.getEncoder().encodeToString(sig)));
        assertThat(flipped.verify(REPORT, key).differences()).extracting(Verification.Check::name)
                .containsExactly("attestation signature");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no signature          | signature     | /signature",
        "an unknown member     | extra         | /extra",
        "another format        | format        | /format",
        "a short digest        | report_digest | /report_digest",
        "a blank statement     | statement     | /statement",
    })
    void aBrokenAttestationIsRefusedNamingTheMember(String what, String member, String pointer) {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(Attestation.create(REPORT, RFC_KEY, "J. Auditor", "ok").toJson());
        switch (member) {
            case "signature" -> n.remove("signature");
            case "extra" -> n.put("extra", 1);
            case "format" -> n.put("format", "ecocalc.attestation/2");
            case "report_digest" -> n.put("report_digest", "sha256:00");
            default -> n.put("statement", "   ");
        }
        assertThatThrownBy(() -> Attestation.parse(Json.pretty(n))).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining(pointer)
                .extracting(e -> ((EcoCalcException) e).code()).isEqualTo(ErrorCode.INVALID_ATTESTATION);
        assertThatThrownBy(() -> Attestation.parse("{")).hasMessageContaining("not JSON");
    }

    @Test
    void blankOrOverlongTextsAreRefusedWhenAttesting() {
        assertThatThrownBy(() -> Attestation.create(REPORT, RFC_KEY, " ", null)).isInstanceOf(EcoCalcException.class)
                .hasMessageContaining("attested_by");
        assertThatThrownBy(() -> Attestation.create(REPORT, RFC_KEY, null, "x".repeat(Attestation.MAX_STATEMENT + 1)))
                .isInstanceOf(EcoCalcException.class).hasMessageContaining("statement");
        assertThatThrownBy(() -> Attestation.create("not json", RFC_KEY, null, null)).isInstanceOf(EcoCalcException.class)
                .extracting(e -> ((EcoCalcException) e).code()).isEqualTo(ErrorCode.INVALID_REPORT);
    }

    @Test
    void aReportWithoutManifestCanBeAttestedToo() {
        String bare = ReportJson.toJson(ExampleReportsAccess.dayReport());
        Attestation a = Attestation.create(bare, RFC_KEY, null, null);
        Verification v = a.verify(bare, RFC_KEY.verificationKey());
        assertThat(v.isReproduced()).isTrue();
        assertThat(v.runId()).isNull();
        // The report with and without its manifest are two reports.
        assertThat(a.reportDigest()).isNotEqualTo(Attestation.reportDigest(REPORT));
    }
}
