package org.ecocalc.core;

import java.util.Objects;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.json.CanonicalJson;

/**
 * The method settings of a calculation: everything besides the telemetry and the factor packs
 * that a number depends on. Immutable; build with {@link #builder()}. The report records the
 * settings it was computed with.
 */
public final class MethodSettings {
    /** Default reporting period: monthly, UTC, unbounded. */
    public static final ReportingPeriod DEFAULT_PERIOD = ReportingPeriod.DEFAULT;
    /** Default WUE numerator: site water withdrawal (ISO/IEC 30134-9). */
    public static final WueBasis DEFAULT_WUE_BASIS = WueBasis.WITHDRAWAL;
    /** Default energy divided by per-workload energy metrics: facility energy. */
    public static final EnergyBasis DEFAULT_WORKLOAD_ENERGY_BASIS = EnergyBasis.FACILITY;
    /**
     * Default most records a metric's lineage lists by key: {@value}. Above it, lineage names the
     * data set, a count and a selector that lists the records on demand.
     */
    public static final int DEFAULT_LINEAGE_KEY_LIMIT = 20;
    /** Largest accepted lineage key limit. */
    public static final int MAX_LINEAGE_KEY_LIMIT = 10_000;

    private static final MethodSettings DEFAULTS = builder().build();

    private final ReportingPeriod period;
    private final WueBasis wueBasis;
    private final EnergyBasis workloadEnergyBasis;
    private final int lineageKeyLimit;

    private MethodSettings(Builder b) {
        this.period = b.period;
        this.wueBasis = b.wueBasis;
        this.workloadEnergyBasis = b.workloadEnergyBasis;
        this.lineageKeyLimit = b.lineageKeyLimit;
    }

    /** The default settings. */
    public static MethodSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().period(period).wueBasis(wueBasis).workloadEnergyBasis(workloadEnergyBasis)
                .lineageKeyLimit(lineageKeyLimit);
    }

    /** How results are grouped in time. */
    public ReportingPeriod period() {
        return period;
    }

    /** The WUE numerator. */
    public WueBasis wueBasis() {
        return wueBasis;
    }

    /** The energy divided by per-workload energy metrics. */
    public EnergyBasis workloadEnergyBasis() {
        return workloadEnergyBasis;
    }

    /** The most records a metric's lineage lists by key. */
    public int lineageKeyLimit() {
        return lineageKeyLimit;
    }

    /** The settings as canonical JSON (RFC 8785): the form recorded in reports and hashed into manifests. */
    public String toCanonicalJson() {
        return CanonicalJson.canonicalString(Json.compact(SettingsJson.toNode(this)));
    }

    /**
     * Reads settings from their JSON form (the {@code settings} member of a report, or of a test
     * vector). Absent members take their defaults; unknown members and values are refused.
     *
     * @throws InvalidSettingsException naming the offending member by JSON Pointer
     * @throws EcoCalcException         ({@link ErrorCode#MALFORMED_JSON}) if the text is not JSON
     */
    public static MethodSettings parse(String json) {
        Objects.requireNonNull(json, "json");
        tools.jackson.databind.JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw new EcoCalcException(ErrorCode.MALFORMED_JSON, "settings are not JSON: " + e.getOriginalMessage(), e);
        }
        return SettingsJson.fromNode(node);
    }

    /** {@code sha256:} of {@link #toCanonicalJson()}. */
    public String digest() {
        return CanonicalJson.digest(toCanonicalJson());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodSettings m && period.equals(m.period) && wueBasis == m.wueBasis
                && workloadEnergyBasis == m.workloadEnergyBasis && lineageKeyLimit == m.lineageKeyLimit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, wueBasis, workloadEnergyBasis, lineageKeyLimit);
    }

    @Override
    public String toString() {
        return "MethodSettings[period=" + period + ", wueBasis=" + wueBasis.id() + ", workloadEnergyBasis="
                + workloadEnergyBasis.id() + ", lineageKeyLimit=" + lineageKeyLimit + "]";
    }

    /** Builds {@link MethodSettings}; each setter validates at once. */
    public static final class Builder {
        private ReportingPeriod period = DEFAULT_PERIOD;
        private WueBasis wueBasis = DEFAULT_WUE_BASIS;
        private EnergyBasis workloadEnergyBasis = DEFAULT_WORKLOAD_ENERGY_BASIS;
        private int lineageKeyLimit = DEFAULT_LINEAGE_KEY_LIMIT;

        private Builder() {
        }

        /** Sets the reporting period (default {@link #DEFAULT_PERIOD}). */
        public Builder period(ReportingPeriod period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /** Sets the reporting period to {@code unit} in UTC, unbounded. */
        public Builder period(PeriodUnit unit) {
            return period(ReportingPeriod.of(unit));
        }

        /** Sets the WUE numerator (default {@link WueBasis#WITHDRAWAL}). */
        public Builder wueBasis(WueBasis wueBasis) {
            this.wueBasis = Objects.requireNonNull(wueBasis, "wueBasis");
            return this;
        }

        /** Sets the energy divided by per-workload energy metrics (default {@link EnergyBasis#FACILITY}). */
        public Builder workloadEnergyBasis(EnergyBasis basis) {
            this.workloadEnergyBasis = Objects.requireNonNull(basis, "workloadEnergyBasis");
            return this;
        }

        /**
         * Sets the most records a lineage lists by key (default {@value #DEFAULT_LINEAGE_KEY_LIMIT}).
         *
         * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) if negative or above
         *                          {@value #MAX_LINEAGE_KEY_LIMIT}
         */
        public Builder lineageKeyLimit(int limit) {
            if (limit < 0 || limit > MAX_LINEAGE_KEY_LIMIT) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "lineageKeyLimit must be between 0 and "
                        + MAX_LINEAGE_KEY_LIMIT + " (got " + limit + ")");
            }
            this.lineageKeyLimit = limit;
            return this;
        }

        /** The settings. */
        public MethodSettings build() {
            return new MethodSettings(this);
        }
    }
}
