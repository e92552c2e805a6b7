package org.ecocalc.core.attest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SchemaCheck;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.manifest.ManifestSignature;
import org.ecocalc.core.manifest.SigningKey;
import org.ecocalc.core.manifest.Verification;
import org.ecocalc.core.manifest.Verification.Check;
import org.ecocalc.core.manifest.Verification.Status;
import org.ecocalc.core.manifest.VerificationKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attestation of a report ({@code ecocalc.attestation/1}): someone vouches for a report file by
 * signing its digest with an Ed25519 key. Specified in {@code docs/attestation.md}:
 *
 * <ul>
 *   <li>{@code report_digest}: {@link #reportDigest(String)}, {@code sha256:} of the RFC 8785
 *       canonical JSON of the whole report file, its {@code manifest} member included; so any change
 *       of a name or a value (not of white space or member order) gives another digest;</li>
 *   <li>{@code attested_by}, {@code statement}: optional, who vouches and for what;</li>
 *   <li>{@code signature}: {@code algorithm} (Ed25519), {@code key_id} ({@code sha256:} of the
 *       signer's DER SubjectPublicKeyInfo) and {@code value} (Base64), over
 *       {@link #signingInput()}: the canonical attestation without its {@code signature} member,
 *       as a run manifest's signature is made.</li>
 * </ul>
 *
 * <pre>{@code
 * Attestation a = Attestation.create(reportJson, SigningKey.fromPem(pem), "J. Auditor", "Reviewed.");
 * Files.writeString(out, a.toJson());
 * Verification v = Attestation.parse(text).verify(reportJson, VerificationKey.fromPem(pub));
 * }</pre>
 *
 * <p>Deterministic: no clock (put a date in the statement if one is wanted); Ed25519 signatures are
 * deterministic, so the same report, key and fields give the same bytes. Trust comes from the
 * public key the verifier holds, never from {@code key_id}.
 *
 * @param reportDigest the digest of the attested report ({@code sha256:…})
 * @param attestedBy   who attests, or null
 * @param statement    what is attested, or null
 * @param signature    the Ed25519 signature over {@link #signingInput()}
 */
public record Attestation(String reportDigest, String attestedBy, String statement, ManifestSignature signature) {
    /** The format identifier: {@value}. */
    public static final String FORMAT = "ecocalc.attestation/1";
    /** The longest {@code attested_by}, in characters: {@value}. */
    public static final int MAX_ATTESTED_BY = 200;
    /** The longest {@code statement}, in characters: {@value}. */
    public static final int MAX_STATEMENT = 10_000;

    public Attestation {
        Objects.requireNonNull(reportDigest, "reportDigest");
        Objects.requireNonNull(signature, "signature");
        if (!CanonicalJson.isDigest(reportDigest)) {
            throw new IllegalArgumentException("reportDigest is not a sha256: digest: " + reportDigest);
        }
        checkText(attestedBy, "attestedBy", MAX_ATTESTED_BY);
        checkText(statement, "statement", MAX_STATEMENT);
    }

    private static void checkText(String text, String name, int max) {
        if (text != null && (text.isBlank() || text.length() > max)) {
            throw new IllegalArgumentException(name + " must be null or 1 to " + max + " characters, not blank (got "
                    + text.length() + " characters)");
        }
    }

    /** The attestation schema, compiled once on first use. */
    private static final class Schema {
        static final SchemaCheck ATTESTATION = SchemaCheck.load("attestation.v1.json");
    }

    /**
     * The digest an attestation signs: {@code sha256:} of the RFC 8785 canonical JSON of the whole
     * report text (every member, the {@code manifest} included).
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) if the text is not JSON or repeats a key
     */
    public static String reportDigest(String reportJson) {
        Objects.requireNonNull(reportJson, "reportJson");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(reportJson);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "the report is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EcoCalcException(ErrorCode.INVALID_REPORT, "a report is a JSON object");
        }
        return CanonicalJson.digest(reportJson);
    }

    /**
     * Attests a report: its digest, who attests and what (each may be null), signed with {@code key}.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_REPORT}) if the report is not a JSON object;
     *                          ({@link ErrorCode#INVALID_ATTESTATION}) if a text is blank or too long
     */
    public static Attestation create(String reportJson, SigningKey key, String attestedBy, String statement) {
        Objects.requireNonNull(key, "key");
        String digest = reportDigest(reportJson);
        try {
            checkText(attestedBy, "attested_by", MAX_ATTESTED_BY);
            checkText(statement, "statement", MAX_STATEMENT);
        } catch (IllegalArgumentException e) {
            throw new EcoCalcException(ErrorCode.INVALID_ATTESTATION, e.getMessage());
        }
        byte[] sig = key.sign(signingInput(digest, attestedBy, statement));
        return new Attestation(digest, attestedBy, statement, new ManifestSignature(ManifestSignature.ED25519,
                key.verificationKey().keyId(), Base64.getEncoder().encodeToString(sig)));
    }

    /** The bytes the signature covers: RFC 8785 canonical JSON of the attestation without {@code signature}. */
    public byte[] signingInput() {
        return signingInput(reportDigest, attestedBy, statement);
    }

    private static byte[] signingInput(String digest, String attestedBy, String statement) {
        return CanonicalJson.canonicalize(Json.compact(node(digest, attestedBy, statement, null)));
    }

    private static ObjectNode node(String digest, String attestedBy, String statement, ManifestSignature signature) {
        ObjectNode n = Json.object();
        n.put("format", FORMAT);
        n.put("report_digest", digest);
        if (attestedBy != null) {
            n.put("attested_by", attestedBy);
        }
        if (statement != null) {
            n.put("statement", statement);
        }
        if (signature != null) {
            ObjectNode s = n.putObject("signature");
            s.put("algorithm", signature.algorithm());
            s.put("key_id", signature.keyId());
            s.put("value", signature.value());
        }
        return n;
    }

    /** The attestation as pretty JSON (two-space indent, LF, final LF), members in the documented order. */
    public String toJson() {
        return Json.pretty(node(reportDigest, attestedBy, statement, signature));
    }

    /**
     * Reads an attestation: its schema ({@code docs/schemas/attestation.v1.json}) first, then its
     * members.
     *
     * @throws EcoCalcException ({@link ErrorCode#INVALID_ATTESTATION}) naming the offending member by
     *                          JSON Pointer
     */
    public static Attestation parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EcoCalcException(ErrorCode.INVALID_ATTESTATION, "the attestation is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (n == null || n.isMissingNode()) {
            throw bad("", "the attestation is empty");
        }
        List<Problem> problems = Schema.ATTESTATION.validate(n);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw bad(p.pointer(), p.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""));
        }
        JsonNode s = n.get("signature");
        try {
            return new Attestation(n.get("report_digest").stringValue(), optional(n, "attested_by"),
                    optional(n, "statement"), new ManifestSignature(s.get("algorithm").stringValue(),
                            s.get("key_id").stringValue(), s.get("value").stringValue()));
        } catch (IllegalArgumentException e) {
            throw bad("", e.getMessage());
        }
    }

    private static String optional(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? null : v.stringValue();
    }

    private static EcoCalcException bad(String pointer, String message) {
        return new EcoCalcException(ErrorCode.INVALID_ATTESTATION, "invalid attestation at "
                + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message);
    }

    /**
     * Checks this attestation against a report text and the public key the verifier trusts. Two
     * checks, both always made: {@code attestation report_digest} (the report is the one attested:
     * not a changed byte of any name or value) and {@code attestation signature} (made by
     * {@code key}, over this attestation unchanged). The result's run id is the report manifest's
     * {@code run_id} when it has one, else null.
     */
    public Verification verify(String reportJson, VerificationKey key) {
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(key, "key");
        List<Check> checks = new ArrayList<>();
        String actual;
        String runId = null;
        try {
            actual = reportDigest(reportJson);
            JsonNode m = Json.MAPPER.readTree(reportJson).get("manifest");
            if (m != null && m.isObject() && m.get("run_id") != null && m.get("run_id").isString()) {
                runId = m.get("run_id").stringValue();
            }
        } catch (EcoCalcException e) {
            actual = null;
        }
        checks.add(reportDigest.equals(actual)
                ? new Check("attestation report_digest", Status.OK, reportDigest, actual, null)
                : new Check("attestation report_digest", Status.DIFFERENT, reportDigest,
                        actual == null ? "not a JSON report" : actual,
                        "the report is not the one attested: it was changed after it was attested, or it is another report"));
        if (!key.keyId().equals(signature.keyId())) {
            checks.add(new Check("attestation signature", Status.DIFFERENT, key.keyId(), signature.keyId(),
                    "signed by another key"));
        } else if (key.verify(signingInput(), signature.bytes())) {
            checks.add(new Check("attestation signature", Status.OK, null, "Ed25519 by " + key.keyId()
                    + (attestedBy == null ? "" : " (" + attestedBy + ")"), null));
        } else {
            checks.add(new Check("attestation signature", Status.DIFFERENT, "a valid signature by " + key.keyId(),
                    "an invalid signature", "the attestation or its signature was changed after signing"));
        }
        return new Verification(runId, checks);
    }

    /** The report digest, the key id and who attests; never the signature value. */
    @Override
    public String toString() {
        return "Attestation[report=" + reportDigest + ", key_id=" + signature.keyId()
                + (attestedBy == null ? "" : ", by=" + attestedBy) + "]";
    }
}
