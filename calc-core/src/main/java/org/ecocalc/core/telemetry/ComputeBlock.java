package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * The work done over the record's interval.
 * Every component is optional; amounts are held in their canonical unit and are never negative.
 *
 * @param gpuHours accelerator time (in any gpu time unit, held in the canonical unit), or null when absent
 * @param trainingRuns training runs (fractions allowed, for a run spread over several records) (a non-negative decimal), or null when absent
 * @param inferenceRequests inference requests served (a whole number), or null when absent
 * @param tokens tokens processed (a whole number), or null when absent
 */
public record ComputeBlock(Quantity gpuHours, BigDecimal trainingRuns, BigDecimal inferenceRequests, BigDecimal tokens) {
    /** The block with no fields, used when a record has no {@code compute} block. */
    public static final ComputeBlock EMPTY = new ComputeBlock(null, null, null, null);

    public ComputeBlock {
        gpuHours = Checks.amount(gpuHours, Dimension.GPU_TIME, "/compute/gpu_hours");
        trainingRuns = Checks.count(trainingRuns, false, "/compute/training_runs");
        inferenceRequests = Checks.count(inferenceRequests, true, "/compute/inference_requests");
        tokens = Checks.count(tokens, true, "/compute/tokens");
    }

    /** A builder with every field absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no field is present. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Builds a {@link ComputeBlock}; each setter accepts null to clear the field. */
    public static final class Builder {
        private Quantity gpuHours;
        private BigDecimal trainingRuns;
        private BigDecimal inferenceRequests;
        private BigDecimal tokens;

        private Builder() {
        }

        /** Sets {@code gpu_hours}; null clears it. */
        public Builder gpuHours(Quantity gpuHours) {
            this.gpuHours = gpuHours;
            return this;
        }

        /** Sets {@code training_runs}; null clears it. */
        public Builder trainingRuns(BigDecimal trainingRuns) {
            this.trainingRuns = trainingRuns;
            return this;
        }

        /** Sets {@code inference_requests}; null clears it. */
        public Builder inferenceRequests(BigDecimal inferenceRequests) {
            this.inferenceRequests = inferenceRequests;
            return this;
        }

        /** Sets {@code tokens}; null clears it. */
        public Builder tokens(BigDecimal tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * The block.
         *
         * @throws InvalidTelemetryException if an amount has the wrong dimension or is negative
         */
        public ComputeBlock build() {
            return new ComputeBlock(gpuHours, trainingRuns, inferenceRequests, tokens);
        }
    }
}
