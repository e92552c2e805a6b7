package org.ecocalc.core.telemetry;

import java.math.BigDecimal;

/**
 * Accelerator utilisation over the record's interval.
 * Every component is optional; amounts are held in their canonical unit and are never negative.
 *
 * @param utilizationPct mean GPU utilisation, percent (0 to 100), or null when absent
 * @param idlePct share of GPU time idle, percent (0 to 100), or null when absent
 */
public record HardwareBlock(BigDecimal utilizationPct, BigDecimal idlePct) {
    /** The block with no fields, used when a record has no {@code hardware} block. */
    public static final HardwareBlock EMPTY = new HardwareBlock(null, null);

    public HardwareBlock {
        utilizationPct = Checks.percent(utilizationPct, "/hardware/utilization_pct");
        idlePct = Checks.percent(idlePct, "/hardware/idle_pct");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no field is present. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Builds a {@link HardwareBlock}; each setter accepts null to clear the field. */
    public static final class Builder {
        private BigDecimal utilizationPct;
        private BigDecimal idlePct;

        private Builder() {
        }

        /** Sets {@code utilization_pct}; null clears it. */
        public Builder utilizationPct(BigDecimal utilizationPct) {
            this.utilizationPct = utilizationPct;
            return this;
        }

        /** Sets {@code idle_pct}; null clears it. */
        public Builder idlePct(BigDecimal idlePct) {
            this.idlePct = idlePct;
            return this;
        }

        /**
         * The block.
         *
         * @throws InvalidTelemetryException if an amount has the wrong dimension or is negative
         */
        public HardwareBlock build() {
            return new HardwareBlock(utilizationPct, idlePct);
        }
    }
}
