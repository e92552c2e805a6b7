package org.ecocalc.core;

import java.util.Locale;

/** Which Scope 2 methods are reported (GHG Protocol Scope 2 Guidance, chapter 7: dual reporting). */
public enum Scope2Method {
    /** Location-based only: grid-average (or time-of-use) intensity. */
    LOCATION,
    /** Market-based only: contractual instruments, then residual mix, then grid average. */
    MARKET,
    /** Both, as the Guidance requires wherever contractual instruments exist: the default. */
    BOTH;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether location-based results are computed. */
    public boolean location() {
        return this != MARKET;
    }

    /** Whether market-based results are computed. */
    public boolean market() {
        return this != LOCATION;
    }
}
