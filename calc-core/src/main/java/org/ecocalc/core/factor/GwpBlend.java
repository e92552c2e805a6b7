package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A refrigerant blend (such as R-410A = 50 % HFC-32 + 50 % HFC-125 by mass). Its GWP is the
 * mass-weighted sum of its components' GWPs, computed exactly from the pack's values.
 *
 * @param gas        the blend's id
 * @param components the components with their mass fractions (they sum to exactly 1)
 * @param provenance the source of the composition
 */
public record GwpBlend(Gas gas, List<Component> components, Provenance provenance) {
    public GwpBlend {
        Objects.requireNonNull(gas, "gas");
        components = List.copyOf(components);
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * One component of a blend.
     *
     * @param gas          the component gas
     * @param massFraction its mass fraction, in (0, 1]
     */
    public record Component(Gas gas, BigDecimal massFraction) {
        public Component {
            Objects.requireNonNull(gas, "gas");
            Objects.requireNonNull(massFraction, "massFraction");
        }
    }
}
