package org.ecocalc.core.validate;

import java.util.Locale;

/**
 * The registry of validation findings: each with a stable snake_case id (never renamed or
 * reused) and a fixed severity. Each rule and its source is described in {@code docs/validation.md}.
 */
public enum FindingCode {
    // reading
    /** The text is not JSON (or repeats a key in an object). */
    NOT_JSON(Finding.Severity.ERROR),
    /** The report breaks its JSON Schema ({@code docs/schemas/report.v1.json}). */
    SCHEMA_VIOLATION(Finding.Severity.ERROR),
    /** The report passes its schema but the engine's reader refuses it (for example settings that cannot be used). */
    REPORT_UNREADABLE(Finding.Severity.ERROR),

    // totals equal their parts
    /** An additive metric of the total is not the exact sum of the facilities'. */
    TOTAL_NOT_SUM_OF_FACILITIES(Finding.Severity.ERROR),
    /** An additive metric of a facility is not the exact sum of its periods'. */
    FACILITY_NOT_SUM_OF_PERIODS(Finding.Severity.ERROR),

    // physical bounds
    /** A PUE below 1 (ISO/IEC 30134-2: facility energy includes IT energy). */
    PUE_BELOW_ONE(Finding.Severity.ERROR),
    /** A DCiE above 1 (The Green Grid: DCiE = 1 / PUE). */
    DCIE_ABOVE_ONE(Finding.Severity.ERROR),

    // dual Scope 2 reporting
    /** The settings say both Scope 2 methods but a group lacks one of them. */
    SCOPE2_METHOD_MISSING(Finding.Severity.ERROR),
    /** The settings say both Scope 2 methods; one was computed and the other could not be. */
    SCOPE2_METHOD_NOT_COMPUTABLE(Finding.Severity.WARNING),

    // factor citations
    /** A computed, non-zero Scope 1 or Scope 2 number cites no factor. */
    CARBON_FACTOR_MISSING(Finding.Severity.ERROR),
    /**
     * A computed, non-zero carbon number cites no factor because its rates came with the inputs:
     * time-of-use intensities or contract rates in the telemetry, or embodied totals given in the
     * asset registry.
     */
    CARBON_FACTOR_FROM_INPUTS(Finding.Severity.INFO),
    /** A factor reference without a pack version or a factor version. */
    FACTOR_REFERENCE_UNVERSIONED(Finding.Severity.ERROR),

    // the run manifest
    /** The report has no manifest: its hashes cannot be checked. */
    MANIFEST_ABSENT(Finding.Severity.INFO),
    /** The manifest names another engine than the report. */
    MANIFEST_ENGINE_MISMATCH(Finding.Severity.ERROR),
    /** The manifest's activity data set is not the report's data-set digest. */
    MANIFEST_DATASET_MISMATCH(Finding.Severity.ERROR),
    /** The manifest's settings hash is not the digest of the report's settings. */
    MANIFEST_SETTINGS_MISMATCH(Finding.Severity.ERROR),
    /** The manifest's results hash is not the digest of the report's results document. */
    MANIFEST_RESULTS_MISMATCH(Finding.Severity.ERROR),
    /** The manifest's {@code run_id} is not the hash of its other members. */
    MANIFEST_RUN_ID_MISMATCH(Finding.Severity.ERROR),
    /** The activity data set (and the packs and registry) can be checked only against the inputs. */
    ACTIVITY_DATASET_NOT_CHECKED(Finding.Severity.INFO),
    /** The manifest is signed; checking the signature needs the public key. */
    SIGNATURE_NOT_CHECKED(Finding.Severity.INFO);

    private final Finding.Severity severity;

    FindingCode(Finding.Severity severity) {
        this.severity = severity;
    }

    /** The stable snake_case id, as written in JSON ({@code pue_below_one}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of every finding with this code. */
    public Finding.Severity severity() {
        return severity;
    }

    /**
     * The code with the given {@link #id()}.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static FindingCode fromId(String id) {
        for (FindingCode c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown finding code: " + id);
    }
}
