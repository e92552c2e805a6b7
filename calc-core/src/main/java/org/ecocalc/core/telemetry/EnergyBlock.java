package org.ecocalc.core.telemetry;

import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Energy over the record's interval (ISO/IEC 30134-2 E_DC and E_IT, EU 2024/1364 Annex II).
 * Every component is optional; amounts are held in their canonical unit and are never negative.
 *
 * @param facility total facility energy E_DC (in any energy unit, held in the canonical unit), or null when absent
 * @param it IT equipment energy E_IT (in any energy unit, held in the canonical unit), or null when absent
 * @param cooling energy used by the cooling system (in any energy unit, held in the canonical unit), or null when absent
 * @param gridImport electricity imported from the grid (in any energy unit, held in the canonical unit), or null when absent
 * @param onsiteRenewable renewable energy generated on site and used (ERES-OS) (in any energy unit, held in the canonical unit), or null when absent
 * @param renewablePurchased renewable energy bought with guarantees of origin or PPAs (ERES-GOO + ERES-PPA) (in any energy unit, held in the canonical unit), or null when absent
 * @param reusedHeat waste heat reused outside the data centre (EREUSE) (in any energy unit, held in the canonical unit), or null when absent
 */
public record EnergyBlock(Quantity facility, Quantity it, Quantity cooling, Quantity gridImport, Quantity onsiteRenewable, Quantity renewablePurchased, Quantity reusedHeat) {
    /** The block with no fields, used when a record has no {@code energy} block. */
    public static final EnergyBlock EMPTY = new EnergyBlock(null, null, null, null, null, null, null);

    public EnergyBlock {
        facility = Checks.amount(facility, Dimension.ENERGY, "/energy/facility");
        it = Checks.amount(it, Dimension.ENERGY, "/energy/it");
        cooling = Checks.amount(cooling, Dimension.ENERGY, "/energy/cooling");
        gridImport = Checks.amount(gridImport, Dimension.ENERGY, "/energy/grid_import");
        onsiteRenewable = Checks.amount(onsiteRenewable, Dimension.ENERGY, "/energy/onsite_renewable");
        renewablePurchased = Checks.amount(renewablePurchased, Dimension.ENERGY, "/energy/renewable_purchased");
        reusedHeat = Checks.amount(reusedHeat, Dimension.ENERGY, "/energy/reused_heat");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no field is present. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Builds a {@link EnergyBlock}; each setter accepts null to clear the field. */
    public static final class Builder {
        private Quantity facility;
        private Quantity it;
        private Quantity cooling;
        private Quantity gridImport;
        private Quantity onsiteRenewable;
        private Quantity renewablePurchased;
        private Quantity reusedHeat;

        private Builder() {
        }

        /** Sets {@code facility}; null clears it. */
        public Builder facility(Quantity facility) {
            this.facility = facility;
            return this;
        }

        /** Sets {@code it}; null clears it. */
        public Builder it(Quantity it) {
            this.it = it;
            return this;
        }

        /** Sets {@code cooling}; null clears it. */
        public Builder cooling(Quantity cooling) {
            this.cooling = cooling;
            return this;
        }

        /** Sets {@code grid_import}; null clears it. */
        public Builder gridImport(Quantity gridImport) {
            this.gridImport = gridImport;
            return this;
        }

        /** Sets {@code onsite_renewable}; null clears it. */
        public Builder onsiteRenewable(Quantity onsiteRenewable) {
            this.onsiteRenewable = onsiteRenewable;
            return this;
        }

        /** Sets {@code renewable_purchased}; null clears it. */
        public Builder renewablePurchased(Quantity renewablePurchased) {
            this.renewablePurchased = renewablePurchased;
            return this;
        }

        /** Sets {@code reused_heat}; null clears it. */
        public Builder reusedHeat(Quantity reusedHeat) {
            this.reusedHeat = reusedHeat;
            return this;
        }

        /**
         * The block.
         *
         * @throws InvalidTelemetryException if an amount has the wrong dimension or is negative
         */
        public EnergyBlock build() {
            return new EnergyBlock(facility, it, cooling, gridImport, onsiteRenewable, renewablePurchased, reusedHeat);
        }
    }
}
