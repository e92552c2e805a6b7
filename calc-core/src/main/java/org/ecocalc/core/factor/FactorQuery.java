package org.ecocalc.core.factor;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link FactorSelector} is asked for: an activity type and gas, at a place, over an
 * activity interval {@code [start, end)}. Build with {@link #builder(String, Gas)}.
 * The place fields are optional; a level whose field is absent is skipped (and the trace says so).
 */
public final class FactorQuery {
    private final String activityType;
    private final Gas gas;
    private final Instant start;
    private final Instant end;
    private final String organisationId;
    private final String facilityId;
    private final String activityId;
    private final String gridZone;
    private final String country;
    private final String region;

    private String intervalText;

    private FactorQuery(Builder b) {
        this.activityType = b.activityType;
        this.gas = b.gas;
        this.start = b.start;
        this.end = b.end;
        this.organisationId = b.organisationId;
        this.facilityId = b.facilityId;
        this.activityId = b.activityId;
        this.gridZone = b.gridZone;
        this.country = b.country;
        this.region = b.region;
    }

    /**
     * A builder for the given activity type ({@code grid_electricity}) and gas (null for a factor
     * without a gas, such as a heat content).
     */
    public static Builder builder(String activityType, Gas gas) {
        return new Builder(activityType, gas);
    }

    /** The activity type. */
    public String activityType() {
        return activityType;
    }

    /** The gas, or null for a factor without a gas. */
    public Gas gas() {
        return gas;
    }

    /** The first instant of the activity. */
    public Instant start() {
        return start;
    }

    /** The first instant after the activity. */
    public Instant end() {
        return end;
    }

    /** The interval as the selector's trace writes it, {@code [start, end)}, made on first use. */
    String intervalText() {
        String t = intervalText;
        if (t == null) {
            t = "[" + start + ", " + end + ")";
            intervalText = t; // a benign race: every thread computes the same immutable string
        }
        return t;
    }

    /** The organisation, or null. */
    public String organisationId() {
        return organisationId;
    }

    /** The facility, or null. */
    public String facilityId() {
        return facilityId;
    }

    /** The activity (contract, meter, workload), or null. */
    public String activityId() {
        return activityId;
    }

    /** The grid zone (eGRID subregion), or null. */
    public String gridZone() {
        return gridZone;
    }

    /** The ISO 3166-1 alpha-2 country, or null. */
    public String country() {
        return country;
    }

    /** The region (group of countries), or null. */
    public String region() {
        return region;
    }

    /** The query's value for a region level: the facility id, grid zone, country or region; null if absent. */
    String codeFor(RegionLevel level) {
        switch (level) {
            case FACILITY: return facilityId;
            case GRID_ZONE: return gridZone;
            case COUNTRY: return country;
            case REGION: return region;
            default: return null;
        }
    }

    /** Queries are equal when every field is; {@link FactorSelector} gives equal queries the same selection. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FactorQuery q && activityType.equals(q.activityType) && Objects.equals(gas, q.gas)
                && Objects.equals(start, q.start) && Objects.equals(end, q.end)
                && Objects.equals(organisationId, q.organisationId) && Objects.equals(facilityId, q.facilityId)
                && Objects.equals(activityId, q.activityId) && Objects.equals(gridZone, q.gridZone)
                && Objects.equals(country, q.country) && Objects.equals(region, q.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityType, gas, start, end, organisationId, facilityId, activityId, gridZone, country,
                region);
    }

    @Override
    public String toString() {
        return "FactorQuery[" + activityType + ", " + (gas == null ? "-" : gas.id()) + ", [" + start + ", " + end
                + "), organisation=" + organisationId + ", facility=" + facilityId + ", activity=" + activityId
                + ", gridZone=" + gridZone + ", country=" + country + ", region=" + region + "]";
    }

    /** Builds a {@link FactorQuery}; each setter validates at once. */
    public static final class Builder {
        private final String activityType;
        private final Gas gas;
        private Instant start;
        private Instant end;
        private String organisationId;
        private String facilityId;
        private String activityId;
        private String gridZone;
        private String country;
        private String region;

        private Builder(String activityType, Gas gas) {
            this.activityType = Objects.requireNonNull(activityType, "activityType");
            if (activityType.isBlank()) {
                throw new IllegalArgumentException("activityType must not be blank");
            }
            this.gas = gas;
        }

        /**
         * Sets the activity interval {@code [start, end)} (required).
         *
         * @throws IllegalArgumentException unless end is after start
         */
        public Builder interval(Instant start, Instant end) {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("interval end (" + end + ") must be after start (" + start + ")");
            }
            this.start = start;
            this.end = end;
            return this;
        }

        /** Sets the organisation (for organisation-scoped overrides). */
        public Builder organisation(String organisationId) {
            this.organisationId = nonBlank(organisationId, "organisationId");
            return this;
        }

        /** Sets the facility. */
        public Builder facility(String facilityId) {
            this.facilityId = nonBlank(facilityId, "facilityId");
            return this;
        }

        /** Sets the activity id (for activity-scoped overrides). */
        public Builder activity(String activityId) {
            this.activityId = nonBlank(activityId, "activityId");
            return this;
        }

        /** Sets the grid zone. */
        public Builder gridZone(String gridZone) {
            this.gridZone = nonBlank(gridZone, "gridZone");
            return this;
        }

        /** Sets the country (ISO 3166-1 alpha-2). */
        public Builder country(String country) {
            this.country = nonBlank(country, "country");
            return this;
        }

        /** Sets the region (group of countries). */
        public Builder region(String region) {
            this.region = nonBlank(region, "region");
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalStateException if no interval was set
         */
        public FactorQuery build() {
            if (start == null) {
                throw new IllegalStateException("a factor query needs the activity interval");
            }
            return new FactorQuery(this);
        }

        private static String nonBlank(String s, String name) {
            Objects.requireNonNull(s, name);
            if (s.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return s;
        }
    }
}
