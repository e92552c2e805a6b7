package org.ecocalc.core.score;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;

/**
 * The scorecard: S = w_carbon·(1 − C_norm) + w_water·(1 − W_norm) + w_efficiency·(1 − PUE_norm)
 * + w_hardware·U_norm, each normalisation clamped to [0, 1]:
 * C_norm = carbon per GPU-hour / {@link #carbonReference()}, W_norm = water per GPU-hour /
 * {@link #waterReference()}, PUE_norm = (PUE − 1) / ({@link #pueWorst()} − 1),
 * U_norm = utilisation / {@link #utilizationTarget()}. Weights are non-negative and sum to 1.
 * The defaults and their reasons are in {@code docs/methodology.md}.
 */
public final class ScoreSettings {
    /** Default carbon weight. */
    public static final BigDecimal DEFAULT_W_CARBON = new BigDecimal("0.4");
    /** Default water weight. */
    public static final BigDecimal DEFAULT_W_WATER = new BigDecimal("0.2");
    /** Default efficiency weight. */
    public static final BigDecimal DEFAULT_W_EFFICIENCY = new BigDecimal("0.2");
    /** Default hardware weight. */
    public static final BigDecimal DEFAULT_W_HARDWARE = new BigDecimal("0.2");
    /** Carbon per GPU-hour at which the carbon component reaches zero: 1 kg CO2e/GPU-h. */
    public static final BigDecimal DEFAULT_CARBON_REFERENCE = BigDecimal.ONE;
    /** Water per GPU-hour at which the water component reaches zero: 5 L/GPU-h. */
    public static final BigDecimal DEFAULT_WATER_REFERENCE = BigDecimal.valueOf(5);
    /** PUE at which the efficiency component reaches zero: 2.0. */
    public static final BigDecimal DEFAULT_PUE_WORST = new BigDecimal("2");
    /** Utilisation (percent) at which the hardware component is full: 80 %. */
    public static final BigDecimal DEFAULT_UTILIZATION_TARGET = BigDecimal.valueOf(80);

    private static final ScoreSettings DEFAULTS = builder().build();

    private final BigDecimal wCarbon;
    private final BigDecimal wWater;
    private final BigDecimal wEfficiency;
    private final BigDecimal wHardware;
    private final BigDecimal carbonReference;
    private final BigDecimal waterReference;
    private final BigDecimal pueWorst;
    private final BigDecimal utilizationTarget;

    private ScoreSettings(Builder b) {
        this.wCarbon = b.wCarbon;
        this.wWater = b.wWater;
        this.wEfficiency = b.wEfficiency;
        this.wHardware = b.wHardware;
        this.carbonReference = b.carbonReference;
        this.waterReference = b.waterReference;
        this.pueWorst = b.pueWorst;
        this.utilizationTarget = b.utilizationTarget;
    }

    /** The defaults. */
    public static ScoreSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Carbon weight. */
    public BigDecimal wCarbon() {
        return wCarbon;
    }

    /** Water weight. */
    public BigDecimal wWater() {
        return wWater;
    }

    /** Efficiency weight. */
    public BigDecimal wEfficiency() {
        return wEfficiency;
    }

    /** Hardware weight. */
    public BigDecimal wHardware() {
        return wHardware;
    }

    /** kg CO2e per GPU-hour that normalises to 1. */
    public BigDecimal carbonReference() {
        return carbonReference;
    }

    /** L per GPU-hour that normalises to 1. */
    public BigDecimal waterReference() {
        return waterReference;
    }

    /** The PUE that normalises to 1 (PUE 1 normalises to 0). */
    public BigDecimal pueWorst() {
        return pueWorst;
    }

    /** The utilisation percentage that normalises to 1. */
    public BigDecimal utilizationTarget() {
        return utilizationTarget;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreSettings s && wCarbon.compareTo(s.wCarbon) == 0 && wWater.compareTo(s.wWater) == 0
                && wEfficiency.compareTo(s.wEfficiency) == 0 && wHardware.compareTo(s.wHardware) == 0
                && carbonReference.compareTo(s.carbonReference) == 0 && waterReference.compareTo(s.waterReference) == 0
                && pueWorst.compareTo(s.pueWorst) == 0 && utilizationTarget.compareTo(s.utilizationTarget) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(wCarbon.stripTrailingZeros(), wWater.stripTrailingZeros(), pueWorst.stripTrailingZeros());
    }

    /** Builds {@link ScoreSettings}; {@link #build()} checks the weights. */
    public static final class Builder {
        private BigDecimal wCarbon = DEFAULT_W_CARBON;
        private BigDecimal wWater = DEFAULT_W_WATER;
        private BigDecimal wEfficiency = DEFAULT_W_EFFICIENCY;
        private BigDecimal wHardware = DEFAULT_W_HARDWARE;
        private BigDecimal carbonReference = DEFAULT_CARBON_REFERENCE;
        private BigDecimal waterReference = DEFAULT_WATER_REFERENCE;
        private BigDecimal pueWorst = DEFAULT_PUE_WORST;
        private BigDecimal utilizationTarget = DEFAULT_UTILIZATION_TARGET;

        private Builder() {
        }

        /** Sets the four weights (checked at {@link #build()}: non-negative, summing to 1). */
        public Builder weights(BigDecimal carbon, BigDecimal water, BigDecimal efficiency, BigDecimal hardware) {
            this.wCarbon = Objects.requireNonNull(carbon, "carbon");
            this.wWater = Objects.requireNonNull(water, "water");
            this.wEfficiency = Objects.requireNonNull(efficiency, "efficiency");
            this.wHardware = Objects.requireNonNull(hardware, "hardware");
            return this;
        }

        /** Sets the baselines: carbon and water per GPU-hour references, worst PUE (> 1), utilisation target. */
        public Builder baselines(BigDecimal carbonPerGpuHour, BigDecimal waterPerGpuHour, BigDecimal pueWorst,
                BigDecimal utilizationTargetPct) {
            positive("carbon reference", carbonPerGpuHour);
            positive("water reference", waterPerGpuHour);
            positive("utilisation target", utilizationTargetPct);
            if (pueWorst == null || pueWorst.compareTo(BigDecimal.ONE) <= 0) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "the worst PUE of the scorecard must be above 1");
            }
            this.carbonReference = carbonPerGpuHour.stripTrailingZeros();
            this.waterReference = waterPerGpuHour.stripTrailingZeros();
            this.pueWorst = pueWorst.stripTrailingZeros();
            this.utilizationTarget = utilizationTargetPct.stripTrailingZeros();
            return this;
        }

        private static void positive(String what, BigDecimal v) {
            if (v == null || v.signum() <= 0) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, what + " must be positive");
            }
        }

        /**
         * The settings.
         *
         * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) if a weight is negative or
         *                          the weights do not sum to exactly 1, showing the values
         */
        public ScoreSettings build() {
            BigDecimal[] w = {wCarbon, wWater, wEfficiency, wHardware};
            String[] names = {"carbon", "water", "efficiency", "hardware"};
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < w.length; i++) {
                if (w[i].signum() < 0) {
                    throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "score weight " + names[i]
                            + " must not be negative (got " + w[i].toPlainString() + ")");
                }
                sum = sum.add(w[i]);
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "score weights must sum to 1: carbon "
                        + wCarbon.toPlainString() + " + water " + wWater.toPlainString() + " + efficiency "
                        + wEfficiency.toPlainString() + " + hardware " + wHardware.toPlainString() + " = "
                        + sum.toPlainString());
            }
            return new ScoreSettings(this);
        }
    }
}
