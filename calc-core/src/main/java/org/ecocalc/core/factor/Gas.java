package org.ecocalc.core.factor;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A greenhouse gas, or {@code co2e} for a value already expressed as CO2 equivalent. The id is
 * lower case; refrigerants use their ASHRAE 34 / IPCC names ({@code hfc-134a}, {@code hfc-32},
 * {@code hfo-1234ze(e)}, blends as {@code r-410a}). Methane is {@code ch4} (the single value of AR4,
 * AR5 and AR6 Table 7.SM.7), or {@code ch4_fossil} / {@code ch4_non_fossil} where AR6 Table 7.15
 * gives them apart. {@link #of(String)} accepts a few common aliases ({@code R-134a}, {@code R-32},
 * {@code R-1234ze}) and returns the canonical id.
 *
 * @param id the canonical id
 */
public record Gas(String id) implements Comparable<Gas> {
    /** The pattern of a gas id. */
    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9_()-]{0,31}$";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Map<String, String> ALIASES = Map.of(
            "r-134a", "hfc-134a", "r134a", "hfc-134a",
            "r-32", "hfc-32", "r32", "hfc-32",
            "r-125", "hfc-125",
            "r-1234ze", "hfo-1234ze(e)", "r-1234ze(e)", "hfo-1234ze(e)", "hfo-1234ze", "hfo-1234ze(e)",
            "r410a", "r-410a");

    // The constants below are created after ID and ALIASES (static initialisation order).
    /** Carbon dioxide. */
    public static final Gas CO2 = new Gas("co2");
    /** Methane, origin not distinguished. */
    public static final Gas CH4 = new Gas("ch4");
    /** Methane of fossil origin (AR6 Table 7.15). */
    public static final Gas CH4_FOSSIL = new Gas("ch4_fossil");
    /** Methane of non-fossil origin (AR6 Table 7.15). */
    public static final Gas CH4_NON_FOSSIL = new Gas("ch4_non_fossil");
    /** Nitrous oxide. */
    public static final Gas N2O = new Gas("n2o");
    /** A value already in CO2 equivalent. */
    public static final Gas CO2E = new Gas("co2e");
    /** HFC-134a (R-134a). */
    public static final Gas HFC_134A = new Gas("hfc-134a");
    /** HFC-32. */
    public static final Gas HFC_32 = new Gas("hfc-32");
    /** HFC-125. */
    public static final Gas HFC_125 = new Gas("hfc-125");
    /** HFO-1234ze(E) (R-1234ze). */
    public static final Gas HFO_1234ZE_E = new Gas("hfo-1234ze(e)");
    /** R-410A, a blend of HFC-32 and HFC-125. */
    public static final Gas R_410A = new Gas("r-410a");


    public Gas {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("gas id must match " + ID_PATTERN + " (got \"" + id + "\")");
        }
    }

    /**
     * The gas named {@code name}, case-insensitive, with the aliases above.
     *
     * @throws IllegalArgumentException if the name is not a well-formed gas id
     */
    public static Gas of(String name) {
        Objects.requireNonNull(name, "name");
        String folded = name.trim().toLowerCase(Locale.ROOT);
        return new Gas(ALIASES.getOrDefault(folded, folded));
    }

    /** Whether this is {@link #CO2E}. */
    public boolean isCo2e() {
        return equals(CO2E);
    }

    @Override
    public int compareTo(Gas o) {
        return id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
