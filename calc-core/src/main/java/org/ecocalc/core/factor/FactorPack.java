package org.ecocalc.core.factor;

import java.util.List;
import java.util.Objects;

/**
 * One version of a factor pack: versioned, cited factor data with its licence and digest, as
 * loaded and checked by {@link FactorPacks}. Immutable. The format is
 * {@code docs/schemas/factor-pack.v1.json}; {@code docs/factor-packs.md} describes it.
 *
 * <p>A pack is identified by {@link #ref()}: id, version and the digest of its canonical JSON.
 * Versions are immutable: a corrected value is published as a new version, and every version a
 * {@link FactorLibrary} loaded stays available.
 */
public final class FactorPack {
    private final PackRef ref;
    private final String title;
    private final String publisher;
    private final String maintainer;
    private final Licence licence;
    private final boolean citationOnly;
    private final String notes;
    private final List<PackSource> sources;
    private final List<Factor> factors;
    private final List<GwpValue> gwpValues;
    private final List<GwpBlend> blends;

    FactorPack(PackRef ref, String title, String publisher, String maintainer, Licence licence,
            boolean citationOnly, String notes, List<PackSource> sources, List<Factor> factors,
            List<GwpValue> gwpValues, List<GwpBlend> blends) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.title = Objects.requireNonNull(title, "title");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.maintainer = maintainer;
        this.licence = Objects.requireNonNull(licence, "licence");
        this.citationOnly = citationOnly;
        this.notes = notes;
        this.sources = List.copyOf(sources);
        this.factors = List.copyOf(factors);
        this.gwpValues = List.copyOf(gwpValues);
        this.blends = List.copyOf(blends);
    }

    /** Id, version and digest. */
    public PackRef ref() {
        return ref;
    }

    /** The pack id. */
    public String packId() {
        return ref.packId();
    }

    /** The pack's semantic version. */
    public String version() {
        return ref.version();
    }

    /** {@code sha256:} of the canonical JSON without the digest member (checked on load). */
    public String digest() {
        return ref.digest();
    }

    /** A readable title. */
    public String title() {
        return title;
    }

    /** Who publishes the underlying data. */
    public String publisher() {
        return publisher;
    }

    /** Who assembled the pack, or null. */
    public String maintainer() {
        return maintainer;
    }

    /** The licence of the data. */
    public Licence licence() {
        return licence;
    }

    /**
     * Whether the pack only names factors and their sources, without values (for licensed data such
     * as DEFRA or ecoinvent that the user must bring). Such a pack is reported, never used for a number.
     */
    public boolean isCitationOnly() {
        return citationOnly;
    }

    /** Free text, or null. */
    public String notes() {
        return notes;
    }

    /** The publications cited. */
    public List<PackSource> sources() {
        return sources;
    }

    /** The factors, in the pack's order. */
    public List<Factor> factors() {
        return factors;
    }

    /** The GWP values, in the pack's order (empty for most packs). */
    public List<GwpValue> gwpValues() {
        return gwpValues;
    }

    /** The refrigerant blends (empty for most packs). */
    public List<GwpBlend> blends() {
        return blends;
    }

    /** How many values the pack carries (factors with a value plus GWP values). */
    public int valueCount() {
        int n = gwpValues.size();
        for (Factor f : factors) {
            if (f.hasValue()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorPack p && ref.equals(p.ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "FactorPack[" + ref.idAtVersion() + ", " + ref.digest() + (citationOnly ? ", citation-only" : "")
                + ", " + factors.size() + " factors, " + gwpValues.size() + " GWP values]";
    }
}
