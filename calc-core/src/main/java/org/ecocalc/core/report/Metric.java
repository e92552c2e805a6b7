package org.ecocalc.core.report;

import java.util.List;
import java.util.Locale;
import org.ecocalc.core.telemetry.TelemetryField;

/**
 * The metric registry. An id is never renamed or reused; new metrics are added. Each metric has
 * a unit, a section, the telemetry fields it reads, the number of decimal places used when it is
 * printed, and its formula (cited in {@code docs/methodology.md}).
 */
public enum Metric {
    // carbon
    /** Scope 1 = stationary combustion + fugitive refrigerant (GHG Protocol Corporate Standard, ch. 4). */
    CARBON_SCOPE1_KGCO2E("carbon.scope1_kgco2e", "kgCO2e", 1, "S1_fuel + S1_refrigerant", TelemetryField.FUEL,
            TelemetryField.REFRIGERANT),
    /** Scope 1 stationary combustion: Σ fuel × per-gas factor × GWP. */
    CARBON_SCOPE1_FUEL_KGCO2E("carbon.scope1_fuel_kgco2e", "kgCO2e", 1, "Σ fuel × EF_gas × GWP_gas", TelemetryField.FUEL),
    /** Scope 1 fugitive: Σ refrigerant released × GWP. */
    CARBON_SCOPE1_REFRIGERANT_KGCO2E("carbon.scope1_refrigerant_kgco2e", "kgCO2e", 1, "Σ m_released × GWP",
            TelemetryField.REFRIGERANT),
    /** Location-based Scope 2: Σ electricity × grid intensity (time of use where given). */
    CARBON_SCOPE2_LOCATION_KGCO2E("carbon.scope2_location_kgco2e", "kgCO2e", 1, "Σ E_grid × EF_grid(t)",
            TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.GRID_INTENSITY),
    /** Market-based Scope 2: instruments, supplier rates, residual mix, then grid average. */
    CARBON_SCOPE2_MARKET_KGCO2E("carbon.scope2_market_kgco2e", "kgCO2e", 1,
            "Σ_tiers claimed kWh × rate + uncovered × (residual mix or grid average)", TelemetryField.ENERGY_GRID_IMPORT,
            TelemetryField.CONTRACTS),
    /** The energy-weighted grid intensity actually applied (location-based). */
    CARBON_GRID_INTENSITY_KGCO2E_PER_KWH("carbon.grid_intensity_kgco2e_per_kwh", "kgCO2e/kWh", 4,
            "S2_location / E_grid", TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.GRID_INTENSITY),
    /** Carbon per GPU-hour: (Scope 1 + Scope 2 basis [+ embodied]) / GPU-hours. */
    CARBON_PER_GPU_HOUR_KGCO2E("carbon.per_gpu_hour_kgco2e", "kgCO2e/GPU-h", 4, "C_total / GPU-hours",
            TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.COMPUTE_GPU_HOURS),
    /** Carbon per training run. */
    CARBON_PER_TRAINING_RUN_KGCO2E("carbon.per_training_run_kgco2e", "kgCO2e/run", 1, "C_total / training runs",
            TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.COMPUTE_TRAINING_RUNS),
    /** Carbon per inference request. */
    CARBON_PER_INFERENCE_REQUEST_KGCO2E("carbon.per_inference_request_kgco2e", "kgCO2e/request", 8,
            "C_total / inference requests", TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.COMPUTE_INFERENCE_REQUESTS),
    /** Embodied carbon amortised over the group's time (SCI: M = TE × TiR/EL × RR/ToR). */
    CARBON_EMBODIED_KGCO2E("carbon.embodied_kgco2e", "kgCO2e", 1, "Σ_assets TE × TiR / EL"),
    /** Embodied carbon per GPU-hour. */
    CARBON_EMBODIED_PER_GPU_HOUR_KGCO2E("carbon.embodied_per_gpu_hour_kgco2e", "kgCO2e/GPU-h", 4,
            "M / GPU-hours", TelemetryField.COMPUTE_GPU_HOURS),
    /** CUE = (Scope 1 + Scope 2 basis) / E_IT (ISO/IEC 30134-8). */
    CARBON_CUE_KGCO2E_PER_KWH("carbon.cue_kgco2e_per_kwh", "kgCO2e/kWh", 4, "(S1 + S2_basis) / E_IT",
            TelemetryField.ENERGY_GRID_IMPORT, TelemetryField.ENERGY_IT),

