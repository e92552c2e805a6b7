package org.ecocalc.core.carbon;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.factor.FactorSelection;

/**
 * One factor applied to a result: what it was used for, the factor with its citation, how it
 * was selected, and how many records it was applied to. Part of a carbon result's lineage.
 * Serializable (strings and a count only: no reference to the factor library), so that partial
 * sums holding it can travel between workers.
 *
 * @param role       what the factor did, such as {@code grid_electricity/co2} or
 *                   {@code distillate_fuel_oil_no2/heat_content}
 * @param reference  {@code pack@version:factor_id@version}
 * @param packDigest the pack's {@code sha256:} digest
 * @param value      the value as published
 * @param unit       the unit as published
 * @param gwpSet     for a published CO2e factor, the GWP set it was computed with ("unknown" when the
 *                   source does not say); null otherwise
 * @param level      the match level ({@code grid_zone}, {@code country}, ...)
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param citation   dataset, table, edition and year, and the URL
 * @param trace      the selector's rule trace
 * @param records    how many records of the group it was applied to
 */
public record FactorUse(String role, String reference, String packDigest, String value, String unit, String gwpSet,
        String level, String confidence, String citation, List<String> trace, long records) implements Serializable {
    public FactorUse {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reference, "reference");
        trace = List.copyOf(trace);
    }

    /** The use of a selection for a role, counted once. */
    public static FactorUse of(String role, FactorSelection s) {
        var f = s.factor();
        var p = f.provenance();
        StringBuilder c = new StringBuilder();
        append(c, p.dataset());
        append(c, p.table());
        append(c, p.edition());
        append(c, p.year() == null ? null : p.year().toString());
        append(c, p.url());
        return new FactorUse(role, f.reference(), f.pack().digest(),
                f.value() == null ? null : f.value().toPlainString(), f.unit().toString(),
                f.gas() != null && f.gas().isCo2e() ? f.gwpSetId() == null ? "unknown" : f.gwpSetId() : null,
                s.level().id(), s.confidence().id(), c.toString(), s.trace(), 1);
    }

    private static void append(StringBuilder b, String part) {
        if (part != null && !part.isBlank()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(part);
        }
    }

    /** The same use applied to more records. */
    public FactorUse plus(long more) {
        return new FactorUse(role, reference, packDigest, value, unit, gwpSet, level, confidence, citation, trace,
                records + more);
    }

    /**
     * Everything but the record count, as one string: the order in which a result lists its uses.
     * A result lists each factor once per role, match level and confidence, with the trace of its
     * first selection (the traces of one factor differ only in the dates it was selected for).
     */
    public String key() {
        return role + "|" + reference + "|" + level + "|" + confidence + "|" + String.join(" / ", trace);
    }
}
