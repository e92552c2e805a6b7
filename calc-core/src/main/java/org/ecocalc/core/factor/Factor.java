package org.ecocalc.core.factor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Quantity;
import org.ecocalc.core.quantity.Unit;
import org.ecocalc.core.quantity.UnitException;

/**
 * One factor of a {@link FactorPack}: a value with its unit as published, where and when it
 * applies, the gas it is for and where it comes from. Immutable; created only by loading a pack.
 *
 * <p><b>Validity.</b> Dates are calendar days in UTC. The factor applies from the start of
 * {@link #effectiveDate()} (inclusive) to the start of {@link #expiryDate()} (exclusive); without an
 * expiry date it is open-ended. An activity interval {@code [start, end)} is covered when it lies
 * entirely inside that range.
 *
 * <p><b>Values.</b> The value is held exactly as published ({@code 429.983} in {@code lb/MWh}), never
 * pre-converted. {@link #apply(Quantity)} multiplies in published units with exact rational
 * arithmetic and at most one rounding ({@link Decimals#MATH_CONTEXT}); {@link #valueInCanonicalUnits()}
 * gives kg per kWh and the like, exactly for every lb/MWh, g/kWh and kg/TJ value (1 lb = 0.45359237 kg
 * exactly). A factor of a citation-only pack has no value.
 */
public final class Factor {
    private final PackRef pack;
    private final String factorId;
    private final int version;
    private final LocalDate effectiveDate;
    private final LocalDate expiryDate;
    /** The validity as instants, computed once (selection compares them for every candidate). */
    private final Instant validFrom;
    private final Instant validUntil;
    private final String scope;
    private final String category;
    private final String activityType;
    private final Region region;
    private final Gas gas;
    private final BigDecimal value;
    private final FactorUnit unit;
    private final String gwpSetId;
    private final BigDecimal uncertaintyPct;
    private final Provenance provenance;
    private final String heatingValueBasis;
    private final BigDecimal valueLow;
    private final BigDecimal valueHigh;
    /** {@link #reference()} and the validity as the selector's trace writes it, made once. */
    private final String reference;
    private final String validityText;

    Factor(PackRef pack, String factorId, int version, LocalDate effectiveDate, LocalDate expiryDate,
            String scope, String category, String activityType, Region region, Gas gas, BigDecimal value,
            FactorUnit unit, String gwpSetId, BigDecimal uncertaintyPct, Provenance provenance) {
        this(pack, factorId, version, effectiveDate, expiryDate, scope, category, activityType, region, gas, value, unit,
                gwpSetId, uncertaintyPct, provenance, null);
    }

    Factor(PackRef pack, String factorId, int version, LocalDate effectiveDate, LocalDate expiryDate,
            String scope, String category, String activityType, Region region, Gas gas, BigDecimal value,
            FactorUnit unit, String gwpSetId, BigDecimal uncertaintyPct, Provenance provenance,
            String heatingValueBasis) {
        this(pack, factorId, version, effectiveDate, expiryDate, scope, category, activityType, region, gas, value, unit,
                gwpSetId, uncertaintyPct, provenance, heatingValueBasis, null, null);
    }

    Factor(PackRef pack, String factorId, int version, LocalDate effectiveDate, LocalDate expiryDate,
            String scope, String category, String activityType, Region region, Gas gas, BigDecimal value,
            FactorUnit unit, String gwpSetId, BigDecimal uncertaintyPct, Provenance provenance,
            String heatingValueBasis, BigDecimal valueLow, BigDecimal valueHigh) {
        if ((valueLow == null) != (valueHigh == null)) {
            throw new IllegalArgumentException("a range needs both ends");
        }
        this.valueLow = valueLow == null ? null : Decimals.normalize(valueLow);
        this.valueHigh = valueHigh == null ? null : Decimals.normalize(valueHigh);
        this.heatingValueBasis = heatingValueBasis;
        this.pack = Objects.requireNonNull(pack, "pack");
        this.factorId = Objects.requireNonNull(factorId, "factorId");
        this.version = version;
        this.effectiveDate = Objects.requireNonNull(effectiveDate, "effectiveDate");
        this.expiryDate = expiryDate;
        this.validFrom = effectiveDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.validUntil = expiryDate == null ? null : expiryDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.scope = Objects.requireNonNull(scope, "scope");
        this.category = Objects.requireNonNull(category, "category");
        this.activityType = Objects.requireNonNull(activityType, "activityType");
        this.region = Objects.requireNonNull(region, "region");
        this.gas = gas;
        this.value = value == null ? null : Decimals.normalize(value);
        this.unit = Objects.requireNonNull(unit, "unit");
        this.gwpSetId = gwpSetId;
        this.uncertaintyPct = uncertaintyPct;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.reference = pack.idAtVersion() + ":" + factorId + "@" + version;
        this.validityText = "valid " + effectiveDate + " to "
                + (expiryDate == null ? "open end" : expiryDate + " (exclusive)");
    }