    // efficiency
    /** PUE = E_facility / E_IT (ISO/IEC 30134-2). */
    EFFICIENCY_PUE("efficiency.pue", "1", 3, "E_facility / E_IT", TelemetryField.ENERGY_FACILITY, TelemetryField.ENERGY_IT),
    /** DCiE = E_IT / E_facility = 1 / PUE (The Green Grid). */
    EFFICIENCY_DCIE("efficiency.dcie", "1", 3, "E_IT / E_facility", TelemetryField.ENERGY_FACILITY, TelemetryField.ENERGY_IT),
    /** Cooling energy share = 100 × E_cooling / E_facility. */
    EFFICIENCY_COOLING_ENERGY_PCT("efficiency.cooling_energy_pct", "%", 2, "100 × E_cooling / E_facility",
            TelemetryField.ENERGY_COOLING, TelemetryField.ENERGY_FACILITY),
    /** Chiller COP = heat removed / chiller electricity. */
    EFFICIENCY_CHILLER_COP("efficiency.chiller_cop", "1", 2, "Q_removed / E_chiller",
            TelemetryField.COOLING_HEAT_REMOVED, TelemetryField.COOLING_CHILLER_ENERGY),
    /** Energy per GPU-hour = E (facility or IT, a setting) / GPU-hours. */
    EFFICIENCY_ENERGY_PER_GPU_HOUR_KWH("efficiency.energy_per_gpu_hour_kwh", "kWh/GPU-h", 4, "E_basis / GPU-hours",
            TelemetryField.ENERGY_FACILITY, TelemetryField.COMPUTE_GPU_HOURS),
    /** Energy per training run = E (facility or IT) / training runs. */
    EFFICIENCY_ENERGY_PER_TRAINING_RUN_KWH("efficiency.energy_per_training_run_kwh", "kWh/run", 1,
            "E_basis / training runs", TelemetryField.ENERGY_FACILITY, TelemetryField.COMPUTE_TRAINING_RUNS),
    /** Energy per inference request = E (facility or IT) / requests. */
    EFFICIENCY_ENERGY_PER_INFERENCE_REQUEST_KWH("efficiency.energy_per_inference_request_kwh", "kWh/request", 8,
            "E_basis / inference requests", TelemetryField.ENERGY_FACILITY, TelemetryField.COMPUTE_INFERENCE_REQUESTS),
    /** REF = (E_renewable,on-site + E_renewable,purchased) / E_facility (ISO/IEC 30134-3). */
    EFFICIENCY_REF("efficiency.ref", "1", 3, "(E_ren,onsite + E_ren,purchased) / E_facility",
            TelemetryField.ENERGY_ONSITE_RENEWABLE, TelemetryField.ENERGY_RENEWABLE_PURCHASED,
            TelemetryField.ENERGY_FACILITY),
    /** ERF = E_reused / E_facility (ISO/IEC 30134-6). */
    EFFICIENCY_ERF("efficiency.erf", "1", 3, "E_reuse / E_facility", TelemetryField.ENERGY_REUSED_HEAT,
            TelemetryField.ENERGY_FACILITY),
    /** CER = heat removed / cooling energy (ISO/IEC 30134-7). */
    EFFICIENCY_CER("efficiency.cer", "1", 2, "Q_removed / E_cooling", TelemetryField.COOLING_HEAT_REMOVED,
            TelemetryField.ENERGY_COOLING),

    // water
    /** Total water withdrawn. */
    WATER_WITHDRAWAL_L("water.withdrawal_l", "L", 1, "Σ withdrawal", TelemetryField.WATER_WITHDRAWAL),
    /** Total water consumed. */
    WATER_CONSUMPTION_L("water.consumption_l", "L", 1, "Σ consumption", TelemetryField.WATER_CONSUMPTION),
    /** Total water returned. */
    WATER_RETURNED_L("water.returned_l", "L", 1, "Σ returned", TelemetryField.WATER_RETURNED),
    /** Reclaimed share = 100 × reclaimed / withdrawal. */
    WATER_RECLAIMED_PCT("water.reclaimed_pct", "%", 2, "100 × W_reclaimed / W_withdrawal",
            TelemetryField.WATER_RECLAIMED, TelemetryField.WATER_WITHDRAWAL),
    /** WUE = water (withdrawal by default, a setting) / E_IT (ISO/IEC 30134-9, The Green Grid). */
    WATER_WUE_L_PER_KWH("water.wue_l_per_kwh", "L/kWh", 3, "W_basis / E_IT", TelemetryField.WATER_WITHDRAWAL,
            TelemetryField.ENERGY_IT),
    /** Water per GPU-hour = water (the WUE basis) / GPU-hours. */
    WATER_PER_GPU_HOUR_L("water.per_gpu_hour_l", "L/GPU-h", 4, "W_basis / GPU-hours", TelemetryField.WATER_WITHDRAWAL,
            TelemetryField.COMPUTE_GPU_HOURS),
    /** Water per training run = water (the WUE basis) / training runs. */
    WATER_PER_TRAINING_RUN_L("water.per_training_run_l", "L/run", 1, "W_basis / training runs",
            TelemetryField.WATER_WITHDRAWAL, TelemetryField.COMPUTE_TRAINING_RUNS),
    /** Total cooling-tower evaporation. */
    WATER_EVAPORATION_L("water.evaporation_l", "L", 1, "Σ evaporation", TelemetryField.WATER_EVAPORATION),
    /** Total cooling-tower blowdown. */
    WATER_BLOWDOWN_L("water.blowdown_l", "L", 1, "Σ blowdown", TelemetryField.WATER_BLOWDOWN),

