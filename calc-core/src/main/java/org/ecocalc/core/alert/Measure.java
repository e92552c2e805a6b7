package org.ecocalc.core.alert;

import org.ecocalc.core.report.Metric;

/**
 * What a series measures: a report metric per reporting period, or a kind of sensor reading.
 * Each {@link AlertRule} applies to one measure (sensor drift to every sensor measure).
 */
public enum Measure {
    /** {@code carbon.grid_intensity_kgco2e_per_kwh} per period. */
    GRID_INTENSITY(Metric.CARBON_GRID_INTENSITY_KGCO2E_PER_KWH, null, "kgCO2e/kWh"),
    /** {@code water.wue_l_per_kwh} per period. */
    WUE(Metric.WATER_WUE_L_PER_KWH, null, "L/kWh"),
    /** {@code water.per_gpu_hour_l} per period. */
    WATER_PER_GPU_HOUR(Metric.WATER_PER_GPU_HOUR_L, null, "L/GPU-h"),
    /** {@code water.reclaimed_pct} per period. */
    RECLAIMED_WATER_PCT(Metric.WATER_RECLAIMED_PCT, null, "%"),
    /** {@code efficiency.pue} per period. */
    PUE(Metric.EFFICIENCY_PUE, null, "1"),
    /** {@code efficiency.cooling_energy_pct} per period. */
    COOLING_ENERGY_PCT(Metric.EFFICIENCY_COOLING_ENERGY_PCT, null, "%"),
    /** {@code efficiency.chiller_cop} per period. */
    CHILLER_COP(Metric.EFFICIENCY_CHILLER_COP, null, "1"),
    /** Room CO2 concentration from a sensor, ppm by volume. */
    ROOM_CO2(null, "sensor.co2_ppm", "ppm"),
    /** Room (IT inlet air) temperature from a sensor, °C. */
    ROOM_TEMPERATURE(null, "sensor.temperature_c", "degC"),
    /** Relative humidity from a sensor, %. */
    HUMIDITY(null, "sensor.humidity_pct", "%RH"),
    /** Any other sensor series (drift only), in the sensor's own unit. */
    OTHER_SENSOR(null, "sensor.other", null);

    private final Metric metric;
    private final String sensorId;
    private final String unit;

    Measure(Metric metric, String sensorId, String unit) {
        this.metric = metric;
        this.sensorId = sensorId;
        this.unit = unit;
    }

    /** The id written in alerts: the metric id, or {@code sensor.*} for sensor readings. */
    public String id() {
        return metric != null ? metric.id() : sensorId;
    }

    /** The report metric, or null for a sensor measure. */
    public Metric metric() {
        return metric;
    }

    /** Whether the series comes from sensor readings. */
    public boolean isSensor() {
        return metric == null;
    }

    /** The unit of the values, or null when it is the sensor's own ({@link #OTHER_SENSOR}). */
    public String unit() {
        return unit;
    }
}
