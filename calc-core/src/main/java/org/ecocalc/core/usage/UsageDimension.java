package org.ecocalc.core.usage;

import java.util.Locale;

/** A dimension usage impacts can be grouped by (time is the grouping's {@link org.ecocalc.core.ReportingPeriod}). */
public enum UsageDimension {
    /** The event's {@code organization_id}. */
    ORGANISATION("organisation"),
    /** The event's {@code team_id}. */
    TEAM("team"),
    /** The event's {@code user_id}. */
    USER("user"),
    /** The event's {@code provider}. */
    PROVIDER("provider"),
    /** The event's {@code model} (as written in the event). */
    MODEL("model"),
    /**
     * Where it ran: the event's {@code region}, else its {@code grid_zone}, else the country used for
     * the grid factor (the event's or the provider's default).
     */
    REGION("region");

    private final String id;

    UsageDimension(String id) {
        this.id = id;
    }

    /** The id used on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** The dimension with this id ({@code organization} is accepted for {@code organisation}), or null. */
    public static UsageDimension fromId(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        if (s.equals("organization") || s.equals("org")) {
            return ORGANISATION;
        }
        for (UsageDimension d : values()) {
            if (d.id.equals(s)) {
                return d;
            }
        }
        return null;
    }

    /** This dimension's value for an impact, or null when the event has none. */
    public String valueOf(UsageImpact i) {
        UsageEvent e = i.event();
        switch (this) {
            case ORGANISATION: return e.organizationId();
            case TEAM: return e.teamId();
            case USER: return e.userId();
            case PROVIDER: return e.provider();
            case MODEL: return e.model();
            case REGION: return i.regionKey();
            default: throw new AssertionError(this);
        }
    }
}
