package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ecocalc.core.MethodSettings;
import org.ecocalc.core.carbon.CarbonContext;
import org.ecocalc.core.carbon.FactorUse;
import org.ecocalc.core.factor.Factor;
import org.ecocalc.core.factor.FactorQuery;
import org.ecocalc.core.factor.FactorSelection;
import org.ecocalc.core.factor.Gas;
import org.ecocalc.core.factor.MatchLevel;
import org.ecocalc.core.factor.Region;
import org.ecocalc.core.factor.RegionLevel;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.report.GridRate;

/**
 * The AI usage impact model: from a {@link UsageEvent} to energy, water and carbon, each with low,
 * central and high values ({@code docs/methodology.md}, "AI usage impact"). Every parameter is a
 * factor chosen by the one {@link org.ecocalc.core.factor.FactorSelector} of the
 * {@link CarbonContext} (activity types in {@link AiInference}), so factor validity dates and approved
 * overrides apply to model parameters, provider PUE and WUE, accelerator power and grid intensities
 * alike; the grid intensity follows the location-based Scope 2 rule of telemetry ({@link GridRate}).
 *
 * <h2>LLM call (EcoLogits' model, evaluated at its fixed batch size)</h2>
 * <pre>
 * GPUs      = 2^⌈log2 ⌈g × P_total⌉⌉                       (at least 1)
 * e_token   = GPUs × (s_E × P_active + i_E)                 GPU energy per output token
 *           + GPUs × (s_L × P_active + i_L) × W_server / 3600   server share (latency × power)
 * E_IT      = tokens_out × e_token + overhead
 * energy    = E_IT × PUE
 * water     = E_IT × (WUE_on-site + PUE × WUE_electricity)
 * operational carbon = energy × grid intensity
 * embodied  = tokens_out × GPUs × (s_L × P_active + i_L) × M / 3600
 * </pre>
 * <h2>GPU job</h2>
 * <pre>
 * E_IT      = measured energy, or GPU-seconds × (P_GPU + P_host) / 3600
 * energy, water, operational carbon as above;  embodied = GPU-seconds × M_GPU / 3600
 * </pre>
 *
 * <h2>Ranges</h2>
 * Every input has a low and a high end (the pack's {@code value_low}/{@code value_high}, or
 * ± {@code uncertainty_pct}, or the value itself). Every formula above is non-decreasing in every
 * input and all inputs are non-negative, so the low result is the formula at all low ends and the high
 * result at all high ends (interval arithmetic), and the central result is the formula at the central
 * values. Each result is rounded at most twice (the two divisions by 3600, decimal128 half-even),
 * and rounding is monotone, so {@code low ≤ central ≤ high} always holds.
 *
 * <p>Instances are immutable and thread-safe (selections are memoised by the context).
 */
public final class UsageCalculator {
    /** Input tokens from which an LLM call is flagged {@link UsageFlag#LONG_INPUT}: {@value}. */
    public static final long LONG_INPUT_TOKENS = 10_000;
    /** The event attribute that names a size class for a model no pack knows: {@value}. */
    public static final String SIZE_CLASS_ATTRIBUTE = "model_size_class";

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private final CarbonContext context;
    private final MethodSettings settings;

    private UsageCalculator(CarbonContext context, MethodSettings settings) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A calculator over a context with the default settings (GWP AR6, 100 years). */
    public static UsageCalculator of(CarbonContext context) {
        return new UsageCalculator(context, MethodSettings.defaults());
    }

    /**
     * A calculator over a context. Of the settings only the GWP set and horizon are read (for grid
     * factors published per gas) and the organisation id (for organisation-scoped overrides of events
     * that name none).
     */
    public static UsageCalculator of(CarbonContext context, MethodSettings settings) {
        return new UsageCalculator(context, settings);
    }

    /** The factor context. */
    public CarbonContext context() {
        return context;
    }

    /** The settings. */
    public MethodSettings settings() {
        return settings;
    }

    /** The impact of one event. Never throws for a valid event: what cannot be computed says why. */
    public UsageImpact impact(UsageEvent event) {
        return new Run(Objects.requireNonNull(event, "event")).compute();
    }