    /** The selector's trace line for this factor's validity ("valid 2024-01-01 to 2025-01-01 (exclusive)"). */
    String validityText() {
        return validityText;
    }

    /** The pack (id, version, digest) this factor was loaded from. */
    public PackRef pack() {
        return pack;
    }

    /** The factor id, stable across versions. */
    public String factorId() {
        return factorId;
    }

    /** The factor's version (1, 2, ...). */
    public int version() {
        return version;
    }

    /** The first day the factor applies (inclusive). */
    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** The first day the factor no longer applies (exclusive), or null when open-ended. */
    public LocalDate expiryDate() {
        return expiryDate;
    }

    /** {@code scope1}, {@code scope2}, {@code scope3} or {@code none}. */
    public String scope() {
        return scope;
    }

    /**
     * {@code electricity}, {@code stationary_combustion}, {@code heat_content}, {@code embodied},
     * {@code refrigerant}, {@code ai_inference} (a parameter of the AI usage impact model) or
     * {@code water} (a water intensity).
     */
    public String category() {
        return category;
    }

    /** The activity the factor multiplies, such as {@code grid_electricity} or {@code distillate_fuel_oil_no2}. */
    public String activityType() {
        return activityType;
    }

    /** Where the factor applies. */
    public Region region() {
        return region;
    }

    /** The gas, or null for a factor that is not an emission (a heat content, a model parameter, a water intensity). */
    public Gas gas() {
        return gas;
    }

    /** Whether the factor carries a value (false in a citation-only pack). */
    public boolean hasValue() {
        return value != null;
    }

    /** The value as published, in {@link #unit()}, or null in a citation-only pack. */
    public BigDecimal value() {
        return value;
    }

    /** Whether the pack publishes a range ({@code value_low}, {@code value_high}) around the value. */
    public boolean hasRange() {
        return valueLow != null;
    }

    /**
     * The low end of the published range, in {@link #unit()}, or {@link #value()} when no range is
     * published (a point value).
     */
    public BigDecimal valueLow() {
        return valueLow != null ? valueLow : value;
    }

    /**
     * The high end of the published range, in {@link #unit()}, or {@link #value()} when no range is
     * published (a point value).
     */
    public BigDecimal valueHigh() {
        return valueHigh != null ? valueHigh : value;
    }

    /** The unit as published. */
    public FactorUnit unit() {
        return unit;
    }

    /**
     * For a {@code co2e} factor, the GWP set it was computed with as the source states it:
     * {@code "AR4"}, {@code "AR5"}, {@code "AR6"} or {@code "unknown"}; null for other gases.
     */
    public String gwpSetId() {
        return gwpSetId;
    }

    /** The GWP set of a {@code co2e} factor when the source states it; empty when unknown or not co2e. */
    public Optional<GwpSet> gwpSet() {
        return gwpSetId == null || gwpSetId.equals("unknown") ? Optional.empty() : Optional.of(GwpSet.fromId(gwpSetId));
    }

    /** The published uncertainty in percent (half-width of the range), or null when none is published. */
    public BigDecimal uncertaintyPct() {
        return uncertaintyPct;
    }

    /**
     * For combustion and heat-content factors: {@code "hhv"} (higher heating value, US EPA) or
     * {@code "ncv"} (net calorific value, IPCC); null when the pack does not say.
     */
    public String heatingValueBasis() {
        return heatingValueBasis;
    }

    /** Source, confidence and flags. */
    public Provenance provenance() {
        return provenance;
    }

    /** The pack author's confidence in the value. */
    public Confidence confidence() {
        return provenance.confidence();
    }

    /** The first instant the factor applies: the start of {@link #effectiveDate()} in UTC. */
    public Instant validFrom() {
        return validFrom;
    }

    /** The first instant the factor no longer applies, or null when open-ended. */
    public Instant validUntil() {
        return validUntil;
    }

    /** Whether {@code [start, end)} lies entirely within the factor's validity. */
    public boolean covers(Instant start, Instant end) {
        Instant until = validUntil();
        return !start.isBefore(validFrom()) && (until == null || !end.isAfter(until));
    }

    /**
     * The gap in seconds between {@code [start, end)} and the factor's validity: 0 when they
     * overlap, else the distance between the nearer ends.
     */
    public long secondsApart(Instant start, Instant end) {
        Instant from = validFrom();
        Instant until = validUntil();
        if (!end.isAfter(from)) {
            return from.getEpochSecond() - end.getEpochSecond();
        }
        if (until != null && !start.isBefore(until)) {
            return start.getEpochSecond() - until.getEpochSecond();
        }
        return 0;
    }

