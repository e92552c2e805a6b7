package org.ecocalc.core.telemetry;

import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Cooling plant telemetry over the record's interval.
 * Every component is optional; amounts are held in their canonical unit and are never negative.
 *
 * @param chillerEnergy electricity used by the chillers (in any energy unit, held in the canonical unit), or null when absent
 * @param heatRemoved heat removed by the cooling system (thermal) (in any energy unit, held in the canonical unit), or null when absent
 */
public record CoolingBlock(Quantity chillerEnergy, Quantity heatRemoved) {
    /** The block with no fields, used when a record has no {@code cooling} block. */
    public static final CoolingBlock EMPTY = new CoolingBlock(null, null);

    public CoolingBlock {
        chillerEnergy = Checks.amount(chillerEnergy, Dimension.ENERGY, "/cooling/chiller_energy");
        heatRemoved = Checks.amount(heatRemoved, Dimension.ENERGY, "/cooling/heat_removed");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no field is present. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Builds a {@link CoolingBlock}; each setter accepts null to clear the field. */
    public static final class Builder {
        private Quantity chillerEnergy;
        private Quantity heatRemoved;

        private Builder() {
        }

        /** Sets {@code chiller_energy}; null clears it. */
        public Builder chillerEnergy(Quantity chillerEnergy) {
            this.chillerEnergy = chillerEnergy;
            return this;
        }

        /** Sets {@code heat_removed}; null clears it. */
        public Builder heatRemoved(Quantity heatRemoved) {
            this.heatRemoved = heatRemoved;
            return this;
        }

        /**
         * The block.
         *
         * @throws InvalidTelemetryException if an amount has the wrong dimension or is negative
         */
        public CoolingBlock build() {
            return new CoolingBlock(chillerEnergy, heatRemoved);
        }
    }
}
