package org.ecocalc.core.factor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An approved override: "for this organisation, facility or activity, use this factor". The
 * factor comes from a loaded pack (typically the organisation's own pack, so it is cited and
 * hashed like any other); the approval is recorded and shown in the selection trace. An override
 * wins over every published factor, but only for the same activity type and gas. (Named
 * {@code FactorOverride}, not {@code Override}, so as not to shadow {@code java.lang.Override}.)
 *
 * @param scope      what it applies to
 * @param scopeId    the organisation, facility or activity id
 * @param factor     the factor to use (must have a value)
 * @param approvedBy who approved it (a name or role; never a secret)
 * @param approvedOn the day of approval
 * @param reason     why, for the audit trail
 */
public record FactorOverride(OverrideScope scope, String scopeId, Factor factor, String approvedBy, LocalDate approvedOn,
        String reason) {
    public FactorOverride {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedOn, "approvedOn");
        Objects.requireNonNull(reason, "reason");
        if (scopeId.isBlank()) {
            throw new IllegalArgumentException("override scopeId must not be blank");
        }
        if (approvedBy.isBlank()) {
            throw new IllegalArgumentException("an override must name who approved it");
        }
        if (!factor.hasValue()) {
            throw new IllegalArgumentException("override factor " + factor.reference()
                    + " has no value (citation-only pack)");
        }
    }

    /** An override approved by {@code approvedBy} on {@code approvedOn}. */
    public static FactorOverride of(OverrideScope scope, String scopeId, Factor factor, String approvedBy,
            LocalDate approvedOn, String reason) {
        return new FactorOverride(scope, scopeId, factor, approvedBy, approvedOn, reason);
    }
}