    /**
     * The value in canonical units: kg per kWh, kg per L, kg per kg, kWh per L, kg per item, ...
     * Exact when the result terminates within 34 significant digits (every lb/MWh, g/kWh and
     * kg/TJ value does); otherwise rounded once with {@link Decimals#MATH_CONTEXT}.
     *
     * @throws IllegalStateException for a factor without a value
     */
    public BigDecimal valueInCanonicalUnits() {
        BigDecimal[] r = unit.toCanonicalRatio();
        return Decimals.divide(requireValue().multiply(r[0]), r[1]);
    }

    /**
     * {@link #valueLow()} in canonical units, converted like {@link #valueInCanonicalUnits()}.
     *
     * @throws IllegalStateException for a factor without a value
     */
    public BigDecimal valueLowInCanonicalUnits() {
        requireValue();
        BigDecimal[] r = unit.toCanonicalRatio();
        return Decimals.divide(valueLow().multiply(r[0]), r[1]);
    }

    /**
     * {@link #valueHigh()} in canonical units, converted like {@link #valueInCanonicalUnits()}.
     *
     * @throws IllegalStateException for a factor without a value
     */
    public BigDecimal valueHighInCanonicalUnits() {
        requireValue();
        BigDecimal[] r = unit.toCanonicalRatio();
        return Decimals.divide(valueHigh().multiply(r[0]), r[1]);
    }

    /**
     * Multiplies an activity by this factor, in the unit of the factor's numerator as published:
     * {@code 1000 MWh × 429.983 lb/MWh = 429983 lb}; {@code 1000 gal × 0.138 mmBtu/gal = 138 mmBtu}.
     * The activity is converted to the factor's denominator unit and multiplied in one exact
     * fraction, divided once with {@link Decimals#MATH_CONTEXT}; the result is exact whenever that
     * fraction terminates (always when the activity is already in the denominator unit, or the
     * conversion is a power of ten or an exact ratio such as L to gal). Chain factors in published
     * units (fuel volume, then energy, then mass) and convert to kg last with
     * {@link Quantity#toCanonical()} (exact for lb, g, t).
     *
     * @throws UnitException        ({@link ErrorCode#UNIT_DIMENSION_MISMATCH}) if the activity is
     *                              not of the dimension of the unit's denominator, or the factor is per item
     * @throws IllegalStateException for a factor without a value
     */
    public Quantity apply(Quantity activity) {
        Objects.requireNonNull(activity, "activity");
        if (unit.isPerItem()) {
            throw new UnitException(ErrorCode.UNIT_DIMENSION_MISMATCH, "factor " + factorId
                    + " is per item (" + unit + "); use applyPerItem(count)");
        }
        Unit den = unit.denominator();
        if (activity.dimension() != den.dimension()) {
            throw new UnitException(ErrorCode.UNIT_DIMENSION_MISMATCH, "factor " + factorId + " is per "
                    + den.symbol() + " (" + den.dimension().label() + "), but the activity is in "
                    + activity.unit().symbol() + " (" + activity.dimension().label() + ")");
        }
        // activity in den = a × (au.num / au.den) × (den.den / den.num); result = that × v
        Unit au = activity.unit();
        BigDecimal numerator = activity.value().multiply(au.numerator()).multiply(den.denominator())
                .multiply(requireValue());
        BigDecimal denominator = au.denominator().multiply(den.numerator());
        return Quantity.of(Decimals.divide(numerator, denominator), unit.numerator());
    }

    /**
     * Multiplies a count of items by a per-item factor (embodied carbon per server), in the
     * numerator's unit as published.
     *
     * @throws UnitException ({@link ErrorCode#UNIT_DIMENSION_MISMATCH}) if the factor is not per item
     */
    public Quantity applyPerItem(BigDecimal count) {
        Objects.requireNonNull(count, "count");
        if (!unit.isPerItem()) {
            throw new UnitException(ErrorCode.UNIT_DIMENSION_MISMATCH, "factor " + factorId + " is per "
                    + unit.denominator().symbol() + ", not per item");
        }
        return Quantity.of(count.multiply(requireValue()), unit.numerator());
    }

    private BigDecimal requireValue() {
        if (value == null) {
            throw new IllegalStateException("factor " + reference() + " has no value (citation-only pack "
                    + pack.idAtVersion() + ")");
        }
        return value;
    }

    /** {@code packId@version:factorId@v}: names this factor unambiguously in traces and lineage. */
    public String reference() {
        return reference;
    }

    /** Equal when loaded from the same pack (id, version, digest) with the same id and version. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Factor f && pack.equals(f.pack) && factorId.equals(f.factorId) && version == f.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pack, factorId, version);
    }

    @Override
    public String toString() {
        return reference() + " [" + region + ", " + (gas == null ? "-" : gas.id()) + ", "
                + (value == null ? "no value" : Decimals.toCanonicalString(value)) + " " + unit + "]";
    }
}
