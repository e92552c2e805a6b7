package org.ecocalc.core.explain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.manifest.FactorPackRef;
import org.ecocalc.core.quantity.Decimals;

/**
 * One factor applied to produce a metric result: which factor (id, version, pack), its value, where
 * it applies, how it was selected (match level, confidence, rule trace), its citation, and the
 * input it multiplied. The JSON form is a member of a metric's lineage,
 * {@code "lineage": {"factors": [ … ]}}, specified in {@code docs/run-manifest.md}; results without
 * factors (every metric of this release) have none.
 *
 * @param factorId      the factor id, stable across versions
 * @param factorVersion the factor's version
 * @param pack          the pack it was loaded from
 * @param value         the factor value, as published
 * @param unit          the factor unit, such as {@code kgCO2e/kWh}
 * @param gas           the gas it is for, or null for a CO2e factor
 * @param region        where it applies ({@code country:DE}, {@code global}), or null
 * @param matchLevel    the selection level: {@code override}, {@code facility}, {@code grid_zone},
 *                      {@code country}, {@code region}, {@code global} or {@code fallback}
 * @param confidence    {@code high}, {@code medium} or {@code low}
 * @param citation      the full citation (dataset, table, row)
 * @param sourceUrl     where the value can be checked, or null
 * @param trace         the selection rules applied, in order
 * @param input         the JSON Pointer of the activity it multiplied, such as {@code /energy/grid_import}, or null
 * @param amount        the activity amount it multiplied (canonical unit), or null
 */
public record FactorApplication(String factorId, String factorVersion, FactorPackRef pack, BigDecimal value, String unit,
        String gas, String region, String matchLevel, String confidence, String citation, String sourceUrl,
        List<String> trace, String input, BigDecimal amount) {
    public FactorApplication {
        Objects.requireNonNull(factorId, "factorId");
        Objects.requireNonNull(factorVersion, "factorVersion");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(matchLevel, "matchLevel");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(citation, "citation");
        trace = List.copyOf(trace);
        value = value == null ? null : Decimals.normalize(value);
        amount = amount == null ? null : Decimals.normalize(amount);
    }
}