    // hardware
    /** Mean GPU utilisation weighted by GPU-hours. */
    HARDWARE_UTILIZATION_PCT("hardware.utilization_pct", "%", 2, "Σ(u × GPU-h) / Σ GPU-h",
            TelemetryField.HARDWARE_UTILIZATION_PCT, TelemetryField.COMPUTE_GPU_HOURS),
    /** Idle share weighted by GPU-hours. */
    HARDWARE_IDLE_PCT("hardware.idle_pct", "%", 2, "Σ(idle × GPU-h) / Σ GPU-h",
            TelemetryField.HARDWARE_IDLE_PCT, TelemetryField.COMPUTE_GPU_HOURS),

    // activity: the summed inputs
    /** Total facility energy. */
    ACTIVITY_ENERGY_FACILITY_KWH("activity.energy_facility_kwh", "kWh", 1, "Σ E_facility", TelemetryField.ENERGY_FACILITY),
    /** Total IT energy. */
    ACTIVITY_ENERGY_IT_KWH("activity.energy_it_kwh", "kWh", 1, "Σ E_IT", TelemetryField.ENERGY_IT),
    /** Total cooling energy. */
    ACTIVITY_ENERGY_COOLING_KWH("activity.energy_cooling_kwh", "kWh", 1, "Σ E_cooling", TelemetryField.ENERGY_COOLING),
    /** Total grid import. */
    ACTIVITY_ENERGY_GRID_IMPORT_KWH("activity.energy_grid_import_kwh", "kWh", 1, "Σ E_grid",
            TelemetryField.ENERGY_GRID_IMPORT),
    /** Total on-site renewable energy. */
    ACTIVITY_ENERGY_ONSITE_RENEWABLE_KWH("activity.energy_onsite_renewable_kwh", "kWh", 1, "Σ E_ren,onsite",
            TelemetryField.ENERGY_ONSITE_RENEWABLE),
    /** Total purchased renewable energy. */
    ACTIVITY_ENERGY_RENEWABLE_PURCHASED_KWH("activity.energy_renewable_purchased_kwh", "kWh", 1, "Σ E_ren,purchased",
            TelemetryField.ENERGY_RENEWABLE_PURCHASED),
    /** Total reused heat. */
    ACTIVITY_ENERGY_REUSED_HEAT_KWH("activity.energy_reused_heat_kwh", "kWh", 1, "Σ E_reuse",
            TelemetryField.ENERGY_REUSED_HEAT),
    /** Total chiller electricity. */
    ACTIVITY_CHILLER_ENERGY_KWH("activity.chiller_energy_kwh", "kWh", 1, "Σ E_chiller",
            TelemetryField.COOLING_CHILLER_ENERGY),
    /** Total heat removed. */
    ACTIVITY_HEAT_REMOVED_KWH("activity.heat_removed_kwh", "kWh", 1, "Σ Q_removed", TelemetryField.COOLING_HEAT_REMOVED),
    /** Total reclaimed water. */
    ACTIVITY_WATER_RECLAIMED_L("activity.water_reclaimed_l", "L", 1, "Σ W_reclaimed", TelemetryField.WATER_RECLAIMED),
    /** Total cooling water. */
    ACTIVITY_WATER_COOLING_L("activity.water_cooling_l", "L", 1, "Σ W_cooling", TelemetryField.WATER_COOLING),
    /** Total GPU-hours. */
    ACTIVITY_GPU_HOURS("activity.gpu_hours", "GPU-h", 1, "Σ GPU-hours", TelemetryField.COMPUTE_GPU_HOURS),
    /** Total training runs. */
    ACTIVITY_TRAINING_RUNS("activity.training_runs", "run", 2, "Σ training runs", TelemetryField.COMPUTE_TRAINING_RUNS),
    /** Total inference requests. */
    ACTIVITY_INFERENCE_REQUESTS("activity.inference_requests", "request", 0, "Σ inference requests",
            TelemetryField.COMPUTE_INFERENCE_REQUESTS),
    /** Total tokens. */
    ACTIVITY_TOKENS("activity.tokens", "token", 0, "Σ tokens", TelemetryField.COMPUTE_TOKENS),
    /** Scope 2 electricity: grid import, or facility minus on-site renewable when not reported. */
    ACTIVITY_SCOPE2_ELECTRICITY_KWH("activity.scope2_electricity_kwh", "kWh", 1, "Σ E_grid",
            TelemetryField.ENERGY_GRID_IMPORT),

