package org.ecocalc.sdk;

import java.util.List;

/** The unit symbols the schemas accept, per kind of amount (kept apart so that class initialisation has no cycle). */
final class Units {
    static final List<String> ENERGY = List.of("Wh", "kWh", "MWh", "GWh", "MJ", "GJ", "TJ", "MMBtu", "mmBtu",
            "MMBTU", "mmbtu", "therm", "thm", "TRh", "ton-hour");
    static final List<String> VOLUME = List.of("mL", "L", "l", "m3", "m³", "gal", "US gal", "gal_us", "kgal");
    static final List<String> GPU_TIME = List.of("GPU-h", "GPU·h", "GPU-s", "GPU·s");

    private Units() {
    }
}
