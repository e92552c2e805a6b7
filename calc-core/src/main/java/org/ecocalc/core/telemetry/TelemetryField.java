package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/**
 * Every numeric field of telemetry record v1, with its JSON Pointer and its kind. Metric lineage
 * names its inputs with these pointers.
 */
public enum TelemetryField {
    /** {@code /energy/facility}: total facility energy, kWh. */
    ENERGY_FACILITY("/energy/facility", Dimension.ENERGY),
    /** {@code /energy/it}: IT equipment energy, kWh. */
    ENERGY_IT("/energy/it", Dimension.ENERGY),
    /** {@code /energy/cooling}: cooling energy, kWh. */
    ENERGY_COOLING("/energy/cooling", Dimension.ENERGY),
    /** {@code /energy/grid_import}: grid electricity imported, kWh. */
    ENERGY_GRID_IMPORT("/energy/grid_import", Dimension.ENERGY),
    /** {@code /energy/onsite_renewable}: on-site renewable energy used, kWh. */
    ENERGY_ONSITE_RENEWABLE("/energy/onsite_renewable", Dimension.ENERGY),
    /** {@code /energy/renewable_purchased}: renewable energy bought with certificates or PPAs, kWh. */
    ENERGY_RENEWABLE_PURCHASED("/energy/renewable_purchased", Dimension.ENERGY),
    /** {@code /energy/reused_heat}: waste heat reused, kWh. */
    ENERGY_REUSED_HEAT("/energy/reused_heat", Dimension.ENERGY),
    /** {@code /cooling/chiller_energy}: chiller electricity, kWh. */
    COOLING_CHILLER_ENERGY("/cooling/chiller_energy", Dimension.ENERGY),
    /** {@code /cooling/heat_removed}: heat removed, kWh thermal. */
    COOLING_HEAT_REMOVED("/cooling/heat_removed", Dimension.ENERGY),
    /** {@code /water/withdrawal}: water withdrawn, L. */
    WATER_WITHDRAWAL("/water/withdrawal", Dimension.VOLUME),
    /** {@code /water/consumption}: water consumed, L. */
    WATER_CONSUMPTION("/water/consumption", Dimension.VOLUME),
    /** {@code /water/returned}: water returned, L. */
    WATER_RETURNED("/water/returned", Dimension.VOLUME),
    /** {@code /water/reclaimed}: reclaimed water used, L. */
    WATER_RECLAIMED("/water/reclaimed", Dimension.VOLUME),
    /** {@code /water/cooling}: water used for cooling, L. */
    WATER_COOLING("/water/cooling", Dimension.VOLUME),
    /** {@code /water/evaporation}: cooling-tower evaporation, L. */
    WATER_EVAPORATION("/water/evaporation", Dimension.VOLUME),
    /** {@code /water/blowdown}: cooling-tower blowdown, L. */
    WATER_BLOWDOWN("/water/blowdown", Dimension.VOLUME),
    /** {@code /compute/gpu_hours}: accelerator time, GPU-h. */
    COMPUTE_GPU_HOURS("/compute/gpu_hours", Dimension.GPU_TIME),
    /** {@code /compute/training_runs}: training runs (count). */
    COMPUTE_TRAINING_RUNS("/compute/training_runs", null),
    /** {@code /compute/inference_requests}: inference requests (count). */
    COMPUTE_INFERENCE_REQUESTS("/compute/inference_requests", null),
    /** {@code /compute/tokens}: tokens (count). */
    COMPUTE_TOKENS("/compute/tokens", null),
    /** {@code /hardware/utilization_pct}: mean GPU utilisation, percent. */
    HARDWARE_UTILIZATION_PCT("/hardware/utilization_pct", null),
    /** {@code /hardware/idle_pct}: share of GPU time idle, percent. */
    HARDWARE_IDLE_PCT("/hardware/idle_pct", null),
    /** {@code /fuel}: fuel burnt (a list; counted, not summed). */
    FUEL("/fuel", null),
    /** {@code /refrigerant}: refrigerant released (a list). */
    REFRIGERANT("/refrigerant", null),
    /** {@code /contracts}: market-based instruments (a list). */
    CONTRACTS("/contracts", null),
    /** {@code /grid_intensity}: time-of-use grid intensity (a list). */
    GRID_INTENSITY("/grid_intensity", null);

