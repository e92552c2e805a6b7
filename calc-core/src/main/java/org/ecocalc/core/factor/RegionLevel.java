package org.ecocalc.core.factor;

import java.util.Locale;

/**
 * The geographic level a factor is published for, from the most specific to the least. A grid
 * zone (an eGRID subregion, an Electricity Maps zone) is finer than a country; a region is a group
 * of countries such as {@code EU}; {@code GLOBAL} is a world average; {@code FALLBACK} marks a
 * value to be used only when nothing else matches (always low confidence).
 */
public enum RegionLevel {
    /** One facility (a supplier-specific or measured factor). */
    FACILITY,
    /** An electricity grid zone inside a country, such as eGRID subregion {@code CAMX}. */
    GRID_ZONE,
    /** An ISO 3166-1 alpha-2 country. */
    COUNTRY,
    /** A group of countries, such as {@code EU}. */
    REGION,
    /** The world. */
    GLOBAL,
    /** A last-resort default. */
    FALLBACK;

    /** The lower-case id used in JSON ({@code "grid_zone"}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level with this id. */
    public static RegionLevel fromId(String id) {
        for (RegionLevel l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown region level: " + id);
    }
}
