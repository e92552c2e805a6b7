package org.ecocalc.core.factor;

import java.util.List;
import java.util.Objects;

/**
 * The factor {@link FactorSelector} chose, and why.
 *
 * @param factor      the factor (its {@link Factor#pack()} names pack id, version and digest)
 * @param level       where it matched
 * @param confidence  the confidence of this use of the factor (see {@link FactorSelector})
 * @param dateFlagged true when no candidate covered the activity interval and the closest by date was used
 * @param override    the approved override used, or null
 * @param trace       the rules applied, in order, for example
 *                    {@code ["no approved override for facility fra-1", "no facility factor for fra-1", "country match: DE"]}
 */
public record FactorSelection(Factor factor, MatchLevel level, Confidence confidence, boolean dateFlagged,
        FactorOverride override, List<String> trace) {
    public FactorSelection {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(confidence, "confidence");
        trace = List.copyOf(trace);
    }

    /** The factor id. */
    public String factorId() {
        return factor.factorId();
    }

    /** The factor's version. */
    public int factorVersion() {
        return factor.version();
    }

    /** The pack id, version and digest. */
    public PackRef pack() {
        return factor.pack();
    }
}
