package org.ecocalc.core.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ecocalc.core.quantity.Decimals;

/**
 * One raw sensor reading (sensor-reading v1, {@code docs/schemas/sensor-reading.v1.json}): which
 * sensor, at which facility, when, what kind, the value and its unit. Not a telemetry record:
 * room CO2 and temperature feed alerts, not the sustainability metrics. Values are held in the
 * kind's canonical unit: ppm for CO2, °C ({@code degC}) for temperature, {@code %RH} for humidity,
 * the sensor's own unit for {@link SensorKind#OTHER}.
 *
 * @param sensorId   the sensor, matching {@value #ID_PATTERN}
 * @param facilityId the facility, matching {@value #ID_PATTERN}
 * @param observedAt when the value was measured (UTC)
 * @param kind       what it measures
 * @param value      the value in {@code unit}
 * @param unit       the canonical unit of the kind (the given unit for {@link SensorKind#OTHER})
 * @param location   where in the facility (room, row, rack), or null
 */
public record SensorReading(String sensorId, String facilityId, Instant observedAt, SensorKind kind, BigDecimal value,
        String unit, String location) {
    /** The pattern of sensor and facility ids (that of telemetry {@code source_id} and {@code facility_id}). */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    public SensorReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        value = Decimals.normalize(Objects.requireNonNull(value, "value"));
        if (!ID.matcher(sensorId).matches()) {
            throw new IllegalArgumentException("sensorId must match " + ID_PATTERN);
        }
        if (!ID.matcher(facilityId).matches()) {
            throw new IllegalArgumentException("facilityId must match " + ID_PATTERN);
        }
    }

    /** A reading in the kind's canonical unit, without location. */
    public static SensorReading of(String sensorId, String facilityId, Instant observedAt, SensorKind kind,
            BigDecimal value) {
        return new SensorReading(sensorId, facilityId, observedAt, kind, value, canonicalUnit(kind, "1"), null);
    }

    /** The canonical unit of a kind ({@code ppm}, {@code degC}, {@code %RH}), or {@code other} for {@link SensorKind#OTHER}. */
    static String canonicalUnit(SensorKind kind, String other) {
        switch (kind) {
            case CO2: return "ppm";
            case TEMPERATURE: return "degC";
            case HUMIDITY: return "%RH";
            default: return other;
        }
    }

    /** The reference used in alert evidence: {@code sensor_id@instant}. */
    public String reference() {
        return sensorId + "@" + observedAt;
    }
}
