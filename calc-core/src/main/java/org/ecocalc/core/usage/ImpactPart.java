package org.ecocalc.core.usage;

/** The parts of a usage impact, each an {@link Estimate} or not computable with a reason. */
public enum ImpactPart {
    /** Energy drawn from the grid, data-centre overhead (PUE) included (kWh). */
    ENERGY("energy_kwh", "kWh"),
    /** Water consumed on site and in generating the electricity (L). */
    WATER("water_l", "L"),
    /** Operational plus embodied carbon (kg CO2e); embodied is counted where the pack gives it. */
    CARBON("carbon_kgco2e", "kgCO2e"),
    /** Carbon of the electricity: energy × grid intensity (kg CO2e). */
    CARBON_OPERATIONAL("carbon_operational_kgco2e", "kgCO2e"),
    /** The hardware's embodied carbon allocated to this use (kg CO2e). */
    CARBON_EMBODIED("carbon_embodied_kgco2e", "kgCO2e");

    private final String id;
    private final String unit;

    ImpactPart(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The id in JSON and metric ids ({@code usage.<id>}). */
    public String id() {
        return id;
    }

    /** The unit. */
    public String unit() {
        return unit;
    }
}
