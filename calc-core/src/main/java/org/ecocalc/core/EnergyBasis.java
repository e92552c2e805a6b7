package org.ecocalc.core;

import java.util.Locale;

/** Which energy total the per-workload energy metrics divide (kWh per GPU-hour, per run, per request). */
public enum EnergyBasis {
    /** Total facility energy, overheads included: the default. */
    FACILITY,
    /** IT equipment energy only. */
    IT;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
