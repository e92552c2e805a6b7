package org.ecocalc.core.alert;

import java.util.Locale;

/** What a sensor reading measures, as written in {@code kind} of sensor-reading v1. */
public enum SensorKind {
    /** CO2 concentration in room air; unit {@code ppm}. */
    CO2(Measure.ROOM_CO2),
    /** Air temperature (IT inlet); units {@code degC}/{@code °C}, {@code degF}/{@code °F} or {@code K}, held in °C. */
    TEMPERATURE(Measure.ROOM_TEMPERATURE),
    /** Relative humidity; unit {@code %RH} (or {@code %}), 0 to 100. */
    HUMIDITY(Measure.HUMIDITY),
    /** Any other sensor (pressure, flow, power …) in its own unit: tested for drift only. */
    OTHER(Measure.OTHER_SENSOR);

    private final Measure measure;

    SensorKind(Measure measure) {
        this.measure = measure;
    }

    /** The lower-case id used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The measure of series of this kind. */
    public Measure measure() {
        return measure;
    }

    /** The kind with this id, or null. */
    public static SensorKind fromId(String id) {
        for (SensorKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
