package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.InvalidTelemetryException;

/**
 * One use of AI compute, as {@code docs/schemas/usage-event.v1.json} defines it: an LLM API call
 * ({@link UsageKind#LLM_CALL}) or a GPU job ({@link UsageKind#GPU_JOB}), with the amounts an impact
 * calculation needs (token counts, GPU-seconds, accelerator, measured energy), where and when it ran,
 * and who it is accounted to. Immutable; every instance is valid: the builder and
 * {@link UsageReader} check the same rules as the schema (each problem named by JSON Pointer), plus
 * the one it cannot state (ended_at not before started_at). There is no field for prompt or completion
 * text, and attribute names that could carry it are refused ({@code content_attribute}).
 *
 * <p>Optional fields are null when absent; {@link #attributes()} is empty when absent. The measured
 * energy is held in kWh.
 */
public final class UsageEvent {
    private final IdempotencyKey key;
    private final UsageKind kind;
    private final String provider;
    private final String model;
    private final Long tokensIn;
    private final Long tokensOut;
    private final BigDecimal gpuSeconds;
    private final String accelerator;
    private final Quantity measuredEnergy;
    private final Instant startedAt;
    private final Instant endedAt;
    private final String facilityId;
    private final String country;
    private final String region;
    private final String gridZone;
    private final String organizationId;
    private final String teamId;
    private final String userId;
    private final SortedMap<String, String> attributes;

    private UsageEvent(Builder b) {
        this.key = b.key;
        this.kind = b.kind;
        this.provider = b.provider;
        this.model = b.model;
        this.tokensIn = b.tokensIn;
        this.tokensOut = b.tokensOut;
        this.gpuSeconds = b.gpuSeconds == null ? null : Decimals.normalize(b.gpuSeconds);
        this.accelerator = b.accelerator;
        this.measuredEnergy = b.measuredEnergy == null ? null : b.measuredEnergy.toCanonical();
        this.startedAt = b.startedAt;
        this.endedAt = b.endedAt;
        this.facilityId = b.facilityId;
        this.country = b.country;
        this.region = b.region;
        this.gridZone = b.gridZone;
        this.organizationId = b.organizationId;
        this.teamId = b.teamId;
        this.userId = b.userId;
        this.attributes = Collections.unmodifiableSortedMap(new TreeMap<>(b.attributes));
    }

    /** A builder for an LLM call with the given identity. */
    public static Builder llmCall(String sourceId, String externalEventId) {
        return new Builder(UsageKind.LLM_CALL, sourceId, externalEventId);
    }

    /** A builder for a GPU job with the given identity. */
    public static Builder gpuJob(String sourceId, String externalEventId) {
        return new Builder(UsageKind.GPU_JOB, sourceId, externalEventId);
    }

    /** A builder for an event of the given kind. */
    public static Builder builder(UsageKind kind, String sourceId, String externalEventId) {
        return new Builder(Objects.requireNonNull(kind, "kind"), sourceId, externalEventId);
    }

    /** The identity: {@code source_id} and {@code external_event_id}. */
    public IdempotencyKey key() {
        return key;
    }

    /** LLM call or GPU job. */
    public UsageKind kind() {
        return kind;
    }

    /** Who served it (required for an LLM call), or null. */
    public String provider() {
        return provider;
    }

    /** The model (required for an LLM call), or null. */
    public String model() {
        return model;
    }

    /** Input tokens, or null when absent. */
    public Long tokensIn() {
        return tokensIn;
    }

    /** Output tokens, or null when absent. */
    public Long tokensOut() {
        return tokensOut;
    }

    /** Accelerator time in GPU-seconds (required for a GPU job), or null. */
    public BigDecimal gpuSeconds() {
        return gpuSeconds;
    }

    /** The accelerator model, such as {@code nvidia-h100-sxm}, or null. */
    public String accelerator() {
        return accelerator;
    }

    /** The measured energy in kWh, or null when the source did not measure it. */
    public Quantity measuredEnergy() {
        return measuredEnergy;
    }

    /** When it started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When it ended, or null. */
    public Instant endedAt() {
        return endedAt;
    }

    /** The data centre that served it, or null. */
    public String facilityId() {
        return facilityId;
    }