    private final String pointer;
    private final Dimension dimension;

    TelemetryField(String pointer, Dimension dimension) {
        this.pointer = pointer;
        this.dimension = dimension;
    }

    /** The JSON Pointer of the field in a record, such as {@code /energy/it}. */
    public String pointer() {
        return pointer;
    }

    /** The dimension of an amount field, or null for counts and percentages. */
    public Dimension dimension() {
        return dimension;
    }

    /** Whether the field is an amount ({@code {"value", "unit"}}) rather than a plain decimal. */
    public boolean isAmount() {
        return dimension != null;
    }

    /** Whether the field is a list of entries (present or not; never summed). */
    public boolean isList() {
        return this == FUEL || this == REFRIGERANT || this == CONTRACTS || this == GRID_INTENSITY;
    }

    /** Whether the record reports this field (a value, or a non-empty list). */
    public boolean isPresentIn(TelemetryRecord r) {
        switch (this) {
            case FUEL: return !r.fuel().isEmpty();
            case REFRIGERANT: return !r.refrigerant().isEmpty();
            case CONTRACTS: return !r.contracts().isEmpty();
            case GRID_INTENSITY: return !r.gridIntensity().isEmpty();
            default: return valueIn(r) != null;
        }
    }

    /** Whether the field is a percentage (0 to 100). */
    public boolean isPercent() {
        return this == HARDWARE_UTILIZATION_PCT || this == HARDWARE_IDLE_PCT;
    }

    /** The field's value in a record, in the canonical unit for amounts; null when absent and for lists. */
    public BigDecimal valueIn(TelemetryRecord r) {
        switch (this) {
            case ENERGY_FACILITY: return v(r.energy().facility());
            case ENERGY_IT: return v(r.energy().it());
            case ENERGY_COOLING: return v(r.energy().cooling());
            case ENERGY_GRID_IMPORT: return v(r.energy().gridImport());
            case ENERGY_ONSITE_RENEWABLE: return v(r.energy().onsiteRenewable());
            case ENERGY_RENEWABLE_PURCHASED: return v(r.energy().renewablePurchased());
            case ENERGY_REUSED_HEAT: return v(r.energy().reusedHeat());
            case COOLING_CHILLER_ENERGY: return v(r.cooling().chillerEnergy());
            case COOLING_HEAT_REMOVED: return v(r.cooling().heatRemoved());
            case WATER_WITHDRAWAL: return v(r.water().withdrawal());
            case WATER_CONSUMPTION: return v(r.water().consumption());
            case WATER_RETURNED: return v(r.water().returned());
            case WATER_RECLAIMED: return v(r.water().reclaimed());
            case WATER_COOLING: return v(r.water().cooling());
            case WATER_EVAPORATION: return v(r.water().evaporation());
            case WATER_BLOWDOWN: return v(r.water().blowdown());
            case COMPUTE_GPU_HOURS: return v(r.compute().gpuHours());
            case COMPUTE_TRAINING_RUNS: return r.compute().trainingRuns();
            case COMPUTE_INFERENCE_REQUESTS: return r.compute().inferenceRequests();
            case COMPUTE_TOKENS: return r.compute().tokens();
            case HARDWARE_UTILIZATION_PCT: return r.hardware().utilizationPct();
            case HARDWARE_IDLE_PCT: return r.hardware().idlePct();
            default: return null;
        }
    }

    private static BigDecimal v(Quantity q) {
        return q == null ? null : q.value();
    }

    /** The field with the given pointer, or null. */
    public static TelemetryField fromPointer(String pointer) {
        for (TelemetryField f : values()) {
            if (f.pointer.equals(pointer)) {
                return f;
            }
        }
        return null;
    }
}
