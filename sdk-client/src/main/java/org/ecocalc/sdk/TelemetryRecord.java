package org.ecocalc.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One telemetry record v1 ({@code docs/schemas/telemetry-record.v1.json}): one measurement
 * interval of one facility from one source. Immutable and valid once built; its JSON form is
 * what a host that speaks the ingestion protocol reads.
 *
 * <pre>{@code
 * TelemetryRecord r = TelemetryRecord.builder()
 *     .sourceId("fra-1-bms").externalEventId("2026-01-05T00")
 *     .interval(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-05T01:00:00Z"))
 *     .facilityId("fra-1").country("DE")
 *     .amount(TelemetryRecord.Field.ENERGY_FACILITY, "1.25", "MWh")
 *     .amount(TelemetryRecord.Field.ENERGY_IT, "1000", "kWh")
 *     .count(TelemetryRecord.Field.COMPUTE_TOKENS, 1_200_000)
 *     .build();
 * }</pre>
 *
 * <p>This is the SDK's own small model: it needs nothing of calc-core, and checks what the schema
 * checks (patterns, units, ranges, end after start), so that an invalid record fails in the
 * caller, at once, rather than at the host.
 */
public final class TelemetryRecord implements Event {
    /** Units of an energy field. */
    public static final List<String> ENERGY_UNITS = Units.ENERGY;
    /** Units of a water field. */
    public static final List<String> VOLUME_UNITS = Units.VOLUME;
    /** Units of accelerator time. */
    public static final List<String> GPU_TIME_UNITS = Units.GPU_TIME;

    /** What kind of value a {@link Field} holds. */
    public enum Kind {
        /** An amount with a unit: {@code {"value": "…", "unit": "…"}}. */
        AMOUNT("an amount"),
        /** A non-negative decimal without unit. */
        DECIMAL("a decimal"),
        /** A non-negative whole number (a count). */
        COUNT("a count"),
        /** A percentage from 0 to 100. */
        PERCENT("a percentage");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }
    }

    /** Every value field of a record, in the order the record's JSON lists them. */
    public enum Field {
        /** {@code /energy/facility}: total facility energy. */
        ENERGY_FACILITY("energy", "facility", Units.ENERGY),
        /** {@code /energy/it}: IT equipment energy. */
        ENERGY_IT("energy", "it", Units.ENERGY),
        /** {@code /energy/cooling}: cooling energy. */
        ENERGY_COOLING("energy", "cooling", Units.ENERGY),
        /** {@code /energy/grid_import}: grid electricity imported. */
        ENERGY_GRID_IMPORT("energy", "grid_import", Units.ENERGY),
        /** {@code /energy/onsite_renewable}: on-site renewable energy used. */
        ENERGY_ONSITE_RENEWABLE("energy", "onsite_renewable", Units.ENERGY),
        /** {@code /energy/renewable_purchased}: renewable energy bought with certificates or PPAs. */
        ENERGY_RENEWABLE_PURCHASED("energy", "renewable_purchased", Units.ENERGY),
        /** {@code /energy/reused_heat}: waste heat reused. */
        ENERGY_REUSED_HEAT("energy", "reused_heat", Units.ENERGY),
        /** {@code /cooling/chiller_energy}: chiller electricity. */
        COOLING_CHILLER_ENERGY("cooling", "chiller_energy", Units.ENERGY),
        /** {@code /cooling/heat_removed}: heat removed. */
        COOLING_HEAT_REMOVED("cooling", "heat_removed", Units.ENERGY),
        /** {@code /water/withdrawal}: water withdrawn. */
        WATER_WITHDRAWAL("water", "withdrawal", Units.VOLUME),
        /** {@code /water/consumption}: water consumed. */
        WATER_CONSUMPTION("water", "consumption", Units.VOLUME),
        /** {@code /water/returned}: water returned. */
        WATER_RETURNED("water", "returned", Units.VOLUME),
        /** {@code /water/reclaimed}: reclaimed water used. */
        WATER_RECLAIMED("water", "reclaimed", Units.VOLUME),
        /** {@code /water/cooling}: water used for cooling. */
        WATER_COOLING("water", "cooling", Units.VOLUME),
        /** {@code /water/evaporation}: cooling-tower evaporation. */
        WATER_EVAPORATION("water", "evaporation", Units.VOLUME),
        /** {@code /water/blowdown}: cooling-tower blowdown. */
        WATER_BLOWDOWN("water", "blowdown", Units.VOLUME),
        /** {@code /compute/gpu_hours}: accelerator time. */
        COMPUTE_GPU_HOURS("compute", "gpu_hours", Units.GPU_TIME),
        /** {@code /compute/training_runs}: training runs, fractions allowed. */
        COMPUTE_TRAINING_RUNS("compute", "training_runs", Kind.DECIMAL),
        /** {@code /compute/inference_requests}: inference requests served. */
        COMPUTE_INFERENCE_REQUESTS("compute", "inference_requests", Kind.COUNT),
        /** {@code /compute/tokens}: tokens processed. */
        COMPUTE_TOKENS("compute", "tokens", Kind.COUNT),
        /** {@code /hardware/utilization_pct}: mean GPU utilisation, percent. */
        HARDWARE_UTILIZATION_PCT("hardware", "utilization_pct", Kind.PERCENT),
        /** {@code /hardware/idle_pct}: share of GPU time idle, percent. */
        HARDWARE_IDLE_PCT("hardware", "idle_pct", Kind.PERCENT);

        private final String block;
        private final String name;
        private final Kind kind;
        private final List<String> units;

        Field(String block, String name, List<String> units) {
            this.block = block;
            this.name = name;
            this.kind = Kind.AMOUNT;
            this.units = units;
        }

        Field(String block, String name, Kind kind) {
            this.block = block;
            this.name = name;
            this.kind = kind;
            this.units = List.of();
        }

        /** The block the field is in, such as {@code energy}. */
        public String block() {
            return block;
        }

        /** The field's name in its block, such as {@code it}. */
        public String fieldName() {
            return name;
        }

        /** The JSON Pointer of the field, such as {@code /energy/it}. */
        public String pointer() {
            return "/" + block + "/" + name;
        }

        /** The kind of value. */
        public Kind kind() {
            return kind;
        }

        /** The accepted unit symbols of an {@link Kind#AMOUNT} field; empty for the others. */
        public List<String> units() {
            return units;
        }
    }

    private static final Field[] FIELDS = Field.values();

    final String sourceId;
    final String externalEventId;
    final String start;
    final String end;
    final String observedAt;
    final String ingestedAt;
    final String facilityId;
    final String country;
    final String region;
    final String gridZone;
    /** Indexed by field ordinal: an {@link Amount}, a decimal String, or a Long. */
    final Object[] values;
    /** An upper bound of {@link #jsonSize()}, from the lengths of the texts ({@link EventJson#bound}). */
    final long sizeBound;
    /** The exact size, counted on first use (0: not yet); racy but idempotent, like {@code String.hashCode}. */
    private int jsonSize;

    private TelemetryRecord(Builder b) {
        this.sourceId = Checks.id(b.sourceId, "/source_id", true);
        this.externalEventId = Checks.eventId(b.externalEventId, "/external_event_id");
        if (b.start == null) {
            throw Checks.invalid("/interval/start", "is required");
        }
        if (b.end == null) {
            throw Checks.invalid("/interval/end", "is required");
        }
        if (!b.end.isAfter(b.start)) {
            throw Checks.invalid("/interval/end", "must be after /interval/start (got " + b.start + " to " + b.end + ")");
        }
        this.start = Checks.timestamp(b.start, "/interval/start");
        this.end = Checks.timestamp(b.end, "/interval/end");
        this.observedAt = b.observedAt == null ? null : Checks.timestamp(b.observedAt, "/observed_at");
        this.ingestedAt = b.ingestedAt == null ? null : Checks.timestamp(b.ingestedAt, "/ingested_at");
        this.facilityId = Checks.id(b.facilityId, "/facility_id", true);
        this.country = Checks.country(b.country, "/country");
        this.region = Checks.text(b.region, "/region", Checks.MAX_NAME_LENGTH, false);
        this.gridZone = Checks.text(b.gridZone, "/grid_zone", Checks.MAX_NAME_LENGTH, false);
        this.values = b.values.clone();
        this.sizeBound = EventJson.computeBound(this);
    }

    /** A builder; source id, event id, interval and facility id are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public String externalEventId() {
        return externalEventId;
    }

    /** {@code interval.start}, ISO-8601 with offset, as sent. */
    public String start() {
        return start;
    }

    /** {@code interval.end}, ISO-8601 with offset, as sent. */
    public String end() {
        return end;
    }

    /** {@code facility_id}. */
    public String facilityId() {
        return facilityId;
    }

    /** The value of {@code field}: an {@link Amount}, a decimal {@code String} or a {@code Long}; null when absent. */
    public Object value(Field field) {
        return values[field.ordinal()];
    }

    /** {@inheritDoc} Counted on the first call (without serialising); {@code track()} needs it only for records near the limit. */
    @Override
    public int jsonSize() {
        int s = jsonSize;
        if (s == 0) {
            s = EventJson.size(this);
            jsonSize = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelemetryRecord r && toJson().equals(r.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "TelemetryRecord[" + key() + ", facility " + facilityId + ", " + start + " to " + end + "]";
    }

    /** Builds a {@link TelemetryRecord}; {@link #build()} checks every field. */
    public static final class Builder {
        private String sourceId;
        private String externalEventId;
        private OffsetDateTime start;
        private OffsetDateTime end;
        private OffsetDateTime observedAt;
        private OffsetDateTime ingestedAt;
        private String facilityId;
        private String country;
        private String region;
        private String gridZone;
        private final Object[] values = new Object[FIELDS.length];

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

        /** Sets the interval {@code [start, end)}, written in UTC. */
        public Builder interval(Instant start, Instant end) {
            return interval(Checks.utc(Objects.requireNonNull(start, "start")),
                    Checks.utc(Objects.requireNonNull(end, "end")));
        }

        /** Sets the interval {@code [start, end)}, written with the given offsets. */
        public Builder interval(OffsetDateTime start, OffsetDateTime end) {
            this.start = Objects.requireNonNull(start, "start");
            this.end = Objects.requireNonNull(end, "end");
            return this;
        }

        /** Sets {@code observed_at}; null clears it. */
        public Builder observedAt(Instant observedAt) {
            this.observedAt = Checks.utc(observedAt);
            return this;
        }

        /** Sets {@code ingested_at}; null clears it. */
        public Builder ingestedAt(Instant ingestedAt) {
            this.ingestedAt = Checks.utc(ingestedAt);
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

        /**
         * Sets an amount field.
         *
         * @throws InvalidEventException if the field is not an amount, or the unit is not one of its units
         */
        public Builder amount(Field field, Amount amount) {
            if (field.kind() != Kind.AMOUNT) {
                throw Checks.invalid(field.pointer(), "holds " + field.kind().noun + ", not an amount");
            }
            Checks.unit(amount.unit(), field.units(), field.pointer() + "/unit");
            values[field.ordinal()] = amount;
            return this;
        }

        /** Sets an amount field from a plain-notation decimal text and a unit symbol. */
        public Builder amount(Field field, String value, String unit) {
            Objects.requireNonNull(value, "value");
            return amount(field, new Amount(Checks.decimal(value, field.pointer() + "/value"), unit));
        }

        /** Sets an amount field. */
        public Builder amount(Field field, BigDecimal value, String unit) {
            return amount(field, Amount.of(value, unit));
        }

        /**
         * Sets a decimal or percentage field from plain-notation text.
         *
         * @throws InvalidEventException if the field is not a decimal or percentage, or the value is out of range
         */
        public Builder decimal(Field field, String value) {
            Objects.requireNonNull(value, "value");
            if (field.kind() == Kind.DECIMAL) {
                values[field.ordinal()] = Checks.decimal(value, field.pointer());
            } else if (field.kind() == Kind.PERCENT) {
                values[field.ordinal()] = Checks.percent(value, field.pointer());
            } else {
                throw Checks.invalid(field.pointer(), "holds " + field.kind().noun + ", not a decimal");
            }
            return this;
        }

        /** Sets a decimal or percentage field. */
        public Builder decimal(Field field, BigDecimal value) {
            return decimal(field, Checks.plain(value, field.pointer()));
        }

        /**
         * Sets a count field.
         *
         * @throws InvalidEventException if the field is not a count, or the value is negative
         */
        public Builder count(Field field, long value) {
            if (field.kind() != Kind.COUNT) {
                throw Checks.invalid(field.pointer(), "holds " + field.kind().noun + ", not a count");
            }
            values[field.ordinal()] = Checks.count(value, field.pointer());
            return this;
        }

        /** Clears a field. */
        public Builder clear(Field field) {
            values[field.ordinal()] = null;
            return this;
        }

        /**
         * The record.
         *
         * @throws InvalidEventException naming the first missing or invalid field
         */
        public TelemetryRecord build() {
            return new TelemetryRecord(this);
        }

        @Override
        public String toString() {
            return "TelemetryRecord.Builder[" + sourceId + "/" + externalEventId + ", " + Arrays.toString(values) + "]";
        }
    }
}
