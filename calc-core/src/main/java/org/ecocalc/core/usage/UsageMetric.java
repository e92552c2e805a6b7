package org.ecocalc.core.usage;

/**
 * The registry of usage metric ids, in the spirit of DESIGN.md's metric registry: never renamed, only
 * extended. Each impact metric has a central id and {@code _low} and {@code _high} variants (the ends
 * of its range); counts have none. All are sums over the events of a group, exact.
 */
public enum UsageMetric {
    /** Events counted. */
    EVENTS("usage.events", "1", null),
    /** LLM calls counted. */
    CALLS("usage.calls", "1", null),
    /** GPU jobs counted. */
    GPU_JOBS("usage.gpu_jobs", "1", null),
    /** Input tokens of the LLM calls. */
    TOKENS_IN("usage.tokens_in", "1", null),
    /** Output tokens of the LLM calls. */
    TOKENS_OUT("usage.tokens_out", "1", null),
    /** GPU-seconds of the GPU jobs. */
    GPU_SECONDS("usage.gpu_seconds", "GPU-s", null),
    /** Energy, data-centre overhead included (central; {@code _low}, {@code _high}). */
    ENERGY_KWH("usage.energy_kwh", "kWh", ImpactPart.ENERGY),
    /** Water consumed on site and for the electricity. */
    WATER_L("usage.water_l", "L", ImpactPart.WATER),
    /** Operational plus embodied carbon. */
    CARBON_KGCO2E("usage.carbon_kgco2e", "kgCO2e", ImpactPart.CARBON),
    /** Carbon of the electricity. */
    CARBON_OPERATIONAL_KGCO2E("usage.carbon_operational_kgco2e", "kgCO2e", ImpactPart.CARBON_OPERATIONAL),
    /** Embodied carbon of the hardware allocated to the use. */
    CARBON_EMBODIED_KGCO2E("usage.carbon_embodied_kgco2e", "kgCO2e", ImpactPart.CARBON_EMBODIED);

    private final String id;
    private final String unit;
    private final ImpactPart part;

    UsageMetric(String id, String unit, ImpactPart part) {
        this.id = id;
        this.unit = unit;
        this.part = part;
    }

    /** The id of the central value ({@code usage.energy_kwh}). */
    public String id() {
        return id;
    }

    /** The id of the low end ({@code usage.energy_kwh_low}); the central id for a count. */
    public String lowId() {
        return part == null ? id : id + "_low";
    }

    /** The id of the high end ({@code usage.energy_kwh_high}); the central id for a count. */
    public String highId() {
        return part == null ? id : id + "_high";
    }

    /** The unit. */
    public String unit() {
        return unit;
    }

    /** The impact part it sums, or null for a count. */
    public ImpactPart part() {
        return part;
    }
}
