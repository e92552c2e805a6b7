package org.ecocalc.core.quantity;

/** What a quantity measures, and the canonical unit every amount of it is normalised to. */
public enum Dimension {
    /** Energy, electrical or thermal; canonical unit kWh. */
    ENERGY("kWh", "energy"),
    /** Volume (water, liquid fuel); canonical unit L. */
    VOLUME("L", "volume"),
    /** Mass (refrigerant, fuel, emissions); canonical unit kg. */
    MASS("kg", "mass"),
    /** Duration; canonical unit s. */
    TIME("s", "time"),
    /** Accelerator time; canonical unit GPU-h. */
    GPU_TIME("GPU-h", "GPU time"),
    /**
     * A pure number (a count or a ratio of like quantities); canonical unit {@code 1}. Used by
     * factor units such as {@code billion/unit} (model parameters) and {@code 1/billion}.
     */
    COUNT("1", "count");

    private final String canonicalSymbol;
    private final String label;

    Dimension(String canonicalSymbol, String label) {
        this.canonicalSymbol = canonicalSymbol;
        this.label = label;
    }

    /** The canonical unit of this dimension. */
    public Unit canonicalUnit() {
        return Unit.parse(canonicalSymbol);
    }

    /** A readable name ("energy", "volume", ...). */
    public String label() {
        return label;
    }
}
