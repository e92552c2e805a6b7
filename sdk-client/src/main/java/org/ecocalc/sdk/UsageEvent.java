package org.ecocalc.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * One usage event v1 ({@code docs/schemas/usage-event.v1.json}): an LLM API call or a GPU job,
 * with the amounts an impact calculation needs (tokens in and out, GPU-seconds, optionally the
 * measured energy), where and when it ran, and who it is accounted to.
 *
 * <pre>{@code
 * UsageEvent call = UsageEvent.llmCall()
 *     .sourceId("chat-api").externalEventId(response.id())
 *     .provider("openai").model("gpt-4o")
 *     .tokensIn(812).tokensOut(164)
 *     .startedAt(start).endedAt(end)
 *     .region("eu-west-1").organizationId("acme").teamId("search").userId("u-42")
 *     .attribute("feature", "summarise")
 *     .build();
 * }</pre>
 *
 * <p><b>No content.</b> There is no field for prompt or completion text, and an attribute whose
 * name contains {@code prompt}, {@code completion}, {@code message} or {@code content} (in any
 * case) is refused at once: the SDK never sends what a user wrote or a model answered.
 *
 * <p>When no {@code external_event_id} is set, {@link Builder#build()} draws a random UUID, once:
 * the event keeps it across retries and replays. Set your own (the provider's response id, the
 * job id) when the same call may be tracked twice, so that the host refuses the second copy.
 */
public final class UsageEvent implements Event {
    /** The most attributes an event carries ({@value}). */
    public static final int MAX_ATTRIBUTES = 32;
    /** The longest attribute value ({@value} characters). */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 256;
    /** The pattern an attribute name matches. */
    public static final String ATTRIBUTE_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_.:-]{0,63}$";
    /** Attribute names containing one of these words (any case) are refused: they would carry content. */
    public static final java.util.List<String> FORBIDDEN_ATTRIBUTE_WORDS = java.util.List.of("prompt", "completion",
            "message", "content");

    static final Pattern ATTRIBUTE_NAME = Pattern.compile(ATTRIBUTE_NAME_PATTERN);

    /** What was used. */
    public enum Kind {
        /** A call to an LLM API (hosted or self-hosted). */
        LLM_CALL("llm_call"),
        /** A GPU job (training, fine-tuning, batch inference). */
        GPU_JOB("gpu_job");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The JSON value, such as {@code llm_call}. */
        public String id() {
            return id;
        }
    }

    final Kind kind;
    final String sourceId;
    final String externalEventId;
    final String provider;
    final String model;
    final long tokensIn;
    final long tokensOut;
    final String gpuSeconds;
    final String accelerator;
    final Amount measuredEnergy;
    final String startedAt;
    final String endedAt;
    final String facilityId;
    final String country;
    final String region;
    final String gridZone;
    final String organizationId;
    final String teamId;
    final String userId;
    final SortedMap<String, String> attributes;
    /** An upper bound of {@link #jsonSize()}, from the lengths of the texts ({@link EventJson#bound}). */
    final long sizeBound;
    /** The exact size, counted on first use (0: not yet); racy but idempotent, like {@code String.hashCode}. */
    private int jsonSize;

    private UsageEvent(Builder b) {
        this.kind = b.kind;
        this.sourceId = Checks.id(b.sourceId, "/source_id", true);
        this.externalEventId = Checks.eventId(b.externalEventId != null ? b.externalEventId : randomId(),
                "/external_event_id");
        this.provider = Checks.text(b.provider, "/provider", Checks.MAX_LABEL_LENGTH, kind == Kind.LLM_CALL);
        this.model = Checks.text(b.model, "/model", Checks.MAX_LABEL_LENGTH, kind == Kind.LLM_CALL);
        this.tokensIn = b.tokensIn;
        this.tokensOut = b.tokensOut;
        if (kind == Kind.GPU_JOB && b.gpuSeconds == null) {
            throw Checks.invalid("/gpu_seconds", "is required for a gpu_job");
        }
        this.gpuSeconds = b.gpuSeconds;
        this.accelerator = Checks.text(b.accelerator, "/accelerator", Checks.MAX_LABEL_LENGTH, false);
        this.measuredEnergy = b.measuredEnergy;
        if (b.startedAt == null) {
            throw Checks.invalid("/started_at", "is required");
        }
        if (b.endedAt != null && b.endedAt.isBefore(b.startedAt)) {
            throw Checks.invalid("/ended_at", "must not be before /started_at (got " + b.startedAt + " to "
                    + b.endedAt + ")");
        }
        this.startedAt = Checks.timestamp(b.startedAt, "/started_at");
        this.endedAt = b.endedAt == null ? null : Checks.timestamp(b.endedAt, "/ended_at");
        this.facilityId = Checks.id(b.facilityId, "/facility_id", false);
        this.country = Checks.country(b.country, "/country");
        this.region = Checks.text(b.region, "/region", Checks.MAX_NAME_LENGTH, false);
        this.gridZone = Checks.text(b.gridZone, "/grid_zone", Checks.MAX_NAME_LENGTH, false);
        this.organizationId = Checks.text(b.organizationId, "/organization_id", Checks.MAX_LABEL_LENGTH, false);
        this.teamId = Checks.text(b.teamId, "/team_id", Checks.MAX_LABEL_LENGTH, false);
        this.userId = Checks.text(b.userId, "/user_id", Checks.MAX_LABEL_LENGTH, false);
        this.attributes = b.attributes.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(b.attributes));
        this.sizeBound = EventJson.computeBound(this);
    }

    private static String randomId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = r.nextLong() & ~0xF000L | 0x4000L; // version 4
        long lo = r.nextLong() & ~(3L << 62) | 1L << 63; // IETF variant
        return new UUID(hi, lo).toString();
    }

    /** A builder for an LLM API call. */
    public static Builder llmCall() {
        return new Builder(Kind.LLM_CALL);
    }

    /** A builder for a GPU job. */
    public static Builder gpuJob() {
        return new Builder(Kind.GPU_JOB);
    }

    /** Why an attribute name is refused, or null when it is accepted. */
    static String attributeNameProblem(String name) {
        if (name == null || !isAttributeName(name)) {
            return "an attribute name must match " + ATTRIBUTE_NAME_PATTERN;
        }
        String lower = Checks.lower(name);
        for (String word : FORBIDDEN_ATTRIBUTE_WORDS) {
            if (lower.contains(word)) {
                return "attribute \"" + name + "\" is refused: names containing \"" + word
                        + "\" would carry prompt or completion content, which the SDK never sends";
            }
        }
        return null;
    }

    /** {@link #ATTRIBUTE_NAME_PATTERN}, written out (checked against the pattern by {@code ChecksTest}). */
    static boolean isAttributeName(String s) {
        int n = s.length();
        if (n < 1 || n > 64) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= 'A' && c0 <= 'Z' || c0 >= 'a' && c0 <= 'z')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** What was used. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public String externalEventId() {
        return externalEventId;
    }

    /** The provider, or null when absent. */
    public String provider() {
        return provider;
    }

    /** The model, or null when absent. */
    public String model() {
        return model;
    }

    /** The attributes, sorted by name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** {@inheritDoc} Counted on the first call (without serialising); {@code track()} needs it only for events near the limit. */
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
        return o instanceof UsageEvent u && toJson().equals(u.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "UsageEvent[" + kind.id() + ", " + key() + ", " + (provider == null ? "" : provider + "/")
                + (model == null ? "" : model) + ", started " + startedAt + "]";
    }

    /** Builds a {@link UsageEvent}; setters check their field at once, {@link #build()} the whole event. */
    public static final class Builder {
        private final Kind kind;
        private String sourceId;
        private String externalEventId;
        private String provider;
        private String model;
        private long tokensIn = -1;
        private long tokensOut = -1;
        private String gpuSeconds;
        private String accelerator;
        private Amount measuredEnergy;
        private OffsetDateTime startedAt;
        private OffsetDateTime endedAt;
        private String facilityId;
        private String country;
        private String region;
        private String gridZone;
        private String organizationId;
        private String teamId;
        private String userId;
        private final TreeMap<String, String> attributes = new TreeMap<>();

        private Builder(Kind kind) {
            this.kind = kind;
        }

        /** Sets {@code source_id}, the service or job runner that tracks the event. */
        public Builder sourceId(String sourceId) {
            this.sourceId = sourceId;
            return this;
        }

        /** Sets {@code external_event_id}; when never set, a random UUID is drawn once at {@link #build()}. */
        public Builder externalEventId(String externalEventId) {
            this.externalEventId = externalEventId;
            return this;
        }

        /** Sets {@code provider} (such as {@code openai}, {@code anthropic}, {@code selfhost}). */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Sets {@code model} (such as {@code gpt-4o}). */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets {@code tokens_in}, the input (prompt) token count. */
        public Builder tokensIn(long tokens) {
            this.tokensIn = Checks.count(tokens, "/tokens_in");
            return this;
        }

        /** Sets {@code tokens_out}, the output (completion) token count. */
        public Builder tokensOut(long tokens) {
            this.tokensOut = Checks.count(tokens, "/tokens_out");
            return this;
        }

        /** Sets {@code gpu_seconds}, accelerator time in GPU-seconds (plain-notation decimal text). */
        public Builder gpuSeconds(String gpuSeconds) {
            this.gpuSeconds = gpuSeconds == null ? null : Checks.decimal(gpuSeconds, "/gpu_seconds");
            return this;
        }

        /** Sets {@code gpu_seconds}. */
        public Builder gpuSeconds(BigDecimal gpuSeconds) {
            return gpuSeconds(gpuSeconds == null ? null : Checks.plain(gpuSeconds, "/gpu_seconds"));
        }

        /** Sets {@code accelerator}, the accelerator model (such as {@code nvidia-h100-sxm}); null clears it. */
        public Builder accelerator(String accelerator) {
            this.accelerator = accelerator;
            return this;
        }

        /** Sets {@code measured_energy}, energy measured for this use (an energy unit); null clears it. */
        public Builder measuredEnergy(Amount energy) {
            if (energy != null) {
                Checks.unit(energy.unit(), Units.ENERGY, "/measured_energy/unit");
            }
            this.measuredEnergy = energy;
            return this;
        }

        /** Sets {@code started_at}, written in UTC. */
        public Builder startedAt(Instant startedAt) {
            return startedAt(Checks.utc(Objects.requireNonNull(startedAt, "startedAt")));
        }

        /** Sets {@code started_at}, written with its offset. */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            return this;
        }

        /** Sets {@code ended_at}, written in UTC; null clears it. */
        public Builder endedAt(Instant endedAt) {
            this.endedAt = Checks.utc(endedAt);
            return this;
        }

        /** Sets {@code ended_at}, written with its offset; null clears it. */
        public Builder endedAt(OffsetDateTime endedAt) {
            this.endedAt = endedAt;
            return this;
        }

        /** Sets {@code facility_id}, the data centre that served the use, when known; null clears it. */
        public Builder facilityId(String facilityId) {
            this.facilityId = facilityId;
            return this;
        }

        /** Sets {@code country} (ISO 3166-1 alpha-2); null clears it. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** Sets {@code region} (such as a cloud region {@code eu-west-1}); null clears it. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Sets {@code grid_zone} (such as {@code US-CAISO}); null clears it. */
        public Builder gridZone(String gridZone) {
            this.gridZone = gridZone;
            return this;
        }

        /** Sets {@code organization_id}; null clears it. */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /** Sets {@code team_id}; null clears it. */
        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        /** Sets {@code user_id}; null clears it. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Adds a custom attribute.
         *
         * @throws InvalidEventException if the name is malformed or names content (prompt, completion,
         *                               message, content), the value is too long or has control
         *                               characters, or there would be more than {@value #MAX_ATTRIBUTES}
         */
        public Builder attribute(String name, String value) {
            String problem = attributeNameProblem(name);
            String pointer = "/attributes/" + (name == null ? "" : name.replace("~", "~0").replace("/", "~1"));
            if (problem != null) {
                throw Checks.invalid(pointer, problem);
            }
            Objects.requireNonNull(value, "value");
            if (value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw Checks.invalid(pointer, "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            }
            Checks.noControl(value, pointer);
            if (!attributes.containsKey(name) && attributes.size() >= MAX_ATTRIBUTES) {
                throw Checks.invalid("/attributes", "at most " + MAX_ATTRIBUTES + " attributes");
            }
            attributes.put(name, value);
            return this;
        }

        /** Adds every attribute of {@code map}, each checked as by {@link #attribute(String, String)}. */
        public Builder attributes(Map<String, String> map) {
            map.forEach(this::attribute);
            return this;
        }

        /** Sets {@code tokens_in} and {@code tokens_out} to absent. */
        public Builder clearTokens() {
            tokensIn = -1;
            tokensOut = -1;
            return this;
        }

        /**
         * The event.
         *
         * @throws InvalidEventException naming the first missing or invalid field
         */
        public UsageEvent build() {
            return new UsageEvent(this);
        }
    }
}
