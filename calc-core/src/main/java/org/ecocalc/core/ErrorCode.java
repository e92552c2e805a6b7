package org.ecocalc.core;

/**
 * Stable, machine-readable error codes. The {@link #id()} strings appear in reports, in test
 * vectors and in the ingestion protocol; they are never renamed (a new code is added instead).
 */
public enum ErrorCode {
    /** The input is not well-formed JSON (syntax error, duplicate object key). */
    MALFORMED_JSON("malformed_json"),
    /** The input could not be read (file missing, I/O failure). */
    INPUT_UNREADABLE("input_unreadable"),
    /** {@code source_id} or {@code external_event_id} is missing or empty. */
    MISSING_IDENTITY("missing_identity"),
    /** A required field other than the identity is missing. */
    MISSING_FIELD("missing_field"),
    /** A field that the format does not define (often a misspelling). */
    UNKNOWN_FIELD("unknown_field"),
    /** A field has the wrong JSON type, or a string breaks the field's pattern. */
    WRONG_TYPE("wrong_type"),
    /** A decimal value is not a number (for example {@code "NaN"}, {@code "12,5"}, {@code ""}). */
    NOT_NUMERIC("not_numeric"),
    /** An energy, water, mass, time or count value is negative. */
    NEGATIVE_VALUE("negative_value"),
    /** A value is outside its allowed range (a percentage over 100, too many digits, too large). */
    VALUE_OUT_OF_RANGE("value_out_of_range"),
    /** A unit symbol that ecocalc does not know. */
    UNKNOWN_UNIT("unknown_unit"),
    /** A known unit of the wrong kind for the field (for example litres for energy). */
    UNIT_DIMENSION_MISMATCH("unit_dimension_mismatch"),
    /** A timestamp that is not ISO-8601. */
    INVALID_TIMESTAMP("invalid_timestamp"),
    /** A timestamp without a UTC offset ({@code Z} or {@code +hh:mm}); local times are ambiguous. */
    TIMESTAMP_WITHOUT_OFFSET("timestamp_without_offset"),
    /** The interval ends at or before its start. */
    INTERVAL_NOT_POSITIVE("interval_not_positive"),
    /** Warning: IT energy is greater than facility energy in one record (PUE below 1). */
    IT_EXCEEDS_FACILITY("it_exceeds_facility"),
    /** Warning: cooling energy is greater than facility energy in one record. */
    COOLING_EXCEEDS_FACILITY("cooling_exceeds_facility"),
    /** Warning: the same record (same idempotency key and content) appeared again; counted once. */
    DUPLICATE_RECORD("duplicate_record"),
    /** Two records share an idempotency key but differ in content; neither is counted. */
    CONFLICTING_DUPLICATE("conflicting_duplicate"),
    /** Warning: a record lies wholly or partly outside the custom reporting range. */
    OUTSIDE_REPORTING_RANGE("outside_reporting_range"),
    /** The input breaks the JSON Schema in a way no more specific code describes. */
    SCHEMA_VIOLATION("schema_violation"),
    /** A unit conversion that cannot be done (unknown unit, different dimensions). */
    UNIT_CONVERSION("unit_conversion"),
    /** A method setting is invalid. */
    INVALID_SETTINGS("invalid_settings"),
    /** An asset of the asset registry is invalid. */
    INVALID_ASSET("invalid_asset"),
    /** A factor pack breaks its JSON Schema or the loader's further checks (the problems name the field). */
    FACTOR_PACK_INVALID("factor_pack_invalid"),
    /** A factor pack's content does not match its {@code digest}: it was changed after it was sealed. */
    FACTOR_PACK_DIGEST_MISMATCH("factor_pack_digest_mismatch"),
    /** The same pack id and version was loaded twice into one factor library (versions are immutable). */
    FACTOR_PACK_DUPLICATE("factor_pack_duplicate"),
    /** No factor, at any match level, for the activity, gas and place asked for. */
    UNKNOWN_FACTOR("unknown_factor"),
    /** A gas has no published GWP value in the chosen set and horizon; ecocalc does not guess one. */
    GWP_UNAVAILABLE("gwp_unavailable"),
    /** A report JSON that cannot be read back (wrong format, missing or malformed member). */
    INVALID_REPORT("invalid_report"),
    /** A run manifest that cannot be read (wrong format, missing or malformed member). */
    INVALID_MANIFEST("invalid_manifest"),
    /** A signing or verification key that cannot be read (not PEM, not Ed25519, encrypted). */
    INVALID_KEY("invalid_key"),
    /** A metric id that is not in the registry. */
    UNKNOWN_METRIC("unknown_metric"),
    /** A factor pack named by a run or a test vector that this engine cannot load. */
    FACTOR_PACK_UNAVAILABLE("factor_pack_unavailable"),
    /** An audit log whose hash chain is broken, or that another writer holds. */
    AUDIT_LOG_BROKEN("audit_log_broken"),
    /** An audit pack that cannot be written or read (not a zip, a missing file, a repeated name). */
    AUDIT_PACK_INVALID("audit_pack_invalid"),
    /** A test vector that breaks the test-vector format. */
    INVALID_TEST_VECTOR("invalid_test_vector"),
    /** A what-if scenario is invalid (the message names the field by JSON Pointer). */
    INVALID_SCENARIO("invalid_scenario"),
    /** Money amounts in different currencies were combined; ecocalc never converts silently. */
    CURRENCY_MISMATCH("currency_mismatch"),
    /**
     * A usage-event attribute whose name could carry prompt or completion content (it contains
     * prompt, completion, message or content, in any case); refused, never stored.
     */
    CONTENT_ATTRIBUTE("content_attribute"),
    /** A report attestation that cannot be read or made (the message names the member by JSON Pointer). */
    INVALID_ATTESTATION("invalid_attestation");

    private final String id;

    ErrorCode(String id) {
        this.id = id;
    }

    /** The stable snake_case identifier, as written in JSON. */
    public String id() {
        return id;
    }

    /** The code with the given {@link #id()}. */
    public static ErrorCode fromId(String id) {
        for (ErrorCode c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error code: " + id);
    }
}
