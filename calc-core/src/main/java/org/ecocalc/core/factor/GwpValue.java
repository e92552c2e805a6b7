package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One global warming potential: kg CO2e per kg of {@code gas} over {@code horizon} in {@code set}.
 *
 * @param gas        the gas
 * @param set        the IPCC assessment report
 * @param horizon    20 or 100 years
 * @param value      the published value (or, for a blend, the mass-weighted sum; see {@code derived})
 * @param derived    true when computed from a blend's components rather than published
 * @param provenance where the value comes from (for a blend: the blend's composition source)
 * @param pack       the pack it was loaded from
 */
public record GwpValue(Gas gas, GwpSet set, GwpHorizon horizon, BigDecimal value, boolean derived,
        Provenance provenance, PackRef pack) {
    public GwpValue {
        Objects.requireNonNull(gas, "gas");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(pack, "pack");
    }
}
