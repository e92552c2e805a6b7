package org.ecocalc.core.usage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ecocalc.core.carbon.FactorUse;

/**
 * The energy, water and carbon of one {@link UsageEvent}, each with low, central and high values
 * ({@link Estimate}), or not computable with the reason (never a partial number), and its lineage:
 * every factor and model parameter used (with citation, selection trace and range), the grid factors
 * behind the carbon, flags and notes. Built by {@link UsageCalculator}; the formulas are in
 * {@code docs/methodology.md}, "AI usage impact".
 */
public final class UsageImpact {
    private final UsageEvent event;
    private final String regionKey;
    private final String sizeClass;
    private final Estimate gpus;
    private final Map<ImpactPart, Estimate> estimates;
    private final Map<ImpactPart, String> reasons;
    private final Set<UsageFlag> flags;
    private final List<String> notes;
    private final List<ParameterUse> parameters;
    private final List<FactorUse> gridFactors;

    UsageImpact(UsageEvent event, String regionKey, String sizeClass, Estimate gpus, Map<ImpactPart, Estimate> estimates,
            Map<ImpactPart, String> reasons, Set<UsageFlag> flags, List<String> notes, List<ParameterUse> parameters,
            List<FactorUse> gridFactors) {
        this.event = Objects.requireNonNull(event, "event");
        this.regionKey = regionKey;
        this.sizeClass = sizeClass;
        this.gpus = gpus;
        EnumMap<ImpactPart, Estimate> e = new EnumMap<>(ImpactPart.class);
        e.putAll(estimates);
        EnumMap<ImpactPart, String> r = new EnumMap<>(ImpactPart.class);
        r.putAll(reasons);
        for (ImpactPart p : ImpactPart.values()) {
            if (e.containsKey(p) == r.containsKey(p)) {
                throw new IllegalArgumentException(p.id() + " has either an estimate or a reason");
            }
        }
        this.estimates = Collections.unmodifiableMap(e);
        this.reasons = Collections.unmodifiableMap(r);
        EnumSet<UsageFlag> f = EnumSet.noneOf(UsageFlag.class);
        f.addAll(flags);
        this.flags = Collections.unmodifiableSet(f);
        this.notes = List.copyOf(notes);
        this.parameters = List.copyOf(parameters);
        this.gridFactors = List.copyOf(gridFactors);
    }

    /** The event. */
    public UsageEvent event() {
        return event;
    }

    /**
     * The region the impact is grouped under: the event's region, else its grid zone, else the
     * country used (the event's or the provider's default); null when none is known.
     */
    public String regionKey() {
        return regionKey;
    }

    /** The size class used for a model no pack knows, or null when the model's own parameters were used. */
    public String sizeClass() {
        return sizeClass;
    }

    /** The GPUs an LLM call was allocated (low, central, high), or null (GPU jobs, or not computed). */
    public Estimate gpus() {
        return gpus;
    }

    /** The estimate of a part, or null when it could not be computed ({@link #reason(ImpactPart)} says why). */
    public Estimate estimate(ImpactPart part) {
        return estimates.get(part);
    }

    /** Why a part could not be computed, or null when it was. */
    public String reason(ImpactPart part) {
        return reasons.get(part);
    }

    /** Whether a part was computed. */
    public boolean isComputed(ImpactPart part) {
        return estimates.containsKey(part);
    }

    /** The energy in kWh, or null. */
    public Estimate energyKwh() {
        return estimates.get(ImpactPart.ENERGY);
    }

    /** The water in L, or null. */
    public Estimate waterL() {
        return estimates.get(ImpactPart.WATER);
    }

    /** Operational plus embodied carbon in kg CO2e, or null. */
    public Estimate carbonKgCo2e() {
        return estimates.get(ImpactPart.CARBON);
    }

    /** The flags, in declaration order. */
    public Set<UsageFlag> flags() {
        return flags;
    }

    /** Notes that qualify the values (a GWP-set mismatch of the grid factor, a missing range), sorted. */
    public List<String> notes() {
        return notes;
    }

    /** The model parameters and factors used, in the order applied. */
    public List<ParameterUse> parameters() {
        return parameters;
    }

    /** The grid factors behind the operational carbon (and the GWP table when gases were combined). */
    public List<FactorUse> gridFactors() {
        return gridFactors;
    }

    @Override
    public String toString() {
        return "UsageImpact[" + event.key() + ", energy " + describe(ImpactPart.ENERGY) + ", water "
                + describe(ImpactPart.WATER) + ", carbon " + describe(ImpactPart.CARBON) + ", flags " + flags + "]";
    }

    private String describe(ImpactPart p) {
        Estimate e = estimates.get(p);
        return e != null ? e + " " + p.unit() : "not computable (" + reasons.get(p) + ")";
    }
}