    /** ISO 3166-1 alpha-2 country where it ran, or null. */
    public String country() {
        return country;
    }

    /** A region name or code (a cloud region such as {@code eu-west-1}), or null. */
    public String region() {
        return region;
    }

    /** An electricity grid zone, or null. */
    public String gridZone() {
        return gridZone;
    }

    /** The organisation it is accounted to, or null. */
    public String organizationId() {
        return organizationId;
    }

    /** The team it is accounted to, or null. */
    public String teamId() {
        return teamId;
    }

    /** The user (an id) it is accounted to, or null. */
    public String userId() {
        return userId;
    }

    /** Custom dimensions, sorted by name; empty when absent. */
    public SortedMap<String, String> attributes() {
        return attributes;
    }

    /** Equal when every field is equal (measured energy compared in kWh). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsageEvent e)) {
            return false;
        }
        return key.equals(e.key) && kind == e.kind && Objects.equals(provider, e.provider)
                && Objects.equals(model, e.model) && Objects.equals(tokensIn, e.tokensIn)
                && Objects.equals(tokensOut, e.tokensOut) && Objects.equals(gpuSeconds, e.gpuSeconds)
                && Objects.equals(accelerator, e.accelerator) && Objects.equals(measuredEnergy, e.measuredEnergy)
                && startedAt.equals(e.startedAt) && Objects.equals(endedAt, e.endedAt)
                && Objects.equals(facilityId, e.facilityId) && Objects.equals(country, e.country)
                && Objects.equals(region, e.region) && Objects.equals(gridZone, e.gridZone)
                && Objects.equals(organizationId, e.organizationId) && Objects.equals(teamId, e.teamId)
                && Objects.equals(userId, e.userId) && attributes.equals(e.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, kind, provider, model, tokensIn, tokensOut, gpuSeconds, startedAt);
    }

    /** The identity, kind, provider and model (never attribute values). */
    @Override
    public String toString() {
        return "UsageEvent[" + key + ", " + kind.id() + (provider == null ? "" : ", " + provider)
                + (model == null ? "" : ", " + model) + ", " + startedAt + "]";
    }

    /**
     * Builds a {@link UsageEvent}. Setters take values as the schema does; {@link #build()} checks
     * them all and reports every problem at once.
     */
    public static final class Builder {
        private final UsageKind kind;
        private final String sourceId;
        private final String externalEventId;
        private IdempotencyKey key;
        private String provider;
        private String model;
        private Long tokensIn;
        private Long tokensOut;
        private BigDecimal gpuSeconds;
        private String accelerator;
        private Quantity measuredEnergy;
        private Instant startedAt;
        private Instant endedAt;
        private String facilityId;
        private String country;
        private String region;
        private String gridZone;
        private String organizationId;
        private String teamId;
        private String userId;
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(UsageKind kind, String sourceId, String externalEventId) {
            this.kind = kind;
            this.sourceId = sourceId;
            this.externalEventId = externalEventId;
        }

        /** Sets the provider (such as {@code openai}). */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Sets the model (such as {@code gpt-4o}). */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets the input token count. */
        public Builder tokensIn(long tokens) {
            this.tokensIn = tokens;
            return this;
        }

        /** Sets the output token count. */
        public Builder tokensOut(long tokens) {
            this.tokensOut = tokens;
            return this;
        }

        /** Sets the GPU-seconds. */
        public Builder gpuSeconds(BigDecimal gpuSeconds) {
            this.gpuSeconds = gpuSeconds;
            return this;
        }

        /**
         * Sets the GPU-seconds from a plain decimal string such as {@code "28800"}.
         *
         * @throws InvalidUsageException ({@code not_numeric}, {@code /gpu_seconds}) if it is not a plain decimal
         */
        public Builder gpuSeconds(String gpuSeconds) {
            try {
                this.gpuSeconds = Decimals.parse(gpuSeconds);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidUsageException(Problem.error(ErrorCode.NOT_NUMERIC, "/gpu_seconds",
                        "gpu_seconds must be a plain decimal such as \"28800\""));
            }
            return this;
        }

