package org.ecocalc.core.telemetry;

import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Water over the record's interval (The Green Grid WP#35, ISO/IEC 30134-9, EU 2024/1364 WIN).
 * Every component is optional; amounts are held in their canonical unit and are never negative.
 *
 * @param withdrawal total water withdrawn (site water input) (in any volume unit, held in the canonical unit), or null when absent
 * @param consumption water consumed (not returned) (in any volume unit, held in the canonical unit), or null when absent
 * @param returned water returned to source or sewer (in any volume unit, held in the canonical unit), or null when absent
 * @param reclaimed reclaimed or recycled water used (in any volume unit, held in the canonical unit), or null when absent
 * @param cooling water used for cooling (in any volume unit, held in the canonical unit), or null when absent
 * @param evaporation cooling-tower evaporation (in any volume unit, held in the canonical unit), or null when absent
 * @param blowdown cooling-tower blowdown (in any volume unit, held in the canonical unit), or null when absent
 */
public record WaterBlock(Quantity withdrawal, Quantity consumption, Quantity returned, Quantity reclaimed, Quantity cooling, Quantity evaporation, Quantity blowdown) {
    /** The block with no fields, used when a record has no {@code water} block. */
    public static final WaterBlock EMPTY = new WaterBlock(null, null, null, null, null, null, null);

    public WaterBlock {
        withdrawal = Checks.amount(withdrawal, Dimension.VOLUME, "/water/withdrawal");
        consumption = Checks.amount(consumption, Dimension.VOLUME, "/water/consumption");
        returned = Checks.amount(returned, Dimension.VOLUME, "/water/returned");
        reclaimed = Checks.amount(reclaimed, Dimension.VOLUME, "/water/reclaimed");
        cooling = Checks.amount(cooling, Dimension.VOLUME, "/water/cooling");
        evaporation = Checks.amount(evaporation, Dimension.VOLUME, "/water/evaporation");
        blowdown = Checks.amount(blowdown, Dimension.VOLUME, "/water/blowdown");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no field is present. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Builds a {@link WaterBlock}; each setter accepts null to clear the field. */
    public static final class Builder {
        private Quantity withdrawal;
        private Quantity consumption;
        private Quantity returned;
        private Quantity reclaimed;
        private Quantity cooling;
        private Quantity evaporation;
        private Quantity blowdown;

        private Builder() {
        }

        /** Sets {@code withdrawal}; null clears it. */
        public Builder withdrawal(Quantity withdrawal) {
            this.withdrawal = withdrawal;
            return this;
        }

        /** Sets {@code consumption}; null clears it. */
        public Builder consumption(Quantity consumption) {
            this.consumption = consumption;
            return this;
        }

        /** Sets {@code returned}; null clears it. */
        public Builder returned(Quantity returned) {
            this.returned = returned;
            return this;
        }

        /** Sets {@code reclaimed}; null clears it. */
        public Builder reclaimed(Quantity reclaimed) {
            this.reclaimed = reclaimed;
            return this;
        }

        /** Sets {@code cooling}; null clears it. */
        public Builder cooling(Quantity cooling) {
            this.cooling = cooling;
            return this;
        }

        /** Sets {@code evaporation}; null clears it. */
        public Builder evaporation(Quantity evaporation) {
            this.evaporation = evaporation;
            return this;
        }

        /** Sets {@code blowdown}; null clears it. */
        public Builder blowdown(Quantity blowdown) {
            this.blowdown = blowdown;
            return this;
        }

        /**
         * The block.
         *
         * @throws InvalidTelemetryException if an amount has the wrong dimension or is negative
         */
        public WaterBlock build() {
            return new WaterBlock(withdrawal, consumption, returned, reclaimed, cooling, evaporation, blowdown);
        }
    }
}
