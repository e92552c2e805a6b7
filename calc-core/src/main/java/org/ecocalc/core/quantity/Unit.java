package org.ecocalc.core.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.internal.Texts;

/**
 * The units ecocalc reads. Each is an exact rational multiple of its dimension's canonical unit:
 * {@code canonical = value × numerator / denominator}. Every constant is exact by definition
 * and is cited in {@code docs/units.md}; none passes through a binary double.
 *
 * <p>Symbols are case-sensitive ({@code MWh} is not {@code mWh}); the few aliases accepted are
 * listed with each unit.
 */
public enum Unit {
    // Energy → kWh. 1 Wh = 3600 J (SI); 1 kWh = 3.6 MJ exactly.
    /** Watt-hour. */
    WH("Wh", Dimension.ENERGY, "0.001", "1"),
    /** Kilowatt-hour (canonical energy unit). */
    KWH("kWh", Dimension.ENERGY, "1", "1"),
    /** Megawatt-hour. */
    MWH("MWh", Dimension.ENERGY, "1000", "1"),
    /** Gigawatt-hour. */
    GWH("GWh", Dimension.ENERGY, "1000000", "1"),
    /** Megajoule: 1 kWh = 3.6 MJ. */
    MJ("MJ", Dimension.ENERGY, "1", "3.6"),
    /** Gigajoule. */
    GJ("GJ", Dimension.ENERGY, "1000", "3.6"),
    /** Terajoule (the unit of IPCC default emission factors). */
    TJ("TJ", Dimension.ENERGY, "1000000", "3.6"),
    /** Million International Table British thermal units: 1 Btu(IT) = 1055.05585262 J exactly. */
    MMBTU("MMBtu", Dimension.ENERGY, "1055.05585262", "3.6", "mmBtu", "MMBTU", "mmbtu"),
    /** Therm = 100,000 Btu(IT), as used by the US EIA and EPA (0.1 MMBtu). */
    THERM("therm", Dimension.ENERGY, "105.505585262", "3.6", "thm"),
    /** Ton of refrigeration for one hour = 12,000 Btu(IT) (heat removed by chillers). */
    TON_HOUR("TRh", Dimension.ENERGY, "12.66067023144", "3.6", "ton-hour"),

    // Volume → L. 1 L = 1 dm³ (SI, 1964).
    /** Millilitre. */
    ML("mL", Dimension.VOLUME, "0.001", "1"),
    /** Litre (canonical volume unit). */
    L("L", Dimension.VOLUME, "1", "1", "l"),
    /** Cubic metre = 1000 L. */
    M3("m3", Dimension.VOLUME, "1000", "1", "m³"),
    /** US liquid gallon = 231 in³ = 3.785411784 L exactly. */
    US_GAL("gal", Dimension.VOLUME, "3.785411784", "1", "US gal", "gal_us"),
    /** Thousand US gallons. */
    KGAL("kgal", Dimension.VOLUME, "3785.411784", "1"),
    /**
     * Cubic foot = 0.3048³ m³ = 28.316846592 L exactly (international foot, 1959). As {@code scf}
     * (standard cubic foot) it measures gas volume at the reference conditions of the factor that
     * uses it (EPA: 60 °F, 1 atm); the conversion to litres is the same.
     */
    SCF("scf", Dimension.VOLUME, "28.316846592", "1", "ft3", "cf"),

    // Mass → kg.
    /** Gram. */
    G("g", Dimension.MASS, "0.001", "1"),
    /** Kilogram (canonical mass unit). */
    KG("kg", Dimension.MASS, "1", "1"),
    /** Tonne (metric ton) = 1000 kg. */
    T("t", Dimension.MASS, "1000", "1", "tonne"),
    /** Gigagram = 1000 t (the mass unit of IPCC net calorific values, TJ/Gg). */
    GG("Gg", Dimension.MASS, "1000000", "1"),
    /** International avoirdupois pound = 0.45359237 kg exactly (1959 agreement). */
    LB("lb", Dimension.MASS, "0.45359237", "1", "lbs"),

    // Time → s.
    /** Second (canonical time unit). */
    S("s", Dimension.TIME, "1", "1"),
    /** Minute = 60 s. */
    MIN("min", Dimension.TIME, "60", "1"),
    /** Hour = 3600 s. */
    H("h", Dimension.TIME, "3600", "1"),

    // Accelerator time → GPU-h.
    /** GPU-hour (canonical accelerator-time unit). */
    GPU_H("GPU-h", Dimension.GPU_TIME, "1", "1", "GPU·h"),
    /** GPU-second = 1/3600 GPU-h. */
    GPU_S("GPU-s", Dimension.GPU_TIME, "1", "3600", "GPU·s"),

    // Pure numbers → 1.
    /** The number one (canonical count unit): a count or a ratio of like quantities. */
    ONE("1", Dimension.COUNT, "1", "1"),
    /** One billion (short scale, 10⁹), as in "70 billion parameters". */
    BILLION("billion", Dimension.COUNT, "1000000000", "1");

    /**
     * The context of conversions out of the canonical unit: 30 significant digits, half-even.
     * The conversion into the canonical unit errs by at most half a unit in the 34th digit, so a
     * value of up to {@value Decimals#EXACT_ROUND_TRIP_DIGITS} significant digits converted to
     * canonical and back is returned exactly.
     */
    public static final MathContext OUTPUT_CONTEXT = new MathContext(Decimals.EXACT_ROUND_TRIP_DIGITS,
            RoundingMode.HALF_EVEN);

