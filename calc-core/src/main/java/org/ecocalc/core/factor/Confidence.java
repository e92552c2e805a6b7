package org.ecocalc.core.factor;

import java.util.Locale;

/**
 * How far a factor, or a factor selection, can be trusted. Ordered from best to worst:
 * {@code HIGH.compareTo(LOW) < 0}.
 */
public enum Confidence {
    /** Read from the publisher's own file and used for the place and time it was published for. */
    HIGH,
    /** A second-hand transcription, a coarser match, or a value used outside its dates. */
    MEDIUM,
    /** An illustrative value, a global or fallback match, or several weaknesses at once. */
    LOW;

    /** The lower-case id used in JSON ({@code "high"}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The confidence with this id. */
    public static Confidence fromId(String id) {
        for (Confidence c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown confidence: " + id);
    }

    /** The worse of this and {@code other}. */
    public Confidence atMost(Confidence other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** One step worse ({@code HIGH} to {@code MEDIUM}, {@code MEDIUM} to {@code LOW}); {@code LOW} stays. */
    public Confidence lower() {
        return this == HIGH ? MEDIUM : LOW;
    }
}