        /** Sets the accelerator model. */
        public Builder accelerator(String accelerator) {
            this.accelerator = accelerator;
            return this;
        }

        /** Sets the measured energy (any energy unit). */
        public Builder measuredEnergy(Quantity energy) {
            this.measuredEnergy = energy;
            return this;
        }

        /** Sets when it started (required). */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** Sets when it ended. */
        public Builder endedAt(Instant endedAt) {
            this.endedAt = endedAt;
            return this;
        }

        /** Sets the facility that served it. */
        public Builder facilityId(String facilityId) {
            this.facilityId = facilityId;
            return this;
        }

        /** Sets the country (ISO 3166-1 alpha-2). */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** Sets the region (a cloud region). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets the grid zone. */
        public Builder gridZone(String gridZone) {
            this.gridZone = gridZone;
            return this;
        }

        /** Sets the organisation. */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /** Sets the team. */
        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        /** Sets the user id. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Adds an attribute (a custom dimension). */
        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The event.
         *
         * @throws InvalidUsageException listing every problem, each with its JSON Pointer
         */
        public UsageEvent build() {
            List<Problem> problems = new ArrayList<>();
            try {
                key = new IdempotencyKey(sourceId, externalEventId);
            } catch (InvalidTelemetryException e) {
                problems.addAll(e.problems());
            }
            if (kind == UsageKind.LLM_CALL) {
                if (provider == null) {
                    problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/provider", "provider is required for an llm_call"));
                }
                if (model == null) {
                    problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/model", "model is required for an llm_call"));
                }
            }
            if (kind == UsageKind.GPU_JOB && gpuSeconds == null) {
                problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/gpu_seconds", "gpu_seconds is required for a gpu_job"));
            }
            add(problems, UsageChecks.label(provider, "/provider"));
            add(problems, UsageChecks.label(model, "/model"));
            add(problems, UsageChecks.count(tokensIn, "/tokens_in"));
            add(problems, UsageChecks.count(tokensOut, "/tokens_out"));
            add(problems, UsageChecks.gpuSeconds(gpuSeconds));
            add(problems, UsageChecks.label(accelerator, "/accelerator"));
            if (measuredEnergy != null) {
                if (measuredEnergy.dimension() != Dimension.ENERGY) {
                    problems.add(Problem.error(ErrorCode.UNIT_DIMENSION_MISMATCH, "/measured_energy/unit", "\""
                            + measuredEnergy.unit().symbol() + "\" is a unit of " + measuredEnergy.dimension().label()
                            + ", not energy"));
                } else if (measuredEnergy.isNegative()) {
                    problems.add(Problem.error(ErrorCode.NEGATIVE_VALUE, "/measured_energy/value",
                            "measured energy must not be negative"));
                }
            }
            if (startedAt == null) {
                problems.add(Problem.error(ErrorCode.MISSING_FIELD, "/started_at", "started_at is required"));
            } else if (endedAt != null && endedAt.isBefore(startedAt)) {
                problems.add(Problem.error(ErrorCode.INTERVAL_NOT_POSITIVE, "/ended_at", "ended_at (" + endedAt
                        + ") must not be before started_at (" + startedAt + ")"));
            }
            add(problems, UsageChecks.facility(facilityId));
            add(problems, UsageChecks.country(country));
            add(problems, UsageChecks.name(region, "/region"));
            add(problems, UsageChecks.name(gridZone, "/grid_zone"));
            add(problems, UsageChecks.label(organizationId, "/organization_id"));
            add(problems, UsageChecks.label(teamId, "/team_id"));
            add(problems, UsageChecks.label(userId, "/user_id"));
            if (attributes.size() > UsageChecks.MAX_ATTRIBUTES) {
                problems.add(Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/attributes", "at most "
                        + UsageChecks.MAX_ATTRIBUTES + " attributes"));
            }
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                Problem p = UsageChecks.attributeName(a.getKey());
                add(problems, p != null ? p : UsageChecks.attributeValue(a.getKey(), a.getValue()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidUsageException(problems);
            }
            return new UsageEvent(this);
        }

        private static void add(List<Problem> problems, Problem p) {
            if (p != null) {
                problems.add(p);
            }
        }
    }
}
