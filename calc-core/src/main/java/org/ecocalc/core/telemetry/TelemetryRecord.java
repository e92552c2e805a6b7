package org.ecocalc.core.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Quantity;

/**
 * One telemetry record v1: who measured (the idempotency key), when (a UTC interval), where (the
 * place) and what (the blocks). Immutable and always valid: amounts are in canonical units
 * (kWh, L, GPU-h) and non-negative, the interval is positive. Read one with
 * {@link TelemetryReader}, or build one:
 *
 * <pre>{@code
 * TelemetryRecord r = TelemetryRecord.builder()
 *     .sourceId("fra-1-bms").externalEventId("2026-01-05T00")
 *     .interval(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-05T01:00:00Z"))
 *     .facilityId("fra-1")
 *     .energy(EnergyBlock.builder().facility(Quantity.of("1.25", Unit.MWH)).it(Quantity.of("1000", Unit.KWH)).build())
 *     .build();
 * }</pre>
 *
 * @param key        the idempotency key ({@code source_id} + {@code external_event_id})
 * @param interval   the measured interval, UTC
 * @param observedAt when the source observed the values, or null when absent
 * @param ingestedAt when the values were ingested, or null when absent
 * @param place      where
 * @param energy     the energy block (empty when absent)
 * @param cooling    the cooling block (empty when absent)
 * @param water      the water block (empty when absent)
 * @param compute    the compute block (empty when absent)
 * @param hardware   the hardware block (empty when absent)
 * @param fuel       fuel burnt on site (Scope 1), empty when absent
 * @param refrigerant refrigerant released (Scope 1 fugitive), empty when absent
 * @param contracts  market-based instruments covering electricity of the interval, empty when absent
 * @param gridIntensity time-of-use grid intensity over (parts of) the interval, in time order,
 *                   non-overlapping; empty when absent
 */