    private static final Map<String, Unit> BY_SYMBOL;
    private static final Map<String, Unit> BY_FOLDED;

    static {
        Map<String, Unit> bySymbol = new HashMap<>();
        Map<String, Unit> byFolded = new HashMap<>();
        for (Unit u : values()) {
            bySymbol.put(u.symbol, u);
            byFolded.putIfAbsent(u.symbol.toLowerCase(Locale.ROOT), u);
            for (String a : u.aliases) {
                bySymbol.put(a, u);
                byFolded.putIfAbsent(a.toLowerCase(Locale.ROOT), u);
            }
        }
        BY_SYMBOL = Collections.unmodifiableMap(bySymbol);
        BY_FOLDED = Collections.unmodifiableMap(byFolded);
    }

    private final String symbol;
    private final Dimension dimension;
    private final BigDecimal numerator;
    private final BigDecimal denominator;
    private final boolean exactToCanonical;
    private final List<String> aliases;

    Unit(String symbol, Dimension dimension, String numerator, String denominator, String... aliases) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.numerator = new BigDecimal(numerator);
        this.denominator = new BigDecimal(denominator);
        this.exactToCanonical = this.denominator.compareTo(BigDecimal.ONE) == 0;
        this.aliases = List.of(aliases);
    }

    /** The symbol written in JSON and reports ({@code "kWh"}, {@code "m3"}, {@code "GPU-h"}). */
    public String symbol() {
        return symbol;
    }

    /** The other spellings accepted by {@link #parse(String)}. */
    public List<String> aliases() {
        return aliases;
    }

    /** What this unit measures. */
    public Dimension dimension() {
        return dimension;
    }

    /** Whether this is its dimension's canonical unit. */
    public boolean isCanonical() {
        return exactToCanonical && numerator.compareTo(BigDecimal.ONE) == 0;
    }

    /** The exact factor numerator: {@code canonical = value × numerator / denominator}. */
    public BigDecimal numerator() {
        return numerator;
    }

    /** The exact factor denominator: {@code canonical = value × numerator / denominator}. */
    public BigDecimal denominator() {
        return denominator;
    }

    /**
     * Converts an amount in this unit to the canonical unit. Exact when the denominator is 1;
     * otherwise rounded once with {@link Decimals#MATH_CONTEXT}. Trailing zeros are stripped.
     */
    public BigDecimal toCanonical(BigDecimal value) {
        BigDecimal product = value.multiply(numerator);
        return Decimals.normalize(exactToCanonical ? product : product.divide(denominator, Decimals.MATH_CONTEXT));
    }

    /**
     * Converts an amount in the canonical unit to this unit, rounded once with
     * {@link #OUTPUT_CONTEXT} unless exact. For every decimal {@code v} of the input limits,
     * {@code fromCanonical(toCanonical(v))} equals {@code v} when {@code v} has at most
     * {@value Decimals#EXACT_ROUND_TRIP_DIGITS} significant digits.
     */
    public BigDecimal fromCanonical(BigDecimal canonical) {
        if (isCanonical()) {
            return Decimals.normalize(canonical);
        }
        return Decimals.normalize(canonical.multiply(denominator).divide(numerator, OUTPUT_CONTEXT));
    }

    /**
     * The unit with this symbol or alias.
     *
     * @throws UnitException ({@link ErrorCode#UNKNOWN_UNIT}) naming the symbol and, where a
     *                       different capitalisation is known, the likely intended unit
     */
    public static Unit parse(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        Unit u = BY_SYMBOL.get(symbol);
        if (u != null) {
            return u;
        }
        Unit guess = BY_FOLDED.get(symbol.toLowerCase(Locale.ROOT));
        String hint = guess != null ? "; did you mean \"" + guess.symbol + "\"?" : "";
        throw new UnitException(ErrorCode.UNKNOWN_UNIT,
                "unknown unit \"" + Texts.abbreviate(symbol) + "\"" + hint);
    }

    /**
     * Like {@link #parse(String)}, and also requires the given dimension.
     *
     * @throws UnitException ({@link ErrorCode#UNKNOWN_UNIT} or
     *                       {@link ErrorCode#UNIT_DIMENSION_MISMATCH}) listing the units accepted
     */
    public static Unit parse(String symbol, Dimension expected) {
        Unit u;
        try {
            u = parse(symbol);
        } catch (UnitException e) {
            throw new UnitException(ErrorCode.UNKNOWN_UNIT, e.getMessage() + "; " + expected.label()
                    + " units: " + String.join(", ", symbols(expected)));
        }
        if (u.dimension != expected) {
            throw new UnitException(ErrorCode.UNIT_DIMENSION_MISMATCH, "\"" + symbol + "\" is a unit of "
                    + u.dimension.label() + ", not " + expected.label() + "; " + expected.label()
                    + " units: " + String.join(", ", symbols(expected)));
        }
        return u;
    }

    /** The symbols of every unit of a dimension, in declaration order. */
    public static List<String> symbols(Dimension dimension) {
        List<String> out = new ArrayList<>();
        for (Unit u : values()) {
            if (u.dimension == dimension) {
                out.add(u.symbol);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