    /** A factor's value as low, central and high, in canonical units. */
    static Estimate bounds(Factor f) {
        BigDecimal c = f.valueInCanonicalUnits();
        if (f.hasRange()) {
            return Estimate.of(f.valueLowInCanonicalUnits(), c, f.valueHighInCanonicalUnits());
        }
        BigDecimal u = f.uncertaintyPct();
        if (u != null && u.signum() > 0) {
            BigDecimal d = Decimals.divide(c.multiply(u), HUNDRED);
            return Estimate.of(c.subtract(d).max(BigDecimal.ZERO), c, c.add(d));
        }
        return Estimate.point(c);
    }

    /** {@code 2^⌈log2 n⌉} for {@code n = ⌈x⌉}, at least 1: EcoLogits' GPU count rounded up to a power of two. */
    static BigDecimal gpuCount(BigDecimal x) {
        BigInteger n = x.setScale(0, RoundingMode.CEILING).toBigInteger();
        if (n.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int bits = n.subtract(BigInteger.ONE).bitLength();
        return new BigDecimal(BigInteger.ONE.shiftLeft(bits));
    }

    /** One event's calculation. */
    private final class Run {
        final UsageEvent e;
        final Instant from;
        final Instant to;
        final String organisation;
        final String activity;
        final EnumSet<UsageFlag> flags = EnumSet.noneOf(UsageFlag.class);
        final TreeSet<String> notes = new TreeSet<>();
        final List<ParameterUse> params = new ArrayList<>();
        final Map<ImpactPart, Estimate> estimates = new EnumMap<>(ImpactPart.class);
        final Map<ImpactPart, String> reasons = new EnumMap<>(ImpactPart.class);
        String country;
        String gridZone;
        String region;
        String sizeClass;
        Estimate gpus;
        List<FactorUse> gridUses = List.of();

        Run(UsageEvent e) {
            this.e = e;
            this.from = day(e.startedAt());
            Instant end = e.endedAt() != null ? e.endedAt() : e.startedAt();
            Instant t = day(end);
            this.to = t.isBefore(end) || !t.isAfter(from) ? t.plusSeconds(86_400) : t;
            this.organisation = e.organizationId() != null ? e.organizationId() : settings.organisationId();
            this.activity = e.region() != null ? "region:" + e.region() : null;
            this.country = e.country();
            this.gridZone = e.gridZone();
            this.region = e.region();
        }

        UsageImpact compute() {
            if (!context.hasFactors()) {
                return notComputable("no factor packs loaded");
            }
            resolveLocation();
            Estimate it;
            Estimate embodied = null;
            String embodiedMissing = null;
            if (e.kind() == UsageKind.LLM_CALL) {
                Llm l = llm();
                it = l.it;
                embodied = l.embodied;
                embodiedMissing = l.embodiedMissing;
                if (it == null) {
                    return notComputable(l.missing);
                }
            } else {
                Job j = job();
                if (j.it == null) {
                    return notComputable(j.missing);
                }
                it = j.it;
                embodied = j.embodied;
                embodiedMissing = j.embodiedMissing;
            }
            Estimate pue = pue();
            if (pue == null) {
                return notComputable("no PUE for " + site() + ": add a " + AiInference.DATACENTER_PUE + " or "
                        + AiInference.PROVIDER_PUE + "<provider> factor");
            }
            Estimate energy = times(it, pue);
            estimates.put(ImpactPart.ENERGY, energy);
            water(it, pue);
            if (embodied != null) {
                estimates.put(ImpactPart.CARBON_EMBODIED, embodied);
            } else {
                reasons.put(ImpactPart.CARBON_EMBODIED, embodiedMissing);
                flags.add(UsageFlag.EMBODIED_NOT_COUNTED);
            }
            GridRate rate = GridRate.select(context, settings, this::gridQuery, place());
            if (!rate.isFound()) {
                reasons.put(ImpactPart.CARBON_OPERATIONAL, rate.missing());
                reasons.put(ImpactPart.CARBON, rate.missing());
            } else {
                gridUses = rate.uses();
                notes.addAll(rate.notes());
                Estimate ef = gridBounds(rate);
                Estimate op = times(energy, ef);
                estimates.put(ImpactPart.CARBON_OPERATIONAL, op);
                estimates.put(ImpactPart.CARBON, embodied == null ? op : op.plus(embodied));
            }
            for (FactorUse u : gridUses) {
                if (u.level() != null && u.level().equals(MatchLevel.OVERRIDE.id())) {
                    flags.add(UsageFlag.OVERRIDE_USED);
                }
                for (String t : u.trace()) {
                    if (t.startsWith("FLAG: none of")) {
                        flags.add(UsageFlag.FACTOR_DATE_FLAGGED);
                    }
                }
            }
            return build();
        }

        private UsageImpact notComputable(String why) {
            for (ImpactPart p : ImpactPart.values()) {
                reasons.put(p, why);
            }
            estimates.clear();
            return build();
        }

        private UsageImpact build() {
            String key = e.region() != null ? e.region() : e.gridZone() != null ? e.gridZone()
                    : country != null ? country : gridZone != null ? gridZone : region;
            return new UsageImpact(e, key, sizeClass, gpus, estimates, reasons, flags, new ArrayList<>(notes), params,
                    gridUses);
        }

        // ------------------------------------------------------------ place

        private void resolveLocation() {
            if (country != null || gridZone != null || region != null || e.facilityId() != null) {
                return;
            }
            if (e.provider() != null) {
                FactorSelection s = select(AiInference.PROVIDER_LOCATION + AiInference.providerKey(e.provider()), null,
                        false);
                if (s != null) {
                    Region r = s.factor().region();
                    boolean used = true;
                    if (r.level() == RegionLevel.GRID_ZONE) {
                        gridZone = r.code();
                    } else if (r.level() == RegionLevel.REGION) {
                        region = r.code();
                    } else if (COUNTRY.matcher(r.code()).matches()) {
                        country = r.code();
                    } else {
                        used = false;
                    }
                    if (used) {
                        use("location", s);
                        flags.add(UsageFlag.PROVIDER_DEFAULT_LOCATION);
                        return;
                    }
                }
            }
            flags.add(UsageFlag.NO_LOCATION);
        }

        private String place() {
            List<String> parts = new ArrayList<>();
            if (e.facilityId() != null) {
                parts.add("facility " + e.facilityId());
            }
            if (gridZone != null) {
                parts.add("zone " + gridZone);
            }
            if (country != null) {
                parts.add("country " + country);
            }
            if (region != null) {
                parts.add("region " + region);
            }
            return parts.isEmpty() ? "an unknown place" : String.join(", ", parts);
        }

        private String site() {
            return (e.provider() != null ? "provider " + e.provider() + ", " : "") + place();
        }

        FactorQuery gridQuery(Gas gas) {
            return query(GridRate.GRID_ELECTRICITY, gas, true);
        }

        private FactorQuery query(String activityType, Gas gas, boolean placed) {
            FactorQuery.Builder q = FactorQuery.builder(activityType, gas).interval(from, to);
            if (organisation != null) {
                q.organisation(organisation);
            }
            if (e.facilityId() != null) {
                q.facility(e.facilityId());
            }
            if (activity != null) {
                q.activity(activity);
            }
            if (placed) {
                if (gridZone != null) {
                    q.gridZone(gridZone);
                }
                if (country != null) {
                    q.country(country);
                }
                if (region != null) {
                    q.region(region);
                }
            }
            return q.build();
        }

        private FactorSelection select(String activityType, Gas gas, boolean placed) {
            return context.hasFactors() ? context.select(query(activityType, gas, placed)) : null;
        }

        /** Selects a factor, records its use and returns its bounds in canonical units, or null. */
        private Estimate param(String role, String activityType, Gas gas, boolean placed) {
            FactorSelection s = select(activityType, gas, placed);
            if (s == null) {
                return null;
            }
            use(role, s);
            return bounds(s.factor());
        }

        private void use(String role, FactorSelection s) {
            FactorUse u = FactorUse.of(role, s);
            RegionLevel level = s.factor().region().level();
            String type = s.factor().activityType();
            boolean geographic = type.equals(AiInference.ELECTRICITY_WATER) || type.equals(AiInference.DATACENTER_PUE)
                    || type.equals(AiInference.DATACENTER_WUE) || type.startsWith(AiInference.PROVIDER_LOCATION);
            if (!geographic && s.level() != MatchLevel.OVERRIDE && level == RegionLevel.GLOBAL) {
                // A model parameter applies everywhere: its confidence is the pack's, not that of a global match.
                String own = s.dateFlagged() ? s.factor().confidence().lower().id() : s.factor().confidence().id();
                u = new FactorUse(u.role(), u.reference(), u.packDigest(), u.value(), u.unit(), u.gwpSet(), u.level(),
                        own, u.citation(), u.trace(), u.records());
            }
            Factor f = s.factor();
            params.add(new ParameterUse(u, Decimals.toCanonicalString(f.valueLow()),
                    Decimals.toCanonicalString(f.valueHigh())));
            if (s.level() == MatchLevel.OVERRIDE) {
                flags.add(UsageFlag.OVERRIDE_USED);
            }
            if (s.dateFlagged()) {
                flags.add(UsageFlag.FACTOR_DATE_FLAGGED);
            }
        }

        // ------------------------------------------------------------ LLM

        private final class Llm {
            Estimate it;
            Estimate embodied;
            String missing;
            String embodiedMissing;
        }

        private Llm llm() {
            Llm out = new Llm();
            if (e.tokensOut() == null) {
                out.missing = "an llm_call needs tokens_out: the model estimates energy per output token";
                return out;
            }
            if (e.tokensIn() != null && e.tokensIn() >= LONG_INPUT_TOKENS) {
                flags.add(UsageFlag.LONG_INPUT);
            }
            String model = AiInference.modelKey(e.model());
            Estimate active = param("llm_active_parameters", AiInference.LLM_ACTIVE_PARAMETERS + model, null, false);
            Estimate total;
            if (active != null) {
                total = param("llm_total_parameters", AiInference.LLM_TOTAL_PARAMETERS + model, null, false);
            } else {
                String cls = e.attributes().get(SIZE_CLASS_ATTRIBUTE);
                String key = cls != null ? AiInference.providerKey(cls) : AiInference.UNKNOWN_CLASS;
                if (select(AiInference.LLM_ACTIVE_PARAMETERS + AiInference.SIZE_CLASS + key, null, false) == null) {
                    key = AiInference.UNKNOWN_CLASS;
                }
                active = param("llm_active_parameters", AiInference.LLM_ACTIVE_PARAMETERS + AiInference.SIZE_CLASS + key,
                        null, false);
                if (active == null) {
                    out.missing = "model " + e.model() + " is in no loaded pack and no size class \"" + key
                            + "\" is published (" + AiInference.LLM_ACTIVE_PARAMETERS + AiInference.SIZE_CLASS + key + ")";
                    return out;
                }
                sizeClass = key;
                flags.add(UsageFlag.UNKNOWN_MODEL);
                total = param("llm_total_parameters", AiInference.LLM_TOTAL_PARAMETERS + AiInference.SIZE_CLASS + key,
                        null, false);
            }
            if (total == null) {
                total = active;
                notes.add("no total parameter count for " + e.model() + ": the active count is used (a dense model)");
            }
            Estimate sE = param("gpu_energy_slope", AiInference.LLM_GPU_ENERGY_SLOPE, null, false);
            Estimate iE = param("gpu_energy_intercept", AiInference.LLM_GPU_ENERGY_INTERCEPT, null, false);
            Estimate sL = param("latency_slope", AiInference.LLM_LATENCY_SLOPE, null, false);
            Estimate iL = param("latency_intercept", AiInference.LLM_LATENCY_INTERCEPT, null, false);
            Estimate g = param("gpus_per_parameter", AiInference.LLM_GPUS_PER_PARAMETER, null, false);
            Estimate w = param("server_power", AiInference.LLM_SERVER_POWER, null, false);
            if (sE == null || iE == null || sL == null || iL == null || g == null || w == null) {
                out.missing = "the LLM energy model's coefficients are not loaded (" + AiInference.LLM_GPU_ENERGY_SLOPE
                        + ", " + AiInference.LLM_GPU_ENERGY_INTERCEPT + ", " + AiInference.LLM_LATENCY_SLOPE + ", "
                        + AiInference.LLM_LATENCY_INTERCEPT + ", " + AiInference.LLM_GPUS_PER_PARAMETER + ", "
                        + AiInference.LLM_SERVER_POWER + "; the ai-inference pack has them)";
                return out;
            }
            Estimate overhead = param("request_overhead", AiInference.LLM_REQUEST_OVERHEAD, null, false);
            Estimate m = param("embodied", AiInference.LLM_EMBODIED, Gas.CO2E, false);
            BigDecimal tokens = BigDecimal.valueOf(e.tokensOut());
            BigDecimal[] it = new BigDecimal[3];
            BigDecimal[] emb = new BigDecimal[3];
            BigDecimal[] n = new BigDecimal[3];
            for (int b = 0; b < 3; b++) {
                BigDecimal pa = active.at(b);
                n[b] = gpuCount(g.at(b).multiply(total.at(b)));
                BigDecimal gpuTok = n[b].multiply(sE.at(b).multiply(pa).add(iE.at(b)));
                BigDecimal latTok = sL.at(b).multiply(pa).add(iL.at(b));
                BigDecimal srvTok = Decimals.divide(n[b].multiply(latTok).multiply(w.at(b)), SECONDS_PER_HOUR);
                it[b] = tokens.multiply(gpuTok.add(srvTok));
                if (overhead != null) {
                    it[b] = it[b].add(overhead.at(b));
                }
                if (m != null) {
                    emb[b] = tokens.multiply(Decimals.divide(n[b].multiply(latTok).multiply(m.at(b)), SECONDS_PER_HOUR));
                }
            }
            gpus = Estimate.of(n[0], n[1], n[2]);
            out.it = Estimate.of(it[0], it[1], it[2]);
            if (m != null) {
                out.embodied = Estimate.of(emb[0], emb[1], emb[2]);
            } else {
                out.embodiedMissing = "no embodied factor for LLM serving hardware (" + AiInference.LLM_EMBODIED + ")";
            }
            return out;
        }

        // ------------------------------------------------------------ GPU job

        private final class Job {
            Estimate it;
            Estimate embodied;
            String missing;
            String embodiedMissing;
        }

        private Job job() {
            Job out = new Job();
            BigDecimal seconds = e.gpuSeconds();
            String acc = e.accelerator() == null ? null : AiInference.providerKey(e.accelerator());
            if (e.measuredEnergy() != null) {
                out.it = Estimate.point(e.measuredEnergy().value());
                flags.add(UsageFlag.MEASURED_ENERGY);
            } else if (acc == null) {
                out.missing = "a gpu_job needs measured_energy or an accelerator whose power the packs give";
                return out;
            } else {
                Estimate p = param("gpu_power", AiInference.GPU_POWER + acc, null, false);
                if (p == null) {
                    out.missing = "no power draw for accelerator " + e.accelerator() + " (" + AiInference.GPU_POWER + acc
                            + "); send measured_energy or add the factor";
                    return out;
                }
                flags.add(UsageFlag.GPU_POWER_TDP);
                Estimate host = param("gpu_host_power", AiInference.GPU_HOST_POWER + acc, null, false);
                if (host == null) {
                    flags.add(UsageFlag.HOST_POWER_NOT_COUNTED);
                    host = Estimate.ZERO;
                }
                BigDecimal[] it = new BigDecimal[3];
                for (int b = 0; b < 3; b++) {
                    it[b] = Decimals.divide(seconds.multiply(p.at(b).add(host.at(b))), SECONDS_PER_HOUR);
                }
                out.it = Estimate.of(it[0], it[1], it[2]);
            }
            Estimate m = acc == null ? null : param("embodied", AiInference.GPU_EMBODIED + acc, Gas.CO2E, false);
            if (m == null) {
                out.embodiedMissing = acc == null ? "no accelerator named: the embodied share is unknown"
                        : "no embodied factor for accelerator " + e.accelerator() + " (" + AiInference.GPU_EMBODIED + acc
                                + ")";
            } else {
                BigDecimal[] emb = new BigDecimal[3];
                for (int b = 0; b < 3; b++) {
                    emb[b] = Decimals.divide(seconds.multiply(m.at(b)), SECONDS_PER_HOUR);
                }
                out.embodied = Estimate.of(emb[0], emb[1], emb[2]);
            }
            return out;
        }

        // ------------------------------------------------------------ site: PUE, water

        /** Site-specific PUE, else the provider's, else a generic (fallback) one. */
        private Estimate pue() {
            return siteOrProvider("pue", AiInference.DATACENTER_PUE, AiInference.PROVIDER_PUE, true);
        }

        private Estimate siteOrProvider(String role, String siteActivity, String providerPrefix, boolean flagFallback) {
            FactorSelection site = select(siteActivity, null, true);
            if (site != null && site.level() != MatchLevel.GLOBAL && site.level() != MatchLevel.FALLBACK) {
                use(role, site);
                return bounds(site.factor());
            }
            if (e.provider() != null) {
                Estimate p = param(role, providerPrefix + AiInference.providerKey(e.provider()), null, false);
                if (p != null) {
                    return p;
                }
            }
            if (site != null) {
                use(role, site);
                if (flagFallback) {
                    flags.add(UsageFlag.FALLBACK_PUE);
                }
                return bounds(site.factor());
            }
            return null;
        }

        private void water(Estimate it, Estimate pue) {
            Estimate onsite = siteOrProvider("wue_onsite", AiInference.DATACENTER_WUE, AiInference.PROVIDER_WUE, false);
            if (onsite == null) {
                reasons.put(ImpactPart.WATER, "no on-site WUE for " + site() + ": add a " + AiInference.DATACENTER_WUE
                        + " or " + AiInference.PROVIDER_WUE + "<provider> factor");
                return;
            }
            Estimate offsite = param("electricity_water", AiInference.ELECTRICITY_WATER, null, true);
            if (offsite == null) {
                reasons.put(ImpactPart.WATER, "no water intensity of electricity for " + place() + " ("
                        + AiInference.ELECTRICITY_WATER + ")");
                return;
            }
            BigDecimal[] w = new BigDecimal[3];
            for (int b = 0; b < 3; b++) {
                w[b] = it.at(b).multiply(onsite.at(b).add(pue.at(b).multiply(offsite.at(b))));
            }
            estimates.put(ImpactPart.WATER, Estimate.of(w[0], w[1], w[2]));
        }

        /** The grid rate with the published uncertainty of a single published CO2e factor, if any. */
        private Estimate gridBounds(GridRate rate) {
            BigDecimal ef = rate.kgCo2ePerKwh();
            if (rate.uses().size() == 1 && rate.uses().get(0).role().endsWith("/co2e")) {
                FactorSelection s = context.select(gridQuery(Gas.CO2E));
                if (s != null && s.factor().uncertaintyPct() != null && s.factor().uncertaintyPct().signum() > 0) {
                    BigDecimal d = Decimals.divide(ef.multiply(s.factor().uncertaintyPct()), HUNDRED);
                    return Estimate.of(ef.subtract(d).max(BigDecimal.ZERO), ef, ef.add(d));
                }
            }
            return Estimate.point(ef);
        }

        private Estimate times(Estimate a, Estimate b) {
            return Estimate.of(a.low().multiply(b.low()), a.central().multiply(b.central()),
                    a.high().multiply(b.high()));
        }
    }

    /** Factors are valid by UTC day, so an event is matched by the days it touches. */
    private static Instant day(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