public record TelemetryRecord(
        IdempotencyKey key,
        Interval interval,
        Instant observedAt,
        Instant ingestedAt,
        Place place,
        EnergyBlock energy,
        CoolingBlock cooling,
        WaterBlock water,
        ComputeBlock compute,
        HardwareBlock hardware,
        List<FuelUse> fuel,
        List<RefrigerantRelease> refrigerant,
        List<Instrument> contracts,
        List<IntensityPoint> gridIntensity) {

    public TelemetryRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(place, "place");
        energy = energy == null ? EnergyBlock.EMPTY : energy;
        cooling = cooling == null ? CoolingBlock.EMPTY : cooling;
        water = water == null ? WaterBlock.EMPTY : water;
        compute = compute == null ? ComputeBlock.EMPTY : compute;
        hardware = hardware == null ? HardwareBlock.EMPTY : hardware;
        fuel = fuel == null ? List.of() : List.copyOf(fuel);
        refrigerant = refrigerant == null ? List.of() : List.copyOf(refrigerant);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        gridIntensity = gridIntensity == null ? List.of() : sortedPoints(gridIntensity);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < contracts.size(); i++) {
            if (!ids.add(contracts.get(i).instrumentId())) {
                throw new InvalidTelemetryException(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE,
                        "/contracts/" + i + "/instrument_id", "instrument " + contracts.get(i).instrumentId()
                                + " appears twice in one record"));
            }
        }
    }

    private static List<IntensityPoint> sortedPoints(List<IntensityPoint> points) {
        List<IntensityPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(IntensityPoint::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new InvalidTelemetryException(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/grid_intensity",
                        "grid-intensity intervals overlap: " + sorted.get(i - 1).start() + " and " + sorted.get(i).start()));
            }
        }
        return List.copyOf(sorted);
    }

    /** A builder; identity, interval and facility id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The facility id (shortcut for {@code place().facilityId()}). */
    public String facilityId() {
        return place.facilityId();
    }

    /**
     * The warning-level findings about this record: IT or cooling energy above facility energy.
     * The record is still used; the findings are reported beside the numbers.
     */
    public List<Problem> warnings() {
        List<Problem> out = new ArrayList<>(0);
        Quantity facility = energy.facility();
        if (facility != null) {
            if (energy.it() != null && energy.it().value().compareTo(facility.value()) > 0) {
                out.add(Problem.warning(ErrorCode.IT_EXCEEDS_FACILITY, "/energy/it", "IT energy ("
                        + energy.it() + ") is greater than facility energy (" + facility + "): PUE below 1"));
            }
            if (energy.cooling() != null && energy.cooling().value().compareTo(facility.value()) > 0) {
                out.add(Problem.warning(ErrorCode.COOLING_EXCEEDS_FACILITY, "/energy/cooling", "cooling energy ("
                        + energy.cooling() + ") is greater than facility energy (" + facility + ")"));
            }
        }
        return out;
    }

    /** Builds a {@link TelemetryRecord}. */
    public static final class Builder {
        private String sourceId;
        private String externalEventId;
        private Instant start;
        private Instant end;
        private Instant observedAt;
        private Instant ingestedAt;
        private String facilityId;
        private String country;
        private String region;
        private String gridZone;
        private EnergyBlock energy = EnergyBlock.EMPTY;
        private CoolingBlock cooling = CoolingBlock.EMPTY;
        private WaterBlock water = WaterBlock.EMPTY;
        private ComputeBlock compute = ComputeBlock.EMPTY;
        private HardwareBlock hardware = HardwareBlock.EMPTY;
        private final List<FuelUse> fuel = new ArrayList<>();
        private final List<RefrigerantRelease> refrigerant = new ArrayList<>();
        private final List<Instrument> contracts = new ArrayList<>();
        private final List<IntensityPoint> gridIntensity = new ArrayList<>();

        private Builder() {
        }

        /** Sets {@code source_id}. */
        public Builder sourceId(String sourceId) {
            this.sourceId = sourceId;
            return this;
        }

        /** Sets {@code external_event_id}. */
        public Builder externalEventId(String externalEventId) {
            this.externalEventId = externalEventId;
            return this;
        }

        /** Sets both parts of the identity. */
        public Builder key(IdempotencyKey key) {
            this.sourceId = key.sourceId();
            this.externalEventId = key.externalEventId();
            return this;
        }

        /** Sets the interval {@code [start, end)}. */
        public Builder interval(Instant start, Instant end) {
            this.start = start;
            this.end = end;
            return this;
        }

        /** Sets the interval. */
        public Builder interval(Interval interval) {
            return interval(interval.start(), interval.end());
        }

        /** Sets {@code observed_at}; null clears it. */
        public Builder observedAt(Instant observedAt) {
            this.observedAt = observedAt;
            return this;
        }

        /** Sets {@code ingested_at}; null clears it. */
        public Builder ingestedAt(Instant ingestedAt) {
            this.ingestedAt = ingestedAt;
            return this;
        }

        /** Sets {@code facility_id}. */
        public Builder facilityId(String facilityId) {
            this.facilityId = facilityId;
            return this;
        }

        /** Sets {@code country} (ISO 3166-1 alpha-2); null clears it. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** Sets {@code region}; null clears it. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets {@code grid_zone}; null clears it. */
        public Builder gridZone(String gridZone) {
            this.gridZone = gridZone;
            return this;
        }

        /** Sets every place field from {@code place}. */
        public Builder place(Place place) {
            this.facilityId = place.facilityId();
            this.country = place.country();
            this.region = place.region();
            this.gridZone = place.gridZone();
            return this;
        }

        /** Sets the energy block; null clears it. */
        public Builder energy(EnergyBlock energy) {
            this.energy = energy;
            return this;
        }

        /** Sets the cooling block; null clears it. */
        public Builder cooling(CoolingBlock cooling) {
            this.cooling = cooling;
            return this;
        }

        /** Sets the water block; null clears it. */
        public Builder water(WaterBlock water) {
            this.water = water;
            return this;
        }

        /** Sets the compute block; null clears it. */
        public Builder compute(ComputeBlock compute) {
            this.compute = compute;
            return this;
        }

        /** Sets the hardware block; null clears it. */
        public Builder hardware(HardwareBlock hardware) {
            this.hardware = hardware;
            return this;
        }

        /** Adds fuel burnt on site. */
        public Builder fuel(FuelUse use) {
            this.fuel.add(Objects.requireNonNull(use, "use"));
            return this;
        }

        /** Adds a refrigerant release. */
        public Builder refrigerant(RefrigerantRelease release) {
            this.refrigerant.add(Objects.requireNonNull(release, "release"));
            return this;
        }

        /** Adds a market-based instrument. */
        public Builder contract(Instrument instrument) {
            this.contracts.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        /** Adds a time-of-use grid-intensity interval. */
        public Builder gridIntensity(IntensityPoint point) {
            this.gridIntensity.add(Objects.requireNonNull(point, "point"));
            return this;
        }

        /**
         * The record.
         *
         * @throws InvalidTelemetryException naming the first invalid or missing field
         */
        public TelemetryRecord build() {
            IdempotencyKey key = new IdempotencyKey(sourceId, externalEventId);
            if (start == null || end == null) {
                throw new InvalidTelemetryException(Problem.error(ErrorCode.MISSING_FIELD,
                        start == null ? "/interval/start" : "/interval/end", "the interval needs a start and an end"));
            }
            return new TelemetryRecord(key, new Interval(start, end), observedAt, ingestedAt,
                    new Place(facilityId, country, region, gridZone), energy, cooling, water, compute, hardware,
                    fuel, refrigerant, contracts, gridIntensity);
        }
    }
}