    // data quality
    /** Records received against records expected from each source's cadence over the covered span. */
    QUALITY_COMPLETENESS_PCT("quality.completeness_pct", "%", 2, "100 × Σ min(received, expected) / Σ expected"),
    /** Median ingestion latency (ingested_at − observed_at), nearest rank, whole seconds. */
    QUALITY_LATENCY_P50_S("quality.latency_p50_s", "s", 0, "p50(ingested_at − observed_at)"),
    /** 95th-percentile ingestion latency, nearest rank. */
    QUALITY_LATENCY_P95_S("quality.latency_p95_s", "s", 0, "p95(ingested_at − observed_at)"),
    /** Largest ingestion latency. */
    QUALITY_LATENCY_MAX_S("quality.latency_max_s", "s", 0, "max(ingested_at − observed_at)"),
    /** Samples flagged as outliers in the analysed series (z-score or modified z-score). */
    QUALITY_OUTLIER_COUNT("quality.outlier_count", "count", 0, "Σ_series #{|z| > t}"),
    /** 1 when any series drifted (recent window mean against the baseline window), else 0. */
    QUALITY_DRIFT_DETECTED("quality.drift_detected", "flag", 0, "|μ_recent − μ_base| > k·σ_base"),
    /** The group's data confidence, 0 to 1 (completeness, latency, outliers, drift). */
    QUALITY_CONFIDENCE("quality.confidence", "1", 3, "Σ w_i·x_i / Σ w_i"),

    // scorecard
    /** The sustainability score, 0 to 1. */
    SCORE_SUSTAINABILITY("score.sustainability", "1", 3,
            "w_c·(1 − C_norm) + w_w·(1 − W_norm) + w_e·(1 − PUE_norm) + w_h·U_norm"),
    /** The sustainability score, 0 to 100. */
    SCORE_SUSTAINABILITY_PCT("score.sustainability_pct", "points", 1, "100 × score.sustainability"),
    /** The carbon component: w_c·(1 − C_norm). */
    SCORE_CARBON("score.carbon", "1", 3, "w_c·(1 − clamp(C / C_ref))"),
    /** The water component: w_w·(1 − W_norm). */
    SCORE_WATER("score.water", "1", 3, "w_w·(1 − clamp(W / W_ref))"),
    /** The efficiency component: w_e·(1 − PUE_norm). */
    SCORE_EFFICIENCY("score.efficiency", "1", 3, "w_e·(1 − clamp((PUE − 1) / (PUE_worst − 1)))"),
    /** The hardware component: w_h·U_norm. */
    SCORE_HARDWARE("score.hardware", "1", 3, "w_h·clamp(U / U_target)");

    private final String id;
    private final String unit;
    private final int displayScale;
    private final String formula;
    private final List<TelemetryField> inputs;
    private final Section section;

    Metric(String id, String unit, int displayScale, String formula, TelemetryField... inputs) {
        this.id = id;
        this.unit = unit;
        this.displayScale = displayScale;
        this.formula = formula;
        this.inputs = List.of(inputs);
        this.section = Section.valueOf(id.substring(0, id.indexOf('.')).toUpperCase(Locale.ROOT));
    }

    /** The stable id, such as {@code efficiency.pue}. */
    public String id() {
        return id;
    }

    /** The unit of the value: {@code "1"} for a ratio, {@code "%"}, {@code "kWh"}, {@code "L/kWh"}, ... */
    public String unit() {
        return unit;
    }

    /** The report section. */
    public Section section() {
        return section;
    }

    /** Decimal places when printed (presentation only; values are stored unrounded). */
    public int displayScale() {
        return displayScale;
    }

    /** The formula, in the notation of {@code docs/methodology.md}. */
    public String formula() {
        return formula;
    }

    /**
     * The telemetry fields the metric reads with the default settings. Metrics whose numerator is
     * a setting ({@link org.ecocalc.core.WueBasis}, {@link org.ecocalc.core.EnergyBasis}) name
     * their actual inputs in each result's {@link Lineage}.
     */
    public List<TelemetryField> inputs() {
        return inputs;
    }

    /**
     * The metric with this id.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric id: " + id);
    }
}
