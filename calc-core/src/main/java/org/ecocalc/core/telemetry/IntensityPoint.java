package org.ecocalc.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;

/**
 * One interval of a time-of-use grid-intensity series: the average intensity of the electricity
 * supplied to the facility's grid zone over {@code [start, end)}, from a grid operator or a data
 * provider.
 *
 * @param start     the first instant
 * @param end       the first instant after
 * @param intensity the intensity, kg CO2e per kWh
 * @param source    who published it (such as {@code electricitymaps}), or null
 * @param gwpSet    the GWP set the publisher used for its CO2e (AR5, AR6), or null when not stated
 */
public record IntensityPoint(Instant start, Instant end, EmissionRate intensity, String source, String gwpSet) {
    public IntensityPoint {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(intensity, "intensity");
        if (!end.isAfter(start)) {
            throw new InvalidTelemetryException(Problem.error(ErrorCode.INTERVAL_NOT_POSITIVE, "/grid_intensity",
                    "a grid-intensity interval must end after it starts"));
        }
    }
}
