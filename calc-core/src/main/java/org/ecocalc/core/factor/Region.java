package org.ecocalc.core.factor;

import java.util.Objects;

/**
 * Where a factor applies: a level and a code at that level ({@code grid_zone CAMX},
 * {@code country DE}, {@code region EU}, {@code global WORLD}).
 *
 * @param level the geographic level
 * @param code  the code at that level; matched exactly (case-sensitive)
 * @param name  a readable name, or null
 */
public record Region(RegionLevel level, String code, String name) {
    public Region {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        if (code.isEmpty()) {
            throw new IllegalArgumentException("region code must not be empty");
        }
    }

    /** A region without a readable name. */
    public static Region of(RegionLevel level, String code) {
        return new Region(level, code, null);
    }

    @Override
    public String toString() {
        return level.id() + " " + code;
    }
}
