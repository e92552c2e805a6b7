package org.ecocalc.core.usage;

import java.util.Locale;

/**
 * A qualification of a usage impact: where the estimate rests on a fallback, an assumption or a
 * partial scope. Ids are stable and appear in JSON; new flags are added, never renamed.
 */
public enum UsageFlag {
    /** The model is not in any loaded pack: its size class was used (low confidence). */
    UNKNOWN_MODEL,
    /** The event names no place: the provider's default serving country was assumed. */
    PROVIDER_DEFAULT_LOCATION,
    /** No place and no provider default: the world-average grid factor was used. */
    NO_LOCATION,
    /** No PUE for the site or the provider: an industry-average PUE was used. */
    FALLBACK_PUE,
    /** The energy is the event's measured energy, not an estimate. */
    MEASURED_ENERGY,
    /** The GPU power is the accelerator's thermal design power, an upper bound of its draw. */
    GPU_POWER_TDP,
    /** The pack gives no host (CPU, memory) power for the accelerator: GPU power only. */
    HOST_POWER_NOT_COUNTED,
    /** The pack gives no embodied share for the hardware: carbon is operational only. */
    EMBODIED_NOT_COUNTED,
    /**
     * The call has at least {@value UsageCalculator#LONG_INPUT_TOKENS} input tokens; the model counts
     * output tokens only, so the estimate is likely low.
     */
    LONG_INPUT,
    /** A factor was used outside its validity dates (the closest by date). */
    FACTOR_DATE_FLAGGED,
    /** An approved override supplied at least one factor. */
    OVERRIDE_USED;

    /** The snake_case id used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
