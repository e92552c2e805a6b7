package org.ecocalc.core;

import java.util.Objects;
import org.ecocalc.core.alert.AlertSettings;
import org.ecocalc.core.factor.GwpHorizon;
import org.ecocalc.core.factor.GwpSet;
import org.ecocalc.core.internal.Json;
import org.ecocalc.core.internal.SettingsJson;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.quality.QualitySettings;
import org.ecocalc.core.score.ScoreSettings;

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
    /** Default GWP set: IPCC AR6 (the seed playbook's default). */
    public static final GwpSet DEFAULT_GWP_SET = GwpSet.AR6;
    /** Default GWP horizon: 100 years. */
    public static final GwpHorizon DEFAULT_GWP_HORIZON = GwpHorizon.YEARS_100;
    /** Default Scope 2 method: both, as the GHG Protocol Scope 2 Guidance requires (dual reporting). */
    public static final Scope2Method DEFAULT_SCOPE2_METHOD = Scope2Method.BOTH;
    /** Default Scope 2 total in per-workload carbon metrics and CUE: location-based. */
    public static final CarbonBasis DEFAULT_CARBON_BASIS = CarbonBasis.LOCATION;
    /** Default: per-workload carbon metrics exclude embodied carbon. */
    public static final boolean DEFAULT_PER_UNIT_INCLUDES_EMBODIED = false;
    /** Default organisational boundary: operational control. */
    public static final Boundary DEFAULT_BOUNDARY = Boundary.OPERATIONAL_CONTROL;

    private static final MethodSettings DEFAULTS = builder().build();

    private final ReportingPeriod period;
    private final WueBasis wueBasis;
    private final EnergyBasis workloadEnergyBasis;
    private final int lineageKeyLimit;
    private final GwpSet gwpSet;
    private final GwpHorizon gwpHorizon;
    private final Scope2Method scope2Method;
    private final CarbonBasis carbonBasis;
    private final boolean perUnitIncludesEmbodied;
    private final Boundary boundary;
    private final String organisationId;
    private final QualitySettings quality;
    private final ScoreSettings score;
    private final AlertSettings alerts;

    private MethodSettings(Builder b) {
        this.period = b.period;
        this.wueBasis = b.wueBasis;
        this.workloadEnergyBasis = b.workloadEnergyBasis;
        this.lineageKeyLimit = b.lineageKeyLimit;
        this.gwpSet = b.gwpSet;
        this.gwpHorizon = b.gwpHorizon;
        this.scope2Method = b.scope2Method;
        this.carbonBasis = b.carbonBasis;
        this.perUnitIncludesEmbodied = b.perUnitIncludesEmbodied;
        this.boundary = b.boundary;
        this.organisationId = b.organisationId;
        this.quality = b.quality;
        this.score = b.score;
        this.alerts = b.alerts;
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
                .lineageKeyLimit(lineageKeyLimit).gwp(gwpSet, gwpHorizon).scope2Method(scope2Method)
                .carbonBasis(carbonBasis).perUnitIncludesEmbodied(perUnitIncludesEmbodied).boundary(boundary)
                .organisationId(organisationId).quality(quality).score(score).alerts(alerts);
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

    /** The GWP set used to combine per-gas emissions. */
    public GwpSet gwpSet() {
        return gwpSet;
    }

    /** The GWP time horizon. */
    public GwpHorizon gwpHorizon() {
        return gwpHorizon;
    }

    /** Which Scope 2 methods are reported. */
    public Scope2Method scope2Method() {
        return scope2Method;
    }

    /** Which Scope 2 total per-workload carbon metrics and CUE use. */
    public CarbonBasis carbonBasis() {
        return carbonBasis;
    }

    /** Whether per-workload carbon metrics include amortised embodied carbon. */
    public boolean perUnitIncludesEmbodied() {
        return perUnitIncludesEmbodied;
    }

    /** The organisational boundary the numbers are prepared for. */
    public Boundary boundary() {
        return boundary;
    }

    /** The organisation, for organisation-scoped factor overrides; null when none. */
    public String organisationId() {
        return organisationId;
    }

    /** The data-quality settings. */
    public QualitySettings quality() {
        return quality;
    }

    /** The scorecard settings. */
    public ScoreSettings score() {
        return score;
    }

    /** The alert thresholds and anti-flapping settings ({@code docs/alerts.md}). */
    public AlertSettings alerts() {
        return alerts;
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
                && workloadEnergyBasis == m.workloadEnergyBasis && lineageKeyLimit == m.lineageKeyLimit
                && gwpSet == m.gwpSet && gwpHorizon == m.gwpHorizon && scope2Method == m.scope2Method
                && carbonBasis == m.carbonBasis && perUnitIncludesEmbodied == m.perUnitIncludesEmbodied
                && boundary == m.boundary && Objects.equals(organisationId, m.organisationId)
                && quality.equals(m.quality) && score.equals(m.score) && alerts.equals(m.alerts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, wueBasis, workloadEnergyBasis, lineageKeyLimit, gwpSet, gwpHorizon, scope2Method,
                carbonBasis, perUnitIncludesEmbodied, boundary, organisationId);
    }

    @Override
    public String toString() {
        return "MethodSettings" + toCanonicalJson();
    }

    /** Builds {@link MethodSettings}; each setter validates at once. */
    public static final class Builder {
        private ReportingPeriod period = DEFAULT_PERIOD;
        private WueBasis wueBasis = DEFAULT_WUE_BASIS;
        private EnergyBasis workloadEnergyBasis = DEFAULT_WORKLOAD_ENERGY_BASIS;
        private int lineageKeyLimit = DEFAULT_LINEAGE_KEY_LIMIT;
        private GwpSet gwpSet = DEFAULT_GWP_SET;
        private GwpHorizon gwpHorizon = DEFAULT_GWP_HORIZON;
        private Scope2Method scope2Method = DEFAULT_SCOPE2_METHOD;
        private CarbonBasis carbonBasis = DEFAULT_CARBON_BASIS;
        private boolean perUnitIncludesEmbodied = DEFAULT_PER_UNIT_INCLUDES_EMBODIED;
        private Boundary boundary = DEFAULT_BOUNDARY;
        private String organisationId;
        private QualitySettings quality = QualitySettings.defaults();
        private ScoreSettings score = ScoreSettings.defaults();
        private AlertSettings alerts = AlertSettings.defaults();

        private Builder() {
        }

        /** Sets the alert settings (default {@link AlertSettings#defaults()}). */
        public Builder alerts(AlertSettings alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** Sets the data-quality settings (default {@link QualitySettings#defaults()}). */
        public Builder quality(QualitySettings quality) {
            this.quality = Objects.requireNonNull(quality, "quality");
            return this;
        }

        /** Sets the scorecard settings (default {@link ScoreSettings#defaults()}). */
        public Builder score(ScoreSettings score) {
            this.score = Objects.requireNonNull(score, "score");
            return this;
        }

        /** Sets the GWP set and horizon (default AR6, 100 years). */
        public Builder gwp(GwpSet set, GwpHorizon horizon) {
            this.gwpSet = Objects.requireNonNull(set, "set");
            this.gwpHorizon = Objects.requireNonNull(horizon, "horizon");
            return this;
        }

        /** Sets the Scope 2 methods reported (default both). */
        public Builder scope2Method(Scope2Method method) {
            this.scope2Method = Objects.requireNonNull(method, "scope2Method");
            return this;
        }

        /** Sets the Scope 2 total of per-workload carbon metrics and CUE (default location). */
        public Builder carbonBasis(CarbonBasis basis) {
            this.carbonBasis = Objects.requireNonNull(basis, "carbonBasis");
            return this;
        }

        /** Sets whether per-workload carbon metrics include embodied carbon (default false). */
        public Builder perUnitIncludesEmbodied(boolean include) {
            this.perUnitIncludesEmbodied = include;
            return this;
        }

        /** Sets the organisational boundary (default operational control). */
        public Builder boundary(Boundary boundary) {
            this.boundary = Objects.requireNonNull(boundary, "boundary");
            return this;
        }

        /**
         * Sets the organisation for organisation-scoped overrides; null for none.
         *
         * @throws EcoCalcException ({@link ErrorCode#INVALID_SETTINGS}) for an empty or over-long id
         */
        public Builder organisationId(String organisationId) {
            if (organisationId != null && (organisationId.isEmpty() || organisationId.length() > 128)) {
                throw new EcoCalcException(ErrorCode.INVALID_SETTINGS, "organisationId must be 1 to 128 characters");
            }
            this.organisationId = organisationId;
            return this;
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
